using Microsoft.CodeAnalysis;

namespace ManifestLint.Cli;

/// <summary><c>--fail-level</c>: which findings make the exit code 1.</summary>
internal static class FailLevel
{
    public static bool Fails(string level, IEnumerable<Diagnostic> diagnostics)
    {
        var threshold = level switch
        {
            "none" => (DiagnosticSeverity?)null,
            "note" => DiagnosticSeverity.Info,
            "warning" => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Error,
        };
        return threshold is { } t && diagnostics.Any(d => d.Severity >= t);
    }
}
