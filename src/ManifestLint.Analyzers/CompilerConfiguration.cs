using System.Collections.Concurrent;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using ManifestLint.Engine;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ManifestLint.Analyzers;

/// <summary>
/// Per-file options (<see cref="OptionCatalog"/>) as the compiler computed them for each additional file (.editorconfig
/// sections that match the YAML file, and global configuration). Severities are not read here: the compiler
/// applies them to the reported diagnostics itself.
/// </summary>
internal sealed class CompilerConfiguration : IConfigurationProvider
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<string, AdditionalText> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileSettings> _byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileSettings> _byValue = new(StringComparer.Ordinal);

    public CompilerConfiguration(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    public IReadOnlyList<ConfigurationMessage> Messages => Array.Empty<ConfigurationMessage>();

    /// <summary>The analyzer reads the engine's knowledge table only (a producers file is not an additional file).</summary>
    public IReadOnlyList<string> KnowledgeFiles => Array.Empty<string>();

    public void Add(AdditionalText file) => _files[file.Path] = file;

    public FileSettings For(SourceFile file) =>
        _files.TryGetValue(file.Path, out var text)
            ? _byPath.GetOrAdd(file.Path, _ => Shared(Settings(_provider.GetOptions(text), file.Path)))
            : FileSettings.Empty;

    /// <summary>
    /// Files with the same options share one <see cref="FileSettings"/> instance, so that the engine, which caches
    /// merged options per instance, merges them once rather than once per file.
    /// </summary>
    private FileSettings Shared(FileSettings settings) =>
        ReferenceEquals(settings, FileSettings.Empty) ? settings : _byValue.GetOrAdd(settings.Values.ToString(), settings);

    /// <summary>
    /// The options of <see cref="OptionCatalog"/> that apply in the compiler (<see cref="LintOption.InCompiler"/>), read
    /// as the tool reads them; <see cref="FileSettings.Empty"/> when none is set.
    /// </summary>
    public static FileSettings Settings(AnalyzerConfigOptions options, string source)
    {
        var values = OptionValues.Read(RuleCatalog.Default.Options, key => options.TryGetValue(key, out var value) ? value : null, o => o.InCompiler);
        return values.IsEmpty ? FileSettings.Empty : new FileSettings(null, values, source);
    }
}
