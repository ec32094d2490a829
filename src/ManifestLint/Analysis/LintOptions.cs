using ManifestLint.Configuration;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>Everything that shapes one run; immutable.</summary>
public sealed record LintOptions
{
    // Declared before Default: static initialisers run in order, and Default's constructor reads this list.
    private static readonly string[] SystemDirectoryDefaults =
    {
        "/", "/bin", "/boot", "/etc", "/etc/ssl", "/etc/ssl/certs", "/lib", "/lib32", "/lib64", "/opt", "/root",
        "/sbin", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/sbin", "/var",
    };

    public static LintOptions Default { get; } = new();

    /// <summary>The namespace of objects that name none (<c>--namespace</c>).</summary>
    public string DefaultNamespace { get; init; } = "default";

    public KubernetesVersion KubeVersion { get; init; } = KubernetesVersion.Newest;

    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    /// <summary>Limits given on the command line (<c>--limit</c>); they win over .editorconfig's.</summary>
    public YamlLimitSettings LimitOverrides { get; init; } = YamlLimitSettings.None;

    /// <summary>
    /// The limits for the file at <paramref name="path"/>: <see cref="Limits"/>, then .editorconfig (which can only lower
    /// them: it may come with the pull request), then the command line (which can raise them).
    /// </summary>
    public YamlLimits LimitsFor(string path)
    {
        var configured = Configuration?.For(new Loading.SourceFile(path, path, isContext: false)).Limits ?? YamlLimitSettings.None;
        return configured.OnlyLowering(Limits).Overlay(LimitOverrides).ApplyTo(Limits);
    }

    public ExternalObjects ExternalObjects { get; init; } = ExternalObjects.None;

    /// <summary>
    /// The user's knowledge files (<c>--producers</c>): producers, implicit objects and pod specs of custom
    /// resources added to the engine's table, with those that configuration names.
    /// </summary>
    public IReadOnlyList<string> KnowledgeFiles { get; init; } = Array.Empty<string>();

    /// <summary>Mount paths that hide the image's files (ML3005).</summary>
    public IReadOnlyList<string> SystemDirectories { get; init; } = DefaultSystemDirectories;

    /// <summary>Severity per rule ID from the command line; they win over every other setting.</summary>
    public IReadOnlyDictionary<string, ReportDiagnostic> SeverityOverrides { get; init; } = new Dictionary<string, ReportDiagnostic>();

    /// <summary>Per-file configuration (.editorconfig); the command line wins over it, it wins over the defaults.</summary>
    public IConfigurationProvider? Configuration { get; init; }

    /// <summary>True when <see cref="DefaultNamespace"/> was given on the command line (it then beats configuration files).</summary>
    public bool DefaultNamespaceIsExplicit { get; init; }

    /// <summary>True when <see cref="KubeVersion"/> was given on the command line.</summary>
    public bool KubeVersionIsExplicit { get; init; }

    /// <summary>
    /// Whether kustomizations are built (<c>--kustomize auto</c>, the default): each root's objects are linted as
    /// <c>kustomize build</c> makes them. Off lints every file as written.
    /// </summary>
    public bool BuildKustomizations { get; init; } = true;

    /// <summary>How many files are parsed at once; 0 means one per core.</summary>
    public int MaxParallelism { get; init; }

    public static IReadOnlyList<string> DefaultSystemDirectories => SystemDirectoryDefaults;
}
