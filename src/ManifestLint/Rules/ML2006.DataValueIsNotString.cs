using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class DataValueIsNotString : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2006",
        "Data value is not a string",
        "Value of '{0}' in {1} of {2} is {3}, {4}. {5}.",
        RuleCategory.Content,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "ConfigMap and Secret values must be strings, but Kubernetes' YAML reads unquoted 8080, yes and 1.10 as a number, a boolean and a float, and kubectl sends them as such, so the API rejects the object.",
        RulePrecision.VeryHigh,
        "Quote the value so that it stays the text as written, or write structured content as a literal block (|).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        foreach (var section in ConfigDataSection.Of(context.Object))
        {
            foreach (var entry in KubernetesValues.JsonEntries(section.Mapping))
            {
                // Null and empty values are stored as "" (docs/kubernetes-behaviour.md#yaml-decoding); timestamps stay
                // the string written.
                if (KubernetesValues.AsString(entry.Value) is not null)
                {
                    continue;
                }

                // A Secret's values never reach a report (CI logs, SARIF uploads): its findings say what the value is, not which.
                var secret = context.Object.IsKind("Secret");
                // Quoting keeps the text as written, which is what a text value means; base64 fields are left alone:
                // whether the number was meant as base64 or as the plain value is the user's call. A Secret's value
                // never reaches a report, not even as a fix's title.
                var hint = !section.IsBase64 && entry.Value is YamlScalar plain
                    ? FixHints.QuotePlain(context.Object.FileOf(plain), plain, secret ? "Quote the value" : $"Quote it: {ScalarText.DoubleQuoted(plain.Value)}")
                    : null;
                var (what, consequence, fix) = section.IsBase64
                    ? Base64Problem(entry.Value, context.Object, section.Field, secret)
                    : TextProblem(entry.Name!, entry.Value, $"{context.Object.Kind}.{section.Field}", secret);
                context.ReportAt(Rule, entry.Value, null, hint, MessageText.Shorten(entry.Name!), section.Field, context.Object.DisplayName, what, consequence, fix);
            }
        }
    }, "ConfigMap", "Secret");

    /// <summary>The message's parts for a text field: what the value is read as, what follows, and the fix (the format ends its sentence).</summary>
    private static (string What, string Consequence, string Fix) TextProblem(string key, YamlNode value, string goField, bool secret)
    {
        if (value is YamlScalar { Resolved: { Type: ScalarType.Float, Json: "null" } } special)
        {
            // .inf and .nan: kubectl cannot even build the JSON ("json: unsupported value: +Inf").
            return ($"read as {(secret ? "a float" : "the float " + MessageText.Shorten(special.Value))}", "which JSON cannot hold, so kubectl fails before sending the object",
                $"Quote it to keep the text as written{Quoted(special, secret)}");
        }

        if (value is YamlScalar scalar)
        {
            return ($"read as {Describe(scalar, secret)}", $"which the API rejects (\"cannot unmarshal {GoType(scalar)} into Go struct field {goField} of type string\")",
                $"Quote it to keep the text as written{Quoted(scalar, secret)}");
        }

        return ($"a {value.TypeName}", $"which the API rejects (\"cannot unmarshal {GoType(value)} into Go struct field {goField} of type string\")",
            $"To store it as text, write '{MessageText.Shorten(key)}: |' and indent the content below it");
    }

    /// <summary>The message's parts for a base64 field (binaryData, a Secret's data).</summary>
    private static (string What, string Consequence, string Fix) Base64Problem(YamlNode value, KubeObject obj, string field, bool secret)
    {
        var what = value is YamlScalar scalar ? Describe(scalar, secret) : "a " + value.TypeName;
        var fix = obj.IsKind("Secret")
            ? "Quote it if it is already base64, or move the plain value to stringData"
            : "Quote it if it is already base64, or move the plain value to data";
        return ($"read as {what}", $"but the field holds base64 text, so the API rejects the object (\"cannot unmarshal {GoType(value)} into Go struct field {obj.Kind}.{field} of type []byte\")", fix);
    }

    /// <summary>": "0644"", or, for a Secret, the instruction without the value.</summary>
    private static string Quoted(YamlScalar scalar, bool secret) =>
        secret ? " (in double quotes; the value is not shown: this is a Secret)" : ": " + MessageText.DoubleQuoted(MessageText.Shorten(scalar.Value));

    private static string Describe(YamlScalar scalar, bool secret) => (secret, scalar.ResolvedType) switch
    {
        (true, ScalarType.Bool) => "a boolean",
        (true, _) => "a number",
        (_, ScalarType.Bool) => $"the boolean {scalar.Resolved.Json}",
        (_, ScalarType.Int) => scalar.Resolved.Json == scalar.Value ? $"the number {scalar.Value}" : $"the number {scalar.Resolved.Json}",
        _ => $"the number {scalar.Resolved.Json}",
    };

    private static string GoType(YamlNode value) => value switch
    {
        YamlScalar { ResolvedType: ScalarType.Bool } => "bool",
        YamlScalar => "number",
        YamlMapping => "object",
        _ => "array",
    };
}
