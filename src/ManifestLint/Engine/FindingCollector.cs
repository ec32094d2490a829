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
    private readonly List<LintFinding> _findings = new();
    private readonly List<KustomizeBuild?> _builds = new();
    private readonly Dictionary<string, List<KustomizeBuild>> _buildsByFile = new(StringComparer.Ordinal);
    private readonly List<string> _internalErrors = new();
    private readonly FindingBudget _budget = new();
    private readonly FileOptions _options;
    private readonly IReadOnlyDictionary<string, SourceFile> _files;
    private readonly LintedSet _set;

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
        _set = set;
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

    /// <summary>
    /// Adds a finding of <paramref name="build"/> (null: files as written) that a rule reported while looking at
    /// <paramref name="obj"/> (null: at a file or a set): in a build, the object the build made.
    /// </summary>
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

        var finding = new LintFinding(diagnostic, file, WrittenObject(file, diagnostic, build is null ? obj : null), build is not null && obj is not null ? new[] { obj } : null);
        lock (_gate)
        {
            if (_budget.Admit(diagnostic))
            {
                _findings.Add(finding);
                _builds.Add(build);
            }
        }
    }

    /// <summary>
    /// The object as written whose YAML holds the finding: the object the rule looked at when the finding is in it,
    /// else (file rules, findings at another object) the one of the file that holds the finding's start.
    /// </summary>
    private KubeObject? WrittenObject(SourceFile? file, Diagnostic diagnostic, KubeObject? looked)
    {
        if (file is null)
        {
            return null;
        }

        var offset = diagnostic.Location.SourceSpan.Start;
        return looked is not null && ReferenceEquals(looked.File, file) && looked.Root.Range.Contains(offset) ? looked : _set.ObjectAt(file, offset);
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

    public IReadOnlyList<LintFinding> Sorted()
    {
        lock (_gate)
        {
            var named = NameHelmTemplates(MergeBuilds());
            var byDiagnostic = new Dictionary<Diagnostic, LintFinding>(named.Count, SameInstance.Comparer);
            foreach (var finding in named)
            {
                byDiagnostic[finding.Diagnostic] = finding;
            }

            var kept = _budget.Cap(Sort(named).Select(f => f.Diagnostic).ToArray(), out var added);

            // A "... and N more" finding the budget adds is about the file and object where it stands.
            var findings = kept.Select(d => byDiagnostic.TryGetValue(d, out var finding) ? finding : Locate(d)).ToList();
            return added ? Sort(findings) : findings;
        }
    }

    private LintFinding Locate(Diagnostic diagnostic)
    {
        _files.TryGetValue(diagnostic.Location.GetLineSpan().Path, out var file);
        return new LintFinding(diagnostic, file, WrittenObject(file, diagnostic, null), null);
    }

    /// <summary>
    /// A finding in <c>helm template</c> output names the template that rendered its document (from the
    /// <c># Source:</c> comment): in the message, and as a related location at the comment.
    /// </summary>
    private List<LintFinding> NameHelmTemplates(List<LintFinding> findings)
    {
        Dictionary<string, HelmSources?>? sources = null;
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].File is not { Skipped: false } file)
            {
                continue;
            }

            sources ??= new Dictionary<string, HelmSources?>(StringComparer.Ordinal);
            if (!sources.TryGetValue(file.Path, out var helm))
            {
                sources[file.Path] = helm = HelmSources.Of(file);
            }

            if (helm?.At(findings[i].Diagnostic.Location.SourceSpan.Start) is not { } source)
            {
                continue;
            }

            var diagnostic = findings[i].Diagnostic;
            var index = diagnostic.AdditionalLocations.Count;
            var properties = diagnostic.Properties
                .SetItem(Finding.RelatedMessagePrefix + index.ToString(CultureInfo.InvariantCulture), $"Rendered from the Helm template {source.Template}.")
                .SetItem(Linter.HelmTemplateProperty, source.Template);
            findings[i] = findings[i].With(Recreate(
                diagnostic,
                diagnostic.GetMessage(CultureInfo.InvariantCulture) + $" (Helm template {source.Template})",
                diagnostic.Severity,
                properties,
                diagnostic.AdditionalLocations.Append(Finding.LocationOf(file, source.Comment))));
        }

        return findings;
    }

    /// <summary>
    /// One finding per place: the same finding at the same node from several kustomize builds (a base line that the
    /// dev and the prod overlay both build) is reported once. Where the file is read by more than one build, the
    /// message names the builds the finding occurs in, so that a problem only one overlay causes names it.
    /// </summary>
    private List<LintFinding> MergeBuilds()
    {
        if (_buildsByFile.Count == 0)
        {
            return new List<LintFinding>(_findings);
        }

        var merged = new List<LintFinding>(_findings.Count);
        var objects = new List<List<KubeObject>?>(_findings.Count);
        var groups = new Dictionary<(string Id, string Path, int Start, int End, int Occurrence), int>();
        var labels = new List<List<string>?>();
        var occurrences = new Dictionary<(string, string, int, int, string?), int>();
        for (var i = 0; i < _findings.Count; i++)
        {
            var finding = _findings[i];
            var diagnostic = finding.Diagnostic;
            var build = _builds[i];
            if (build is null)
            {
                merged.Add(finding);
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

                foreach (var more in finding.BuiltObjects)
                {
                    if (!objects[at]!.Contains(more))
                    {
                        objects[at]!.Add(more);
                    }
                }

                continue;
            }

            groups[key] = merged.Count;
            merged.Add(finding);
            labels.Add(new List<string> { build.Label });
            objects.Add(new List<KubeObject>(finding.BuiltObjects));
        }

        for (var i = 0; i < merged.Count; i++)
        {
            if (objects[i] is { } built)
            {
                merged[i] = merged[i].With(built);
            }

            var path = merged[i].Diagnostic.Location.GetLineSpan().Path;
            if (labels[i] is { } names && _buildsByFile.TryGetValue(path, out var readers) && readers.Count > 1)
            {
                names.Sort(StringComparer.Ordinal);
                var text = names.Count == 1 ? "kustomize build " + names[0]
                    : names.Count <= 3 ? "kustomize builds " + string.Join(", ", names)
                    : $"kustomize builds {string.Join(", ", names.Take(2))} and {names.Count - 2} more";
                var diagnostic = merged[i].Diagnostic;
                merged[i] = merged[i].With(WithMessage(diagnostic, diagnostic.GetMessage(CultureInfo.InvariantCulture) + " (" + text + ")", string.Join(",", names)));
            }
        }

        return merged;
    }

    private static List<LintFinding> Sort(List<LintFinding> findings)
    {
        // Array.Sort over a class, not LINQ over tuples: LINQ's sort over a tuple with Roslyn's
        // FileLinePositionSpan is ~45 methods the JIT compiles first in every run (ReadyToRun cannot
        // precompile it). The index keeps equal findings in the order OrderBy kept them.
        var entries = new SortEntry[findings.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new SortEntry(findings[i], i);
        }

        Array.Sort(entries, SortEntry.Compare);
        return entries.Select(e => e.Finding).ToList();
    }

    private sealed class SortEntry
    {
        public SortEntry(LintFinding finding, int index)
        {
            Finding = finding;
            Diagnostic = finding.Diagnostic;
            Path = Diagnostic.Location.GetLineSpan().Path;
            Message = Diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Index = index;
        }

        public LintFinding Finding { get; }

        private Diagnostic Diagnostic { get; }

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

    /// <summary>Diagnostics by instance: Roslyn's equality would make two equal findings of two objects one.</summary>
    private sealed class SameInstance : IEqualityComparer<Diagnostic>
    {
        public static readonly SameInstance Comparer = new();

        public bool Equals(Diagnostic? x, Diagnostic? y) => ReferenceEquals(x, y);

        public int GetHashCode(Diagnostic obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
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
