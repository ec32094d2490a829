using System.Globalization;
using ManifestLint.Configuration;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Cli.Output;

/// <summary>The one summary line (to standard error, so that the report on standard output stays clean).</summary>
internal static class Summary
{
    /// <summary>"3 errors", "1 note": the count of one severity, in the words the report uses (<see cref="Severity.Name"/>).</summary>
    private static string Count(Engine.LintResult result, DiagnosticSeverity severity) => Plural(result.Count(severity), Severity.Name(severity));

    public static void Write(ReportContext report, TextWriter writer, int? newSinceBaseline)
    {
        var result = report.Result;
        var files = result.Files.Count(f => !f.IsContext);
        var skipped = result.Files.Where(f => f.Skipped && !f.IsContext).ToArray();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"manifestlint: {Plural(files, "file")}, {Plural(result.Set.Objects.Count(o => !o.File.IsContext), "object")}: " +
            $"{Count(result, DiagnosticSeverity.Error)}, {Count(result, DiagnosticSeverity.Warning)}, " +
            $"{Count(result, DiagnosticSeverity.Info)} in {result.Elapsed.TotalSeconds:0.00} s");
        if (newSinceBaseline is { } fresh)
        {
            line += $" ({fresh} new since the baseline)";
        }

        if (skipped.Length > 0)
        {
            var reasons = skipped
                .GroupBy(f => ReasonGroup(f.SkipReason))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}: {g.Count()}");
            line += $"; {Plural(skipped.Length, "file")} skipped ({string.Join(", ", reasons)})";
        }

        writer.WriteLine(TextEscaping.Line(line));
    }

    /// <summary>The part of a skip reason before its details: "unreadable", "link", "too deep", "not UTF-8".</summary>
    private static string ReasonGroup(string? reason) =>
        reason is null ? "unknown" : reason.IndexOf(':') is var colon and > 0 ? reason.Substring(0, colon) : reason;

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
