using ManifestLint.Loading;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>Everything that shapes one run; immutable.</summary>
public sealed record LintOptions
{
    // Static initializers run in text order: the defaults an instance copies must come before Default.
    public static IReadOnlyList<string> DefaultSystemDirectories { get; } = new[]
    {
        "/", "/bin", "/boot", "/etc", "/etc/ssl", "/etc/ssl/certs", "/lib", "/lib32", "/lib64", "/opt", "/root",
        "/sbin", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/sbin", "/var",
    };

    public static LintOptions Default { get; } = new();

    /// <summary>The namespace of objects that name none (<c>--namespace</c>).</summary>
    public string DefaultNamespace { get; init; } = "default";

    public KubernetesVersion KubeVersion { get; init; } = KubernetesVersion.Newest;

    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    public ExternalObjects ExternalObjects { get; init; } = ExternalObjects.None;

    /// <summary>Mount paths that hide the image's files (ML3005).</summary>
    public IReadOnlyList<string> SystemDirectories { get; init; } = DefaultSystemDirectories;

    /// <summary>Severity per rule ID from the command line; they win over every other setting.</summary>
    public IReadOnlyDictionary<string, ReportDiagnostic> SeverityOverrides { get; init; } = new Dictionary<string, ReportDiagnostic>();

    /// <summary>Per-file severities (from .editorconfig); consulted after the command line.</summary>
    public ISeverityProvider? SeverityProvider { get; init; }

    /// <summary>How many files are parsed at once; 0 means one per core.</summary>
    public int MaxParallelism { get; init; }
}

/// <summary>Severities that depend on the file (an .editorconfig section); null means "no opinion".</summary>
public interface ISeverityProvider
{
    ReportDiagnostic? GetSeverity(DiagnosticDescriptor descriptor, SourceFile file);
}
