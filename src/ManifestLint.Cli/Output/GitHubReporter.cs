using System.Text;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::warning file=...,line=...,col=...,endLine=...,endColumn=...,title=ML3004::message</c>)
/// that the runner turns into annotations on the pull request, for repositories without code scanning.
/// </summary>
internal static class GitHubReporter
{
    public static void Write(ReportContext report, TextWriter writer)
    {
        var workspace = report.Console.GetEnvironmentVariable("GITHUB_WORKSPACE");
        foreach (var diagnostic in report.Shown)
        {
            var (line, column, endLine, endColumn) = ReportContext.Region(diagnostic.Location);
            var message = new StringBuilder(ReportContext.Message(diagnostic));
            for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
            {
                var related = diagnostic.AdditionalLocations[i];
                var (relatedLine, relatedColumn, _, _) = ReportContext.Region(related);
                message.Append('\n').Append(ReportPaths.Relative(report, related.GetLineSpan().Path, workspace))
                    .Append('(').Append(relatedLine).Append(',').Append(relatedColumn).Append("): ")
                    .Append(ReportContext.RelatedMessage(diagnostic, i) ?? "related location");
            }

            writer.Write("::");
            writer.Write(Command(diagnostic.Severity));
            writer.Write(" file=");
            writer.Write(EscapeProperty(TextEscaping.Controls(ReportPaths.Relative(report, diagnostic.Location.GetLineSpan().Path, workspace))));
            writer.Write($",line={line},col={column},endLine={endLine},endColumn={endColumn},title=");
            writer.Write(EscapeProperty(diagnostic.Id));
            writer.Write("::");
            writer.Write(EscapeData(TextEscaping.Controls(message.ToString())));
            writer.Write('\n');
        }

        // Configuration warnings (a stale suppression comment, an unknown rule in .editorconfig) are annotations too,
        // with the rule and column when they have them.
        foreach (var message in report.Result.ConfigurationMessages)
        {
            writer.Write("::warning file=");
            writer.Write(EscapeProperty(TextEscaping.Controls(ReportPaths.Relative(report, message.Path, workspace))));
            writer.Write($",line={Math.Max(1, message.Line)}");
            if (message.Column > 0)
            {
                writer.Write($",col={message.Column}");
            }

            writer.Write(",title=");
            writer.Write(EscapeProperty(message.RuleId ?? "manifestlint configuration"));
            writer.Write("::");
            writer.Write(EscapeData(TextEscaping.Controls(message.Message)));
            writer.Write('\n');
        }
    }

    private static string Command(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>As actions/toolkit's escapeData: the message ends at the end of the line.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>As actions/toolkit's escapeProperty: properties also end at ',' and the data starts after '::'.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
