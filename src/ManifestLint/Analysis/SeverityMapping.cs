using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>Roslyn's <see cref="ReportDiagnostic"/> settings applied to a descriptor.</summary>
public static class SeverityMapping
{
    /// <summary>The severity a finding is shown with, or null when it is not shown at all.</summary>
    public static DiagnosticSeverity? Effective(DiagnosticDescriptor descriptor, ReportDiagnostic? configured) =>
        configured switch
        {
            null or ReportDiagnostic.Default => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null,
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            _ => null,
        };

    /// <summary>
    /// The severity a reported finding is shown with, or null when it is not shown. As in Roslyn, a finding the rule
    /// reported with its own effective severity keeps it unless the user configured a severity for the rule ID.
    /// </summary>
    public static DiagnosticSeverity? Effective(Diagnostic diagnostic, ReportDiagnostic? configured) =>
        configured is null or ReportDiagnostic.Default
            ? (diagnostic.Descriptor.IsEnabledByDefault ? diagnostic.Severity : null)
            : Effective(diagnostic.Descriptor, configured);

    /// <summary>The word users write: error, warning, note.</summary>
    public static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "hidden",
    };

    /// <summary>Reads error, warning, note (or suggestion/info), none (or silent/hidden), default.</summary>
    public static bool TryParse(string text, out ReportDiagnostic value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": value = ReportDiagnostic.Error; return true;
            case "warning" or "warn": value = ReportDiagnostic.Warn; return true;
            case "note" or "suggestion" or "info": value = ReportDiagnostic.Info; return true;
            case "silent" or "hidden": value = ReportDiagnostic.Hidden; return true;
            case "none": value = ReportDiagnostic.Suppress; return true;
            case "default": value = ReportDiagnostic.Default; return true;
            default: value = ReportDiagnostic.Default; return false;
        }
    }
}
