using Microsoft.CodeAnalysis;

namespace ManifestLint.Configuration;

/// <summary>
/// Roslyn's <see cref="ReportDiagnostic"/> settings applied to a descriptor. The words users write for them are
/// <see cref="Configuration.Severity"/>'s.
/// </summary>
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
}
