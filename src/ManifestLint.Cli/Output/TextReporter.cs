using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Cli.Output;

/// <summary>MSBuild-style lines that editors and CI parse: <c>path(line,col): warning ML1003: message</c>.</summary>
internal static class TextReporter
{
    public static void Write(ReportContext report, TextWriter writer)
    {
        foreach (var diagnostic in report.Result.Diagnostics)
        {
            var (line, column, _, _) = ReportContext.Region(diagnostic.Location);
            var severity = SeverityMapping.Name(diagnostic.Severity);
            var label = report.UseColor ? Colorize(severity, diagnostic.Severity) : severity;
            writer.WriteLine($"{report.DisplayPath(diagnostic.Location)}({line},{column}): {label} {diagnostic.Id}: {ReportContext.Message(diagnostic)}");
        }
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
