using ManifestLint.Loading;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>What every action receives: the whole linted set, the run's options, and a way to report.</summary>
public abstract class AnalysisContext
{
    private readonly Action<Diagnostic> _report;

    private protected AnalysisContext(LintedSet set, LintOptions options, Action<Diagnostic> report)
    {
        Set = set;
        Options = options;
        _report = report;
    }

    public LintedSet Set { get; }

    public LintOptions Options { get; }

    public void Report(Diagnostic diagnostic) => _report(diagnostic);
}

public sealed class FileAnalysisContext : AnalysisContext
{
    internal FileAnalysisContext(SourceFile file, LintedSet set, LintOptions options, Action<Diagnostic> report)
        : base(set, options, report) => File = file;

    public SourceFile File { get; }
}

public sealed class ObjectAnalysisContext : AnalysisContext
{
    internal ObjectAnalysisContext(KubeObject obj, LintedSet set, LintOptions options, Action<Diagnostic> report)
        : base(set, options, report) => Object = obj;

    public KubeObject Object { get; }
}

public sealed class PodSpecAnalysisContext : AnalysisContext
{
    internal PodSpecAnalysisContext(PodSpec podSpec, LintedSet set, LintOptions options, Action<Diagnostic> report)
        : base(set, options, report) => PodSpec = podSpec;

    public PodSpec PodSpec { get; }

    public KubeObject Object => PodSpec.Owner;
}

public sealed class SetAnalysisContext : AnalysisContext
{
    internal SetAnalysisContext(LintedSet set, LintOptions options, Action<Diagnostic> report)
        : base(set, options, report)
    {
    }
}
