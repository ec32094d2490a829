using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Configuration;

/// <summary>What configuration says for one file; null means "no opinion" (the run's value applies).</summary>
public sealed class FileSettings
{
    public static FileSettings Empty { get; } = new(null, OptionValues.Empty, null);

    public FileSettings(Func<DiagnosticDescriptor, ReportDiagnostic?>? severity, OptionValues values, string? source)
    {
        SeverityOf = severity ?? (_ => null);
        Values = values;
        Source = source;

        // Asked for every file, object and finding: worked out once here.
        DefaultNamespace = values.TryGet(OptionCatalog.DefaultNamespace, out var ns) ? ns : null;
        KubeVersion = values.TryGet(OptionCatalog.KubeVersion, out var version) ? version : null;
        ExternalObjects = values.Get(OptionCatalog.ExternalObjects);
        GeneratedCode = values.Get(OptionCatalog.GeneratedCode);
        KustomizeOff = !values.Get(OptionCatalog.Kustomize);
        var limits = Yaml.YamlLimitSettings.None;
        foreach (var limit in OptionCatalog.Limits)
        {
            if (values.TryGet(limit, out var set))
            {
                limits = limits.Overlay(set);
            }
        }

        Limits = limits;
        RuleOptions = values.Where(o => !OptionCatalog.Engine.Contains(o));
    }

    public Func<DiagnosticDescriptor, ReportDiagnostic?> SeverityOf { get; }

    /// <summary>Every option value the configuration sets for the file (<see cref="OptionCatalog"/>).</summary>
    public OptionValues Values { get; }

    public string? DefaultNamespace { get; }

    public KubernetesVersion? KubeVersion { get; }

    /// <summary>Added to the run's external objects.</summary>
    public IReadOnlyList<string> ExternalObjects { get; }

    /// <summary>The values of the rules' own options (<see cref="ManifestRule.Options"/>); they replace the run's.</summary>
    public OptionValues RuleOptions { get; }

    /// <summary>Safety limits set for this file (<c>manifestlint.max_depth</c>, ...); the command line wins over them.</summary>
    public Yaml.YamlLimitSettings Limits { get; }

    /// <summary>
    /// <c>generated_code = true</c>, Roslyn's own key for files nobody edits by hand (vendored charts, rendered
    /// bundles): the file is read for references, but its own findings are not reported, as with <c>--context</c>.
    /// </summary>
    public bool GeneratedCode { get; }

    /// <summary>
    /// <c>manifestlint.kustomize = off</c> on a kustomization file: its root is not built, and the files are linted as
    /// written (<c>--kustomize off</c> does this for the whole run).
    /// </summary>
    public bool KustomizeOff { get; }

    /// <summary>A key identifying the configuration files behind these settings (for caching).</summary>
    public string? Source { get; }

    /// <summary>The limits for a file with these settings in a run (see <see cref="LintOptions.LimitsFor"/>), worked out once per run's limits.</summary>
    internal Yaml.YamlLimits LimitsFor(Yaml.YamlLimits run, Yaml.YamlLimitSettings overrides)
    {
        if (_limits is { } cached && ReferenceEquals(cached.Run, run) && ReferenceEquals(cached.Overrides, overrides))
        {
            return cached.Result;
        }

        var result = Limits.OnlyLowering(run).Overlay(overrides).ApplyTo(run);
        _limits = new LimitsCache(run, overrides, result);
        return result;
    }

    private LimitsCache? _limits;

    private sealed class LimitsCache
    {
        public LimitsCache(Yaml.YamlLimits run, Yaml.YamlLimitSettings overrides, Yaml.YamlLimits result)
        {
            Run = run;
            Overrides = overrides;
            Result = result;
        }

        public Yaml.YamlLimits Run { get; }

        public Yaml.YamlLimitSettings Overrides { get; }

        public Yaml.YamlLimits Result { get; }
    }
}

/// <summary>Per-file configuration: .editorconfig files (CLI) or the compiler's options (analyzer).</summary>
public interface IConfigurationProvider
{
    FileSettings For(Loading.SourceFile file);

    /// <summary>Mistakes found in configuration files (unknown rules, options, values), with file and line.</summary>
    IReadOnlyList<ConfigurationMessage> Messages { get; }

    /// <summary>
    /// The knowledge files (the user's producers, implicit objects, pod specs of custom resources) that the
    /// configuration read so far names (<c>manifestlint.producers</c>), as full paths. They apply to the whole run.
    /// </summary>
    IReadOnlyList<string> KnowledgeFiles { get; }
}

/// <summary>A problem in a configuration file or a suppression comment, located by file and line.</summary>
public sealed record ConfigurationMessage(string Path, int Line, string Message)
{
    /// <summary>The 1-based column, or 0 when the message is about the whole line.</summary>
    public int Column { get; init; }

    /// <summary>The rule the message is about (the rule a stale suppression names), if any.</summary>
    public string? RuleId { get; init; }

    /// <summary>Where and what, as compilers print it: <c>path(line,column): warning ML1003: ...</c> when both are known.</summary>
    public string Where(string path) => Column > 0 ? $"{path}({Line},{Column}): warning{(RuleId is null ? string.Empty : " " + RuleId)}" : $"{path}({Line}): warning";

    public override string ToString() => $"{Where(Path)}: {Message}";
}
