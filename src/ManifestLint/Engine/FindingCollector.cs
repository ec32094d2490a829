using System.Collections.Immutable;
using System.Globalization;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Model.Kustomize;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;
using ManifestLint.Configuration;
using FileOptions = ManifestLint.Analysis.FileOptions;

namespace ManifestLint.Engine;

/// <summary>
/// Collects a run's findings from every rule and every linted set: drops those nobody will see (context and generated
/// files, rules configured off), applies effective severities and the finding budget, reports a finding that several
/// kustomize builds share once, names the Helm template of rendered output, and sorts them so that the same inputs
/// give the same output whatever the file order or thread count.
/// </summary>
internal sealed class FindingCollector
{
    private readonly object _gate = new();
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly List<KustomizeBuild?> _builds = new();
    private readonly List<KubeObject?> _objects = new();

    // The built objects a sorted finding comes from (one per build it occurs in), by finding instance.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Diagnostic, IReadOnlyList<KubeObject>> _builtObjects = new();
    private readonly Dictionary<string, List<KustomizeBuild>> _buildsByFile = new(StringComparer.Ordinal);
    private readonly List<string> _internalErrors = new();
    private readonly FindingBudget _budget = new();
    private readonly FileOptions _options;
    private readonly IReadOnlyDictionary<string, SourceFile> _files;

    public FindingCollector(FileOptions options, LintedSet set, IReadOnlyList<KustomizeBuild> builds)
    {
        _options = options;
        foreach (var build in builds)
        {
            foreach (var path in build.Files)
            {
                if (!_buildsByFile.TryGetValue(path, out var list))
                {
                    _buildsByFile[path] = list = new List<KustomizeBuild>();
                }

                list.Add(build);
            }
        }

        _files = set.FilesByPath;
    }

    public IReadOnlyList<string> InternalErrors
    {
        get
        {
            lock (_gate)
            {
                return _internalErrors.OrderBy(e => e, StringComparer.Ordinal).ToArray();
            }
        }
    }

    public void Invoke(ManifestRule rule, string where, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            // A rule that fails on some input must not take the run (and the other rules) down with it.
            var ids = string.Join(",", rule.SupportedDiagnostics.Select(d => d.Id));
            lock (_gate)
            {
                _internalErrors.Add($"rule {ids} failed on {where}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    /// <summary>Adds a finding of <paramref name="build"/> (null: files as written) about <paramref name="obj"/>, when known.</summary>
    public void Add(Diagnostic diagnostic, KustomizeBuild? build, KubeObject? obj = null)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        _files.TryGetValue(path, out var file);
        if (file is not null && (file.IsContext || _options.For(file).Get(OptionCatalog.GeneratedCode)) && !ExplainsLintedFile(diagnostic))
        {
            return;
        }

        var effective = Severity.Effective(diagnostic, _options.Severity(diagnostic.Descriptor, file));
        if (effective is null)
        {
            return;
        }

        if (effective.Value != diagnostic.Severity)
        {
            diagnostic = WithSeverity(diagnostic, effective.Value);
        }

        lock (_gate)
        {
            if (_budget.Admit(diagnostic))
            {
                _diagnostics.Add(diagnostic);
                _builds.Add(build);
                _objects.Add(obj);
            }
        }
    }

    /// <summary>
    /// A finding in a context file is still reported when one of its related locations is in a linted file: the
    /// linted file causes it. pre-commit lints only the changed files with the rest of the repository as context,
    /// and a key removed from a ConfigMap in a changed file breaks the pod in an unchanged file that reads it.
    /// </summary>
    private bool ExplainsLintedFile(Diagnostic diagnostic)
    {
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (_files.TryGetValue(location.GetLineSpan().Path, out var related) && !related.IsContext && !_options.For(related).Get(OptionCatalog.GeneratedCode))
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            var (merged, objects) = MergeBuilds();
            var named = NameHelmTemplates(merged);
            for (var i = 0; objects is not null && i < named.Count; i++)
            {
                if (objects[i] is { Count: > 0 } built)
                {
                    _builtObjects.Remove(named[i]);
                    _builtObjects.Add(named[i], built);
                }
            }

            var kept = _budget.Cap(Sort(named), out var added);
            return added ? Sort(kept) : kept;
        }
    }

    /// <summary>The built objects a finding of <see cref="Sorted"/> was found in, one per kustomize build; null outside builds.</summary>
    public IReadOnlyList<KubeObject>? BuiltObjectsOf(Diagnostic diagnostic) =>
        _builtObjects.TryGetValue(diagnostic, out var objects) ? objects : null;

    /// <summary>
    /// A finding in <c>helm template</c> output names the template that rendered its document (from the
    /// <c># Source:</c> comment): in the message, and as a related location at the comment.
    /// </summary>
    private List<Diagnostic> NameHelmTemplates(List<Diagnostic> diagnostics)
    {
        Dictionary<string, HelmSources?>? sources = null;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var path = diagnostics[i].Location.GetLineSpan().Path;
            if (!_files.TryGetValue(path, out var file) || file.Skipped)
            {
                continue;
            }

            sources ??= new Dictionary<string, HelmSources?>(StringComparer.Ordinal);
            if (!sources.TryGetValue(path, out var helm))
            {
                sources[path] = helm = HelmSources.Of(file);
            }

            if (helm?.At(diagnostics[i].Location.SourceSpan.Start) is not { } source)
            {
                continue;
            }

            var diagnostic = diagnostics[i];
            var index = diagnostic.AdditionalLocations.Count;
            var properties = diagnostic.Properties
                .SetItem(Finding.RelatedMessagePrefix + index.ToString(CultureInfo.InvariantCulture), $"Rendered from the Helm template {source.Template}.")
                .SetItem(Linter.HelmTemplateProperty, source.Template);
            diagnostics[i] = Recreate(
                diagnostic,
                diagnostic.GetMessage(CultureInfo.InvariantCulture) + $" (Helm template {source.Template})",
                diagnostic.Severity,
                properties,
                diagnostic.AdditionalLocations.Append(Finding.LocationOf(file, source.Comment)));
        }

        return diagnostics;
    }

    /// <summary>
    /// One finding per place: the same finding at the same node from several kustomize builds (a base line that the
    /// dev and the prod overlay both build) is reported once. Where the file is read by more than one build, the
    /// message names the builds the finding occurs in, so that a problem only one overlay causes names it.
    /// </summary>
    /// <returns>The findings, and for each the built objects it was found in (null when no build ran).</returns>
    private (List<Diagnostic> Merged, List<List<KubeObject>?>? Objects) MergeBuilds()
    {
        if (_buildsByFile.Count == 0)
        {
            return (new List<Diagnostic>(_diagnostics), null);
        }

        var merged = new List<Diagnostic>(_diagnostics.Count);
        var objects = new List<List<KubeObject>?>(_diagnostics.Count);
        var groups = new Dictionary<(string Id, string Path, int Start, int End, int Occurrence), int>();
        var labels = new List<List<string>?>();
        var occurrences = new Dictionary<(string, string, int, int, string?), int>();
        for (var i = 0; i < _diagnostics.Count; i++)
        {
            var diagnostic = _diagnostics[i];
            var build = _builds[i];
            if (build is null)
            {
                merged.Add(diagnostic);
                labels.Add(null);
                objects.Add(null);
                continue;
            }

            var path = diagnostic.Location.GetLineSpan().Path;
            var span = diagnostic.Location.SourceSpan;
            var occurrenceKey = (diagnostic.Id, path, span.Start, span.End, build.Label);
            occurrences.TryGetValue(occurrenceKey, out var occurrence);
            occurrences[occurrenceKey] = occurrence + 1;
            var key = (diagnostic.Id, path, span.Start, span.End, occurrence);
            if (groups.TryGetValue(key, out var at))
            {
                if (!labels[at]!.Contains(build.Label))
                {
                    labels[at]!.Add(build.Label);
                }

                if (_objects[i] is { } more && !objects[at]!.Contains(more))
                {
                    objects[at]!.Add(more);
                }

                continue;
            }

            groups[key] = merged.Count;
            merged.Add(diagnostic);
            labels.Add(new List<string> { build.Label });
            objects.Add(_objects[i] is { } first ? new List<KubeObject> { first } : new List<KubeObject>());
        }

        for (var i = 0; i < merged.Count; i++)
        {
            var path = merged[i].Location.GetLineSpan().Path;
            if (labels[i] is { } names && _buildsByFile.TryGetValue(path, out var readers) && readers.Count > 1)
            {
                names.Sort(StringComparer.Ordinal);
                var text = names.Count == 1 ? "kustomize build " + names[0]
                    : names.Count <= 3 ? "kustomize builds " + string.Join(", ", names)
                    : $"kustomize builds {string.Join(", ", names.Take(2))} and {names.Count - 2} more";
                merged[i] = WithMessage(merged[i], merged[i].GetMessage(CultureInfo.InvariantCulture) + " (" + text + ")", string.Join(",", names));
            }
        }

        return (merged, objects);
    }

    private static IReadOnlyList<Diagnostic> Sort(List<Diagnostic> diagnostics)
    {
        // Array.Sort over a class, not LINQ over tuples: LINQ's sort over a tuple with Roslyn's
        // FileLinePositionSpan is ~45 methods the JIT compiles first in every run (ReadyToRun cannot
        // precompile it). The index keeps equal findings in the order OrderBy kept them.
        var entries = new SortEntry[diagnostics.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new SortEntry(diagnostics[i], i);
        }

        Array.Sort(entries, SortEntry.Compare);
        return Array.ConvertAll(entries, e => e.Diagnostic);
    }

    private sealed class SortEntry
    {
        public SortEntry(Diagnostic diagnostic, int index)
        {
            Diagnostic = diagnostic;
            Path = diagnostic.Location.GetLineSpan().Path;
            Message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Index = index;
        }

        public Diagnostic Diagnostic { get; }

        private string Path { get; }

        private string Message { get; }

        private int Index { get; }

        public static int Compare(SortEntry x, SortEntry y)
        {
            var order = string.CompareOrdinal(x.Path, y.Path);
            if (order == 0)
            {
                order = x.Diagnostic.Location.SourceSpan.Start.CompareTo(y.Diagnostic.Location.SourceSpan.Start);
            }

            if (order == 0)
            {
                order = x.Diagnostic.Location.SourceSpan.End.CompareTo(y.Diagnostic.Location.SourceSpan.End);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(x.Diagnostic.Id, y.Diagnostic.Id);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(x.Message, y.Message);
            }

            return order != 0 ? order : x.Index.CompareTo(y.Index);
        }
    }

    private static Diagnostic WithMessage(Diagnostic diagnostic, string message, string builds) =>
        Recreate(diagnostic, message, diagnostic.Severity, diagnostic.Properties.SetItem(Linter.KustomizeBuildsProperty, builds));

    private static Diagnostic WithSeverity(Diagnostic diagnostic, DiagnosticSeverity severity) =>
        Recreate(diagnostic, diagnostic.GetMessage(CultureInfo.InvariantCulture), severity, diagnostic.Properties);

    private static Diagnostic Recreate(Diagnostic diagnostic, string message, DiagnosticSeverity severity, ImmutableDictionary<string, string?> properties, IEnumerable<Location>? additionalLocations = null)
    {
        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            descriptor.Id,
            descriptor.Category,
            message,
            severity,
            descriptor.DefaultSeverity,
            isEnabledByDefault: true,
            warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
            title: descriptor.Title,
            description: descriptor.Description,
            helpLink: descriptor.HelpLinkUri,
            location: diagnostic.Location,
            additionalLocations: additionalLocations ?? diagnostic.AdditionalLocations,
            customTags: descriptor.CustomTags,
            properties: properties);
    }
}
