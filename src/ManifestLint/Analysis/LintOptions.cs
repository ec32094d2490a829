using System.Collections.Immutable;
using ManifestLint.Configuration;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>Everything that shapes one run; immutable.</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>
    /// The values set for the run, of the engine's options (<see cref="OptionCatalog"/>) and the rules' own
    /// (<see cref="ManifestRule.Options"/>). Read one with <see cref="Get{T}"/>, which gives the option's default when
    /// none is set; the options of one file (<see cref="FileOptions"/>) add what its configuration sets.
    /// </summary>
    public OptionValues Values { get; init; } = OptionValues.Empty;

    /// <summary>
    /// The options the command line set: a configuration file does not change their values, unless the option joins
    /// the two (<see cref="LintOption{T}.Combine"/>: external objects add up, kustomize off anywhere wins).
    /// </summary>
    public ImmutableHashSet<LintOption> SetOnCommandLine { get; init; } = ImmutableHashSet<LintOption>.Empty;

    /// <summary>The value of an option for this run or file.</summary>
    public T Get<T>(LintOption<T> option)
        where T : notnull => Values.Get(option);

    /// <summary>These options with <paramref name="option"/> set to <paramref name="value"/>.</summary>
    public LintOptions With<T>(LintOption<T> option, T value)
        where T : notnull => this with { Values = Values.With(option, value) };

    /// <summary>The objects that exist outside the linted files (<see cref="OptionCatalog.ExternalObjects"/>), which reference resolution asks.</summary>
    public ExternalObjects ExternalObjects => Get(OptionCatalog.ExternalObjects);

    /// <summary>The engine's safety limits, before configuration and the command line (<see cref="LimitsFor"/>).</summary>
    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    /// <summary>The limits set for the run (<c>--limit</c>, values of <see cref="OptionCatalog.Limits"/>); they win over .editorconfig's.</summary>
    public YamlLimitSettings LimitOverrides => OptionCatalog.LimitsIn(Values);

    /// <summary>
    /// The limits for the file at <paramref name="path"/>: <see cref="Limits"/>, then .editorconfig (which can only lower
    /// them: it may come with the pull request), then the command line (which can raise them).
    /// </summary>
    public YamlLimits LimitsFor(string path) =>
        Configuration is null
            ? LimitOverrides.ApplyTo(Limits)
            : Configuration.For(new Loading.SourceFile(path, path, isContext: false)).LimitsFor(Limits, LimitOverrides);

    /// <summary>Severity per rule ID from the command line; they win over every other setting.</summary>
    public IReadOnlyDictionary<string, ReportDiagnostic> SeverityOverrides { get; init; } = new Dictionary<string, ReportDiagnostic>();

    /// <summary>Per-file configuration (.editorconfig); the command line wins over it, it wins over the defaults.</summary>
    public IConfigurationProvider? Configuration { get; init; }

    /// <summary>How many files are parsed at once; 0 means one per core.</summary>
    public int MaxParallelism { get; init; }

    /// <summary>
    /// From this many bytes of input on, a run drops each file's trees once it has read its objects' facts, and reads
    /// the file again while its rules run (memory that stays flat with the size of the repository; issue 21). Below
    /// it, the trees stay: parsing twice costs more than keeping them. The output is the same either way.
    /// </summary>
    internal long TreeReleaseBytes { get; init; } = DefaultTreeReleaseBytes;

    internal const long DefaultTreeReleaseBytes = 32L * 1024 * 1024;
}
