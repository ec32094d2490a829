using System.CommandLine;
using System.CommandLine.Parsing;

namespace ManifestLint.Cli;

/// <summary>One report of a run: a format and where it goes (null: standard output).</summary>
internal sealed record ReportTarget(string Format, string? Output);

/// <summary>
/// Several reports from one run: <c>--format sarif --output x.sarif --format github</c>. Each <c>--output</c> belongs to
/// the <c>--format</c> before it (or, given first, to the next one), so one lint run writes the SARIF file for code
/// scanning and the annotations together; at most one format goes to standard output.
/// </summary>
internal static class ReportTargets
{
    public static IReadOnlyList<ReportTarget>? Read(ParseResult parseResult, Option<string[]> format, Option<string[]> output, out string? error)
    {
        error = null;
        var formats = new List<string>();
        var outputs = new List<string?>();
        var pending = new Queue<string>();
        var tokens = parseResult.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Type != TokenType.Option)
            {
                continue;
            }

            if (format.Name == tokens[i].Value || format.Aliases.Contains(tokens[i].Value))
            {
                formats.Add(tokens[++i].Value);
                outputs.Add(pending.Count > 0 ? pending.Dequeue() : null);
            }
            else if (output.Name == tokens[i].Value || output.Aliases.Contains(tokens[i].Value))
            {
                var path = tokens[++i].Value;
                if (formats.Count > 0 && outputs[^1] is null)
                {
                    outputs[^1] = path;
                }
                else
                {
                    pending.Enqueue(path);
                }
            }
        }

        if (formats.Count == 0)
        {
            formats.Add("text");
            outputs.Add(pending.Count > 0 ? pending.Dequeue() : null);
        }

        if (pending.Count > 0)
        {
            error = $"--output {pending.Peek()}: there is no --format for it (give one --format before each --output)";
            return null;
        }

        if (outputs.Count(o => o is null) > 1)
        {
            error = $"{outputs.Count(o => o is null)} formats would go to standard output ({string.Join(", ", formats.Where((_, i) => outputs[i] is null))}); give each but one an --output FILE";
            return null;
        }

        if (outputs.OfType<string>().GroupBy(o => o, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            error = $"--output {twice.Key} is given twice";
            return null;
        }

        return formats.Select((f, i) => new ReportTarget(f, outputs[i])).ToArray();
    }
}
