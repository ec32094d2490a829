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
        Limits = OptionCatalog.LimitsIn(values);
    }

    public Func<DiagnosticDescriptor, ReportDiagnostic?> SeverityOf { get; }

    /// <summary>
    /// Every option value the configuration sets for the file (<see cref="OptionCatalog"/>, and the rules' own); the
    /// engine reads them merged with the run's (<see cref="FileOptions"/>), with <see cref="LintOptions.Get{T}"/>.
    /// </summary>
    public OptionValues Values { get; }

    /// <summary>Safety limits set for this file (<c>manifestlint.max_depth</c>, ...); the command line wins over them.</summary>
    public Yaml.YamlLimitSettings Limits { get; }

    /// <summary>A key identifying the configuration files behind these settings (for caching).</summary>
    public string? Source { get; }

    /// <summary>The limits for a file with these settings in a run (see <see cref="LintOptions.LimitsFor"/>), worked out once per run's limits.</summary>
    internal Yaml.YamlLimits LimitsFor(Yaml.YamlLimits run, Yaml.YamlLimitSettings overrides)
    {
        if (_limits is { } cached && ReferenceEquals(cached.Run, run) && Equals(cached.Overrides, overrides))
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
