using ManifestLint.Loading;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;
using ManifestLint.Configuration;

namespace ManifestLint.Analysis;

/// <summary>What every action receives: the whole linted set, the run's options, and a way to report.</summary>
public abstract class AnalysisContext
{
    private readonly Action<Diagnostic> _report;
    private readonly FileOptions _fileOptions;

    private protected AnalysisContext(LintedSet set, LintOptions options, FileOptions fileOptions, Action<Diagnostic> report)
    {
        Set = set;
        Options = options;
        _fileOptions = fileOptions;
        _report = report;
    }

    public LintedSet Set { get; }

    /// <summary>The options for what this action looks at: its file's, when configuration differs per file.</summary>
    public LintOptions Options { get; }

    /// <summary>The options that apply to another file (a set action looking at objects of many files).</summary>
    public LintOptions OptionsFor(SourceFile file) => _fileOptions.For(file);

    public void Report(Diagnostic diagnostic) => _report(diagnostic);

    /// <summary>
    /// False when a finding of <paramref name="descriptor"/> in <paramref name="file"/> would not be shown (a rule off by
    /// default or configured <c>none</c>): building it (location, YAML path, message) would be wasted. Roslyn likewise
    /// skips diagnostics that are suppressed by configuration.
    /// </summary>
    public bool IsShown(DiagnosticDescriptor descriptor, SourceFile file) =>
        Severity.Effective(descriptor, _fileOptions.Severity(descriptor, file)) is not null;
}

public sealed class FileAnalysisContext : AnalysisContext
{
    internal FileAnalysisContext(SourceFile file, LintedSet set, LintOptions options, FileOptions fileOptions, Action<Diagnostic> report)
        : base(set, options, fileOptions, report) => File = file;

    public SourceFile File { get; }
}

public sealed class ObjectAnalysisContext : AnalysisContext
{
    internal ObjectAnalysisContext(KubeObject obj, LintedSet set, LintOptions options, FileOptions fileOptions, Action<Diagnostic> report)
        : base(set, options, fileOptions, report) => Object = obj;

    public KubeObject Object { get; }
}

public sealed class PodSpecAnalysisContext : AnalysisContext
{
    internal PodSpecAnalysisContext(PodSpec podSpec, LintedSet set, LintOptions options, FileOptions fileOptions, Action<Diagnostic> report)
        : base(set, options, fileOptions, report) => PodSpec = podSpec;

    public PodSpec PodSpec { get; }

    public KubeObject Object => PodSpec.Owner;
}

public sealed class SetAnalysisContext : AnalysisContext
{
    internal SetAnalysisContext(LintedSet set, LintOptions options, FileOptions fileOptions, Action<Diagnostic> report)
        : base(set, options, fileOptions, report)
    {
    }
}
