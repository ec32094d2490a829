using System.Collections.Concurrent;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>
/// The options that apply to one file: the run's options with what the file's configuration says, where the
/// command line did not already decide (command line, then nearest .editorconfig, then defaults).
/// </summary>
internal sealed class FileOptions
{
    private readonly LintOptions _run;
    private readonly ConcurrentDictionary<FileSettings, LintOptions> _cache = new();

    public FileOptions(LintOptions run) => _run = run;

    public LintOptions For(SourceFile? file)
    {
        if (file is null || _run.Configuration is null)
        {
            return _run;
        }

        var settings = _run.Configuration.For(file);
        return ReferenceEquals(settings, FileSettings.Empty) ? _run : _cache.GetOrAdd(settings, Merge);
    }

    /// <summary>True when configuration says <c>manifestlint.kustomize = off</c> for the file.</summary>
    public bool IsKustomizeOff(SourceFile file) => _run.Configuration is not null && _run.Configuration.For(file).KustomizeOff;

    /// <summary>True when configuration marks the file <c>generated_code = true</c>: its own findings are not reported.</summary>
    public bool IsGenerated(SourceFile file) => _run.Configuration is not null && _run.Configuration.For(file).GeneratedCode;

    public ReportDiagnostic? Severity(DiagnosticDescriptor descriptor, SourceFile? file)
    {
        if (_run.SeverityOverrides.TryGetValue(descriptor.Id, out var overridden))
        {
            return overridden;
        }

        return file is null || _run.Configuration is null ? null : _run.Configuration.For(file).SeverityOf(descriptor);
    }

    private LintOptions Merge(FileSettings settings) => _run with
    {
        DefaultNamespace = !_run.DefaultNamespaceIsExplicit && settings.DefaultNamespace is { } ns ? ns : _run.DefaultNamespace,
        KubeVersion = !_run.KubeVersionIsExplicit && settings.KubeVersion is { } version ? version : _run.KubeVersion,
        ExternalObjects = _run.ExternalObjects.With(settings.ExternalObjects),
        RuleOptions = _run.RuleOptions.Overlay(settings.RuleOptions),
    };
}
