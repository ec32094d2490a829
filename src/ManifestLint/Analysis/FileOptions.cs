using System.Collections.Concurrent;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>
/// The options that apply to one file: the run's options with what the file's configuration says, where the
/// command line did not already decide (command line, then nearest .editorconfig, then defaults). The engine reads
/// an option of a file with <c>For(file).Get(option)</c>.
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

    public ReportDiagnostic? Severity(DiagnosticDescriptor descriptor, SourceFile? file)
    {
        if (_run.SeverityOverrides.TryGetValue(descriptor.Id, out var overridden))
        {
            return overridden;
        }

        return file is null || _run.Configuration is null ? null : _run.Configuration.For(file).SeverityOf(descriptor);
    }

    private LintOptions Merge(FileSettings settings) => _run with { Values = _run.Values.WithFile(settings.Values, _run.SetOnCommandLine) };
}
