using ManifestLint.Configuration;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>Everything that shapes one run; immutable.</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>The namespace of objects that name none (<see cref="OptionCatalog.DefaultNamespace"/>).</summary>
    public string DefaultNamespace { get; init; } = OptionCatalog.DefaultNamespace.Default;

    public KubernetesVersion KubeVersion { get; init; } = OptionCatalog.KubeVersion.Default;

    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    /// <summary>Limits given on the command line (<c>--limit</c>); they win over .editorconfig's.</summary>
    public YamlLimitSettings LimitOverrides { get; init; } = YamlLimitSettings.None;

    /// <summary>
    /// The limits for the file at <paramref name="path"/>: <see cref="Limits"/>, then .editorconfig (which can only lower
    /// them: it may come with the pull request), then the command line (which can raise them).
    /// </summary>
    public YamlLimits LimitsFor(string path) =>
        Configuration is null
            ? LimitOverrides.ApplyTo(Limits)
            : Configuration.For(new Loading.SourceFile(path, path, isContext: false)).LimitsFor(Limits, LimitOverrides);

    public ExternalObjects ExternalObjects { get; init; } = ExternalObjects.None;

    /// <summary>
    /// The user's knowledge files (<c>--producers</c>): producers, implicit objects and pod specs of custom
    /// resources added to the engine's table, with those that configuration names.
    /// </summary>
    public IReadOnlyList<string> KnowledgeFiles { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The values set for the rules' own options (<see cref="ManifestRule.Options"/>); a rule reads them with
    /// <see cref="Get{T}"/>, which gives the option's default when none is set.
    /// </summary>
    public OptionValues RuleOptions { get; init; } = OptionValues.Empty;

    /// <summary>The value of a rule's option for this run or file.</summary>
    public T Get<T>(LintOption<T> option)
        where T : notnull => RuleOptions.Get(option);

    /// <summary>These options with <paramref name="option"/> set to <paramref name="value"/>.</summary>
    public LintOptions With<T>(LintOption<T> option, T value)
        where T : notnull => this with { RuleOptions = RuleOptions.With(option, value) };

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
    public bool BuildKustomizations { get; init; } = OptionCatalog.Kustomize.Default;

    /// <summary>How many files are parsed at once; 0 means one per core.</summary>
    public int MaxParallelism { get; init; }
}
