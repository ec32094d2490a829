using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class InvalidBase64 : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2005",
        "Invalid base64",
        "Value of '{0}' in {1} of {2} is not valid base64 (\"illegal base64 data at input byte {3}\"), so the API rejects the object. {4}.",
        RuleCategory.Content,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "ConfigMap binaryData and Secret data values are decoded as standard base64 with '=' padding (line breaks allowed); anything else makes the API reject the object with \"illegal base64 data\".",
        RulePrecision.VeryHigh,
        "Encode the value with standard base64 (base64 -w0), or move a Secret's plain text to stringData.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        foreach (var value in ConfigPayload.Of(context.Object)!.EncodedValues)
        {
            if (value.Check.IsValid)
            {
                continue;
            }

            var text = KubernetesValues.AsString(value.Value) ?? string.Empty;
            context.ReportAt(Rule, value.Value,
                MessageText.Shorten(value.Entry.Name!), value.Field, context.Object.DisplayName, value.Check.ErrorOffset, Hint(context.Object, value, text));
        }
    }, "ConfigMap", "Secret");

    /// <summary>The message's last sentence, without its period (the format ends it).</summary>
    private static string Hint(KubeObject obj, EncodedValue value, string text)
    {
        var offending = value.Check.ErrorOffset < text.Length ? text[value.Check.ErrorOffset] : '\0';
        if (offending is '-' or '_')
        {
            return "It uses the URL-safe alphabet: write '+' for '-' and '/' for '_'";
        }

        // Plain, quoted and folded (>) scalars fold their line breaks into spaces; only a literal block keeps them.
        if (offending == ' ' && value.Value.Style != ScalarStyle.Literal && value.Value.Range.Start.Line != value.Value.Range.End.Line)
        {
            return "YAML joins the lines of a plain, quoted or folded (>) value with spaces; write it as a literal block (|), whose line breaks the decoder skips";
        }

        if (value.Check.ErrorOffset >= text.TrimEnd('\r', '\n').Length && LooksLikeBase64(text))
        {
            return obj.IsKind("Secret")
                ? "The '=' padding at the end is missing (the length must be a multiple of 4); if the value is plain text, move it to stringData instead"
                : "The '=' padding at the end is missing: the length must be a multiple of 4";
        }

        return obj.IsKind("Secret")
            ? "Encode the value (base64 -w0), or move the plain text to stringData, which the API encodes itself"
            : "Encode the value with standard base64 (base64 -w0), or move text to data";
    }

    private static bool LooksLikeBase64(string text)
    {
        foreach (var c in text)
        {
            if (!(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '=' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }
}
