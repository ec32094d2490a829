using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class MultiLineValueHasTrailingWhitespace : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2008",
        "Multi-line value has trailing whitespace",
        "Value of '{0}' in {1} of {2} has {3} ending in spaces or tabs, so kubectl get -o yaml shows the whole value as one quoted string full of \\n escapes, hard to read and edit. Remove the trailing whitespace.",
        RuleCategory.Content,
        DiagnosticSeverity.Info,
        enabledByDefault: true,
        "A multi-line value with a line ending in spaces or tabs cannot be written as a YAML block, so kubectl get -o yaml and kubectl create configmap --from-file -o yaml show it as one quoted string full of \\n escapes.",
        RulePrecision.Medium,
        "Remove the trailing spaces and tabs from the lines of the value.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        foreach (var section in ConfigDataSection.Of(context.Object))
        {
            // Base64 values cannot hold whitespace at all (ML2005).
            if (section.IsBase64)
            {
                continue;
            }

            foreach (var entry in KubernetesValues.JsonEntries(section.Mapping))
            {
                if (entry.Value is not YamlScalar scalar || KubernetesValues.AsString(scalar) is not { } text || text.IndexOf('\n') < 0)
                {
                    continue;
                }

                var lines = LinesEndingInWhitespace(text);
                if (lines.Count == 0)
                {
                    continue;
                }

                // Only suggested: the trailing whitespace is part of the value, and the fix removes it.
                var hint = FixHints.TrimTrailingWhitespace(context.Object.FileOf(scalar), scalar, "Remove the trailing whitespace");
                context.ReportAt(Rule, scalar, null, hint,
                    MessageText.Shorten(entry.Name!), section.Field, context.Object.DisplayName, Where(context.Object, scalar, lines));
            }
        }
    }, "ConfigMap", "Secret");

    /// <summary>0-based numbers of the value's lines that end in a space or tab.</summary>
    private static List<int> LinesEndingInWhitespace(string text)
    {
        var lines = new List<int>();
        var line = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                continue;
            }

            var endsLine = i + 1 == text.Length || text[i + 1] == '\n';
            if (endsLine && c is ' ' or '\t')
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string Where(KubeObject obj, YamlScalar scalar, List<int> lines)
    {
        var count = lines.Count == 1 ? "a line" : $"{lines.Count} lines";

        // A literal block keeps every source line as one line of the value, so the lines can be named in the
        // file, where the user has to fix them (checked against the text, in case the mapping is off).
        if (scalar.Style == ScalarStyle.Literal && SourceLine(obj.FileOf(scalar).Text, scalar, lines[0]) is { } fileLine)
        {
            return lines.Count == 1 ? $"a line (line {fileLine})" : $"{count} (the first is line {fileLine})";
        }

        return lines.Count == 1 ? $"a line (line {lines[0] + 1} of the value)" : $"{count} (the first is line {lines[0] + 1} of the value)";
    }

    private static int? SourceLine(string text, YamlScalar scalar, int valueLine)
    {
        // The value's first line is the line after the block indicator.
        var offset = scalar.Range.Start.Offset;
        for (var i = 0; i <= valueLine; i++)
        {
            offset = text.IndexOf('\n', offset);
            if (offset < 0 || offset >= scalar.Range.End.Offset)
            {
                return null;
            }

            offset++;
        }

        var end = text.IndexOf('\n', offset);
        end = end < 0 ? text.Length : end;
        var content = text.Substring(offset, end - offset).TrimEnd('\r');
        return content.Length > 0 && content[content.Length - 1] is ' ' or '\t'
            ? scalar.Range.Start.Line + 1 + valueLine
            : null;
    }
}
