using ManifestLint.Analysis;
using ManifestLint.Sarif;
using ManifestLint.Engine;

namespace ManifestLint.Cli.Output;

/// <summary>
/// The CLI's only door to Sarif.Sdk and Newtonsoft.Json. Kept in its own class so that the runtime loads those
/// assemblies only when SARIF output or a baseline is asked for: text runs start faster. Callers check
/// <see cref="SarifSupport.IsAvailable"/> first, so that the Native AOT build leaves this class out.
/// </summary>
internal static class SarifOutput
{
    /// <summary>Compares the findings with a baseline file; returns the comparison (as object) or null with an error.</summary>
    public static object? Compare(string path, ReportContext report, out IReadOnlyList<bool>? isNew, out string? error)
    {
        isNew = null;
        var baseline = Baseline.Load(path, out error);
        if (baseline is null)
        {
            return null;
        }

        var comparison = baseline.Compare(Fingerprints(report));
        isNew = comparison.IsNew;
        return comparison;
    }

    public static void Write(ReportContext report, TextWriter writer, int exitCode, string? category, object? baseline)
    {
        writer.Write(SarifReport.Render(report.Result, RuleCatalog.Default, new SarifReportOptions
        {
            WorkingDirectory = report.Console.WorkingDirectory,
            ToolVersion = ToolVersion.Current,
            ExitCode = exitCode,
            Category = category,
            Baseline = baseline as BaselineComparison,
            LeftOut = text => report.Console.Error.WriteLine($"manifestlint: warning: --format sarif: {text}."),
        }));
    }

    private static string[] Fingerprints(ReportContext report) =>
        report.Result.Diagnostics.Select(d => FindingIdentity.StableFingerprint(d, report.DisplayPath(d.Location))).ToArray();
}
