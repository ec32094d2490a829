using ManifestLint.Analysis;
using ManifestLint.Configuration;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Cli.Output;

/// <summary>MSBuild-style lines that editors and CI parse: <c>path(line,col): warning ML1003: message</c>.</summary>
internal static class TextReporter
{
    public static void Write(ReportContext report, TextWriter writer)
    {
        if (!report.ShowSuppressed)
        {
            // The usual run: the findings in their order, without LINQ over tuples (generic code the JIT would
            // have to compile first in a short run).
            foreach (var diagnostic in report.Shown)
            {
                WriteLine(report, writer, diagnostic, null);
            }

            return;
        }

        var shown = report.Shown.Select(d => (Diagnostic: d, Suppression: (SuppressionInfo?)null))
            .Concat(report.Result.Suppressed.Select(s => (s.Diagnostic, (SuppressionInfo?)s.Suppression)))
            .OrderBy(x => report.DisplayPath(x.Diagnostic.Location), StringComparer.Ordinal)
            .ThenBy(x => x.Diagnostic.Location.SourceSpan.Start)
            .ThenBy(x => x.Diagnostic.Id, StringComparer.Ordinal);
        foreach (var (diagnostic, suppression) in shown)
        {
            WriteLine(report, writer, diagnostic, suppression);
        }
    }

    private static void WriteLine(ReportContext report, TextWriter writer, Diagnostic diagnostic, SuppressionInfo? suppression)
    {
        var (line, column, _, _) = ReportContext.Region(diagnostic.Location);
        var severity = Configuration.Severity.Name(diagnostic.Severity);
        var label = report.UseColor ? Colorize(severity, diagnostic.Severity) : severity;
        var suffix = suppression is null ? string.Empty
            : suppression.Justification.Length > 0 ? $" [suppressed: {suppression.Justification}]" : " [suppressed]";

        // File names and messages come from the pull request: one finding is one line, and no line starts a workflow command.
        writer.WriteLine($"{TextEscaping.Line(report.DisplayPath(diagnostic.Location))}({line},{column}): {label} {diagnostic.Id}: {TextEscaping.Line(ReportContext.Message(diagnostic) + suffix)}");
    }

    private static string Colorize(string text, DiagnosticSeverity severity)
    {
        var code = severity switch
        {
            DiagnosticSeverity.Error => "31",
            DiagnosticSeverity.Warning => "33",
            _ => "36",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
