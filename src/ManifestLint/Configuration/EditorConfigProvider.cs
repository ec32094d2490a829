using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Configuration;

/// <summary>
/// Reads .editorconfig files with Roslyn's own <see cref="AnalyzerConfig"/> and <see cref="AnalyzerConfigSet"/>
/// (section globs, nearest file wins), looked up from each linted file's directory up to <c>root = true</c>,
/// plus an explicit global configuration (<c>--config FILE</c>). Understands what .NET developers already
/// write for analyzers: <c>dotnet_diagnostic.ML3004.severity</c>,
/// <c>dotnet_analyzer_diagnostic.category-Volumes.severity</c>, <c>dotnet_analyzer_diagnostic.severity</c>,
/// and the options of <see cref="OptionCatalog"/>. Severity words are <see cref="Severity"/>'s.
/// </summary>
public sealed class EditorConfigProvider : IConfigurationProvider
{
    private static readonly Regex DiagnosticKey = new(@"^dotnet_diagnostic\.([^.]+)\.severity$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex CategoryKey = new(@"^dotnet_analyzer_diagnostic\.category-([^.]+)\.severity$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly IRuleSet _catalog;
    private readonly string _workingDirectory;
    private readonly AnalyzerConfig? _global;
    private readonly ConcurrentDictionary<string, LoadedConfig?> _configs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Chain> _chains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Chain> _chainsByFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<OptionsKey, FileSettings> _settings = new();
    private readonly ConcurrentDictionary<string, FileSettings> _byPath = new(StringComparer.Ordinal);
    private readonly Func<string, FileSettings> _compute;
    private readonly ConcurrentBag<ConfigurationMessage> _messages = new();
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private readonly List<string> _knowledgeFiles = new();

    private readonly bool _discover;
    private readonly bool _strict;
    private readonly string? _explicitPath;
    private AnalyzerConfigSet? _trustedSet;

    public EditorConfigProvider(IRuleSet catalog, string workingDirectory, string? explicitConfigPath = null, bool discoverEditorConfig = true, bool strict = false)
    {
        _catalog = catalog;
        _workingDirectory = workingDirectory;
        _compute = Compute;
        _discover = discoverEditorConfig;
        _strict = strict;
        if (explicitConfigPath is not null)
        {
            _explicitPath = Path.GetFullPath(explicitConfigPath);
            var text = ReadBounded(Path.GetFullPath(explicitConfigPath)) ?? string.Empty;
            if (!Regex.IsMatch(text, @"^\s*is_global\s*=\s*true\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase))
            {
                // A file given on the command line applies to every linted file: it is a global configuration.
                text = "is_global = true\n" + text;
            }

            _global = Parse(text, Path.GetFullPath(explicitConfigPath));
            Check(Path.GetFullPath(explicitConfigPath), text);
        }
    }

    public IReadOnlyList<string> KnowledgeFiles
    {
        get
        {
            lock (_checked)
            {
                return _knowledgeFiles.ToArray();
            }
        }
    }

    public IReadOnlyList<ConfigurationMessage> Messages =>
        _messages.OrderBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Line).ThenBy(m => m.Message, StringComparer.Ordinal).ToArray();

    /// <summary>The settings of one file; asked for every file, object and finding, worked out once per path.</summary>
    public FileSettings For(SourceFile file) =>
        _byPath.GetOrAdd(Path.IsPathRooted(file.Path) ? file.Path : Path.Combine(_workingDirectory, file.Path), _compute);

    private FileSettings Compute(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? _workingDirectory;
        if (_chains.GetOrAdd(directory, BuildChain) is not { Set: { } set } chain)
        {
            return FileSettings.Empty;
        }

        // Sections can match single files, so the settings depend on the file, not only on its folder. A set gives
        // the same option dictionaries to the files that match the same sections, and one set serves every directory
        // with the same configuration files: files with the same dictionaries share one FileSettings.
        AnalyzerConfigOptionsResult result;
        try
        {
            result = set.GetOptionsForSourcePath(path);
        }
        catch (RegexMatchTimeoutException)
        {
            // Roslyn matches section globs with regular expressions; the CLI gives them a time limit.
            _messages.Add(new ConfigurationMessage(chain.Key, 1, $"matching the section globs against {path} took too long; no .editorconfig settings apply to it"));
            return FileSettings.Empty;
        }

        var settings = _settings.GetOrAdd(new OptionsKey(chain, result.TreeOptions, result.AnalyzerOptions), key => Settings(
            Merge(set.GlobalConfigOptions.TreeOptions, key.Tree),
            Merge(set.GlobalConfigOptions.AnalyzerOptions, key.Analyzer),
            key.Chain.Key));
        return _strict ? Strict(settings, path) : settings;
    }

    /// <summary>
    /// Strict mode (<c>--strict</c>): the .editorconfig files found beside the linted files may come with the pull
    /// request the run checks, so they may only add findings. A severity they set applies only when it is higher than
    /// the trusted one (the <c>--config</c> file's, else the rule's default); an option applies as its
    /// <see cref="LintOption.Strict"/> says: limits (which can only lower, as always) do, everything else
    /// (<c>generated_code</c>, <c>manifestlint.kustomize</c>, external objects, producers, system directories, namespace,
    /// Kubernetes version) is ignored, since each could hide a finding. The <c>--config</c> file is the job's own and
    /// applies in full.
    /// </summary>
    private FileSettings Strict(FileSettings found, string path)
    {
        var trusted = FileSettings.Empty;
        if (_global is not null)
        {
            _trustedSet ??= AnalyzerConfigSet.Create(new[] { _global });
            var options = _trustedSet.GetOptionsForSourcePath(path);
            trusted = Settings(
                Merge(_trustedSet.GlobalConfigOptions.TreeOptions, options.TreeOptions),
                Merge(_trustedSet.GlobalConfigOptions.AnalyzerOptions, options.AnalyzerOptions),
                "(global)");
        }

        ReportDiagnostic? SeverityOf(DiagnosticDescriptor descriptor)
        {
            var kept = trusted.SeverityOf(descriptor);
            var asked = found.SeverityOf(descriptor);
            return Rank(Severity.Effective(descriptor, asked)) > Rank(Severity.Effective(descriptor, kept)) ? asked : kept;
        }

        var values = trusted.Values.Where(o => o.Strict == StrictPolicy.Ignored)
            .Overlay(found.Values.Where(o => o.Strict == StrictPolicy.OnlyStricter));
        return new FileSettings(SeverityOf, values, "strict:" + found.Source);
    }

    private static int Rank(DiagnosticSeverity? severity) => severity is { } s ? 1 + (int)s : 0;

    private Chain BuildChain(string directory)
    {
        var configs = new List<AnalyzerConfig>();
        var paths = new List<string>();
        for (var current = _discover ? directory : null; current is not null; current = Path.GetDirectoryName(current))
        {
            var path = Path.Combine(current, ".editorconfig");
            if (_configs.GetOrAdd(path, Load) is not { } loaded)
            {
                continue;
            }

            configs.Add(loaded.Config);
            paths.Add(path);
            if (loaded.IsRoot)
            {
                break;
            }
        }

        if (_global is not null)
        {
            configs.Add(_global);
            paths.Add("(global)");
        }

        if (configs.Count == 0)
        {
            return Chain.None;
        }

        return _chainsByFiles.GetOrAdd(string.Join(";", paths), key => new Chain(AnalyzerConfigSet.Create(configs), key));
    }

    private static readonly Regex RootLine = new(@"^\s*root\s*=\s*true\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private LoadedConfig? Load(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            if (ReadBounded(path) is not { } text)
            {
                return null;
            }

            Check(path, text);
            var preamble = text.Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("[", StringComparison.Ordinal));
            return Parse(text, path) is { } config ? new LoadedConfig(config, preamble.Any(l => RootLine.IsMatch(l))) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _messages.Add(new ConfigurationMessage(path, 1, "cannot read the file: " + e.Message));
            return null;
        }
    }

    /// <summary>
    /// The text of a configuration file within <see cref="EditorConfigBounds"/>, section headers over a bound made to
    /// match nothing; null (with a warning) when the file is too large or not a regular file.
    /// </summary>
    private string? ReadBounded(string path)
    {
        if (SourceFileReader.ReadRegular(path, EditorConfigBounds.MaxFileBytes, out var reason) is not { } bytes)
        {
            _messages.Add(new ConfigurationMessage(path, 1, $"the file is ignored: {reason} (at most {MessageText.Count(EditorConfigBounds.MaxFileBytes)} bytes, a regular file)"));
            return null;
        }

        var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes);
        text = EditorConfigBounds.Bound(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text, out var warnings);
        foreach (var (line, message) in warnings)
        {
            _messages.Add(new ConfigurationMessage(path, line, message));
        }

        return text;
    }

    /// <summary>Roslyn's parse, or null (with a warning) should it fail on what the bounds let through.</summary>
    private AnalyzerConfig? Parse(string text, string path)
    {
        try
        {
            return AnalyzerConfig.Parse(WithRoslynSeverityWords(text), path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _messages.Add(new ConfigurationMessage(path, 1, $"the file is ignored: it cannot be parsed ({e.GetType().Name})"));
            return null;
        }
    }

    private static readonly Regex SeverityLine = new(@"^(\s*dotnet_diagnostic\.[^.=:\s]+\.severity\s*[=:]\s*)([^\s#;]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline);

    /// <summary>
    /// Roslyn reads <c>dotnet_diagnostic.ID.severity</c> itself and drops words it does not know; the tool's own words
    /// (<c>note</c>, <c>info</c>, <c>warn</c>, <c>hidden</c>) become Roslyn's, so that every word the command line
    /// takes works here too (<see cref="Severity"/>). Lines are only rewritten in place: line numbers stay.
    /// </summary>
    private static string WithRoslynSeverityWords(string text) =>
        text.IndexOf("dotnet_diagnostic.", StringComparison.OrdinalIgnoreCase) < 0
            ? text
            : SeverityLine.Replace(text, m => Severity.RoslynWordFor(m.Groups[2].Value) is { } word ? m.Groups[1].Value + word : m.Value);

    /// <summary>Section options win over a global configuration's (Roslyn's precedence).</summary>
    private static ImmutableDictionary<string, T> Merge<T>(ImmutableDictionary<string, T> global, ImmutableDictionary<string, T> sections) =>
        global.Count == 0 ? sections : global.SetItems(sections);

    private FileSettings Settings(ImmutableDictionary<string, ReportDiagnostic> tree, ImmutableDictionary<string, string> analyzer, string source)
    {
        ReportDiagnostic? SeverityOf(DiagnosticDescriptor descriptor)
        {
            if (tree.TryGetValue(descriptor.Id, out var specific))
            {
                return specific;
            }

            if (analyzer.TryGetValue($"dotnet_analyzer_diagnostic.category-{descriptor.Category}.severity", out var category) && Severity.TryParse(category, out var fromCategory))
            {
                return fromCategory;
            }

            return analyzer.TryGetValue("dotnet_analyzer_diagnostic.severity", out var all) && Severity.TryParse(all, out var fromAll) ? fromAll : null;
        }

        return new FileSettings(SeverityOf, OptionValues.Read(_catalog.Options, key => analyzer.TryGetValue(key, out var value) ? value : null, _ => true), source);
    }

    /// <summary>Reports unknown rules, categories, options and values with their line, once per file.</summary>
    private void Check(string path, string text)
    {
        lock (_checked)
        {
            if (!_checked.Add(path))
            {
                return;
            }
        }

        var categories = new HashSet<string>(_catalog.Descriptors.Select(d => d.Category), StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[')
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = line.Substring(0, equals).Trim();
            var value = line.Substring(equals + 1).Trim();
            var lower = key.ToLowerInvariant();
            string? problem = null;
            if (DiagnosticKey.Match(key) is { Success: true } diagnostic)
            {
                var id = diagnostic.Groups[1].Value;
                if (id.StartsWith("ML", StringComparison.OrdinalIgnoreCase) && !_catalog.ById.ContainsKey(id))
                {
                    problem = $"there is no rule {id} (see 'manifestlint rules')";
                }
                else if (id.StartsWith("ML", StringComparison.OrdinalIgnoreCase))
                {
                    problem = Severity.Check(value);
                }
            }
            else if (CategoryKey.Match(key) is { Success: true } category)
            {
                if (!categories.Contains(category.Groups[1].Value) && !IsOtherAnalyzersCategory(category.Groups[1].Value))
                {
                    problem = $"there is no rule category '{category.Groups[1].Value}' (categories: {string.Join(", ", categories.OrderBy(c => c, StringComparer.Ordinal))})";
                }
                else
                {
                    problem = Severity.Check(value);
                }
            }
            else if (lower == OptionCatalog.Producers.Key && _strict && !string.Equals(path, _explicitPath, StringComparison.Ordinal))
            {
                problem = "--strict: producers named in an .editorconfig inside the linted tree are ignored; name them with --producers or in the --config file";
            }
            else if (lower == OptionCatalog.Producers.Key)
            {
                // Paths are relative to the configuration file, as every path an .editorconfig section names.
                foreach (var item in OptionCatalog.Producers.Parse(value).Value)
                {
                    var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path) ?? _workingDirectory, item));
                    lock (_checked)
                    {
                        if (!_knowledgeFiles.Contains(full))
                        {
                            _knowledgeFiles.Add(full);
                        }
                    }
                }
            }
            else if (_catalog.Options.ByKey.TryGetValue(lower, out var option))
            {
                problem = option.CheckInFile(value);
            }
            else if (lower.StartsWith(OptionCatalog.KeyPrefix, StringComparison.Ordinal))
            {
                var known = _catalog.Options.All.Select(o => o.Key).Where(k => k?.StartsWith(OptionCatalog.KeyPrefix, StringComparison.Ordinal) == true);
                problem = $"unknown option '{key}' (options: {string.Join(", ", known)})";
            }

            if (problem is not null)
            {
                _messages.Add(new ConfigurationMessage(path, i + 1, problem));
            }
        }
    }

    /// <summary>Categories of other analyzers in a shared .editorconfig are not ours to judge.</summary>
    private static bool IsOtherAnalyzersCategory(string category) =>
        category is "Design" or "Documentation" or "Globalization" or "Interoperability" or "Maintainability" or "Naming"
            or "Performance" or "Reliability" or "Security" or "Style" or "Usage" or "CodeQuality" or "SingleFile" or "Trimming" or "AOT";

    private sealed record LoadedConfig(AnalyzerConfig Config, bool IsRoot);

    /// <summary>
    /// The configuration files that apply in one directory (nearest first, then the global one), as a set and as the
    /// list of their paths. Classes, not tuples, here: no generic code for the JIT to compile in a short run.
    /// </summary>
    private sealed class Chain
    {
        public static readonly Chain None = new(null, string.Empty);

        public Chain(AnalyzerConfigSet? set, string key)
        {
            Set = set;
            Key = key;
        }

        public AnalyzerConfigSet? Set { get; }

        public string Key { get; }
    }

    /// <summary>A set's options for a file, compared by reference: the dictionaries are immutable.</summary>
    private sealed class OptionsKey : IEquatable<OptionsKey>
    {
        public OptionsKey(Chain chain, ImmutableDictionary<string, ReportDiagnostic> tree, ImmutableDictionary<string, string> analyzer)
        {
            Chain = chain;
            Tree = tree;
            Analyzer = analyzer;
        }

        public Chain Chain { get; }

        public ImmutableDictionary<string, ReportDiagnostic> Tree { get; }

        public ImmutableDictionary<string, string> Analyzer { get; }

        public bool Equals(OptionsKey? other) =>
            other is not null && ReferenceEquals(Chain, other.Chain) && ReferenceEquals(Tree, other.Tree) && ReferenceEquals(Analyzer, other.Analyzer);

        public override bool Equals(object? obj) => Equals(obj as OptionsKey);

        public override int GetHashCode() =>
            unchecked(((RuntimeHelpers.GetHashCode(Chain) * 31) + RuntimeHelpers.GetHashCode(Tree)) * 31 + RuntimeHelpers.GetHashCode(Analyzer));
    }
}
