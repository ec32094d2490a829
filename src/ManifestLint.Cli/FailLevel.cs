using ManifestLint.Configuration;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Cli;

/// <summary>
/// <c>--fail-level</c>: which findings make the exit code 1. It takes every severity word (<see cref="Severity"/>):
/// <c>none</c> never fails, <c>default</c> is <c>error</c>, and <c>silent</c> (below every shown finding) fails on any.
/// </summary>
internal static class FailLevel
{
    public static bool Fails(string level, IEnumerable<Diagnostic> diagnostics)
    {
        var threshold = Severity.TryParse(level, out var value) ? Severity.Threshold(value) : DiagnosticSeverity.Error;
        return threshold is { } t && diagnostics.Any(d => d.Severity >= t);
    }
}
