using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Configuration;

/// <summary>What configuration says for one file; null means "no opinion" (the run's value applies).</summary>
public sealed class FileSettings
{
    public static FileSettings Empty { get; } = new(null, null, null, null, null, null);

    public FileSettings(
        Func<DiagnosticDescriptor, ReportDiagnostic?>? severity,
        string? defaultNamespace,
        KubernetesVersion? kubeVersion,
        IReadOnlyList<string>? externalObjects,
        IReadOnlyList<string>? systemDirectories,
        string? source)
    {
        SeverityOf = severity ?? (_ => null);
        DefaultNamespace = defaultNamespace;
        KubeVersion = kubeVersion;
        ExternalObjects = externalObjects ?? Array.Empty<string>();
        SystemDirectories = systemDirectories;
        Source = source;
    }

    public Func<DiagnosticDescriptor, ReportDiagnostic?> SeverityOf { get; }

    public string? DefaultNamespace { get; }

    public KubernetesVersion? KubeVersion { get; }

    /// <summary>Added to the run's external objects.</summary>
    public IReadOnlyList<string> ExternalObjects { get; }

    /// <summary>Replaces the default system directories (ML3005).</summary>
    public IReadOnlyList<string>? SystemDirectories { get; }

    /// <summary>Safety limits set for this file (<c>manifestlint.max_depth</c>, ...); the command line wins over them.</summary>
    public Yaml.YamlLimitSettings Limits { get; init; } = Yaml.YamlLimitSettings.None;

    /// <summary>
    /// <c>generated_code = true</c>, Roslyn's own key for files nobody edits by hand (vendored charts, rendered
    /// bundles): the file is read for references, but its own findings are not reported, as with <c>--context</c>.
    /// </summary>
    public bool GeneratedCode { get; init; }

    /// <summary>
    /// <c>manifestlint.kustomize = off</c> on a kustomization file: its root is not built, and the files are linted as
    /// written (<c>--kustomize off</c> does this for the whole run).
    /// </summary>
    public bool KustomizeOff { get; init; }

    /// <summary>A key identifying the configuration files behind these settings (for caching).</summary>
    public string? Source { get; }
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
