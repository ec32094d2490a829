using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Model.Kustomize;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>
/// One run: files → documents → objects → linted set → rules → diagnostics with effective severities, sorted
/// so that the same inputs give the same output whatever the file order or thread count.
/// </summary>
public sealed class Linter
{
    /// <summary>Property of a finding in a file several kustomize builds read: the builds it occurs in, comma-separated.</summary>
    public const string KustomizeBuildsProperty = "kustomizeBuilds";

    /// <summary>Property of a finding in <c>helm template</c> output: the template that rendered its document.</summary>
    public const string HelmTemplateProperty = "helmTemplate";

    private readonly RuleCatalog _catalog;
    private readonly LintOptions _options;

    public Linter(LintOptions? options = null, RuleCatalog? catalog = null)
    {
        _options = options ?? LintOptions.Default;
        _catalog = catalog ?? RuleCatalog.Default;
    }

    public LintResult Lint(InputSet inputs)
    {
        var stopwatch = Stopwatch.StartNew();
        var inputErrors = new List<InputError>();
        var files = _options.Configuration is null && _options.LimitOverrides.IsEmpty
            ? ManifestLoader.Load(inputs, _options.Limits, _options.MaxParallelism, inputErrors)
            : ManifestLoader.Load(inputs, _options.LimitsFor, _options.MaxParallelism, inputErrors);
        return Analyze(files, inputErrors, stopwatch, stopwatch.Elapsed);
    }

    /// <summary>Lints files that are already read (the analyzer front end, tests).</summary>
    public LintResult Analyze(IReadOnlyList<SourceFile> files, IReadOnlyList<InputError>? inputErrors = null, Stopwatch? stopwatch = null) =>
        Analyze(files, inputErrors, stopwatch, TimeSpan.Zero);

    private LintResult Analyze(IReadOnlyList<SourceFile> files, IReadOnlyList<InputError>? inputErrors, Stopwatch? stopwatch, TimeSpan loaded)
    {
        stopwatch ??= Stopwatch.StartNew();
        var started = stopwatch.Elapsed;

        // Files in path order, not in the order they were named: where a finding lists several definitions of one
        // object, or a rule meets the first of them, the output must not depend on how the paths were given.
        files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.IsContext).ToArray();
        var fileOptions = new FileOptions(_options);
        var namespaces = new Dictionary<SourceFile, string>();
        foreach (var file in files)
        {
            // Reads every configuration file that applies to the run, so that the knowledge files they name are known.
            namespaces[file] = fileOptions.For(file).DefaultNamespace;
        }

        var knowledgeMessages = new List<ConfigurationMessage>();
        var knowledge = KnowledgeFiles.Load(_options.KnowledgeFiles.Concat(_options.Configuration?.KnowledgeFiles ?? Array.Empty<string>()), knowledgeMessages);
        var set = LintedSet.Build(files, file => namespaces[file], knowledge);
        var builds = _options.BuildKustomizations ? KustomizeBuilder.BuildAll(files, file => namespaces[file], file => !fileOptions.IsKustomizeOff(file)) : Array.Empty<KustomizeBuild>();
        var scopes = Scopes(set, builds, files, namespaces, knowledge);
        var modelled = stopwatch.Elapsed;
        var actions = new RuleActions();
        foreach (var rule in _catalog.Rules)
        {
            // As in Roslyn, a rule none of whose findings would be shown anywhere does not run (ML1005 alone would
            // build 2,504 findings for argo-cd's optional references, all dropped while it is off by default).
            if (IsShownAnywhere(rule, set.Files, fileOptions))
            {
                rule.Initialize(new RuleContext(rule, actions));
            }
        }

        var collector = new Collector(fileOptions, set, builds);
        RunFileActions(actions, set, collector, fileOptions);
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            Run(actions, scope, collector, diagnostic => collector.Add(diagnostic, scope.KustomizeBuild), fileOptions);
        }

        var ruled = stopwatch.Elapsed;

        // Suppressions apply last, to findings that would be shown, so that an unused one can be told apart.
        var suppressions = Suppressions.Build(set, _catalog);
        var filesByPath = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var file in set.Files)
        {
            filesByPath[file.Path] = file;
        }

        var active = new List<Diagnostic>();
        var suppressed = new List<SuppressedDiagnostic>();
        foreach (var diagnostic in collector.Sorted())
        {
            filesByPath.TryGetValue(diagnostic.Location.GetLineSpan().Path, out var file);
            if (suppressions.Find(diagnostic, file) is { } suppression)
            {
                suppressed.Add(new SuppressedDiagnostic(diagnostic, suppression));
            }
            else
            {
                active.Add(diagnostic);
            }
        }

        var messages = (_options.Configuration?.Messages ?? Array.Empty<ConfigurationMessage>())
            .Concat(knowledgeMessages)
            .Concat(builds.SelectMany(b => b.Notes).Distinct().Select(n => new ConfigurationMessage(n.File.DisplayPath, n.Line, "kustomize: " + n.Message)))
            .Concat(suppressions.Messages)
            .Concat(suppressions.Unused())
            .OrderBy(m => m.Path, StringComparer.Ordinal)
            .ThenBy(m => m.Line)
            .ThenBy(m => m.Message, StringComparer.Ordinal)
            .ToArray();
        return new LintResult(set, active, inputErrors ?? Array.Empty<InputError>(), collector.InternalErrors, stopwatch.Elapsed)
        {
            Suppressed = suppressed,
            ConfigurationMessages = messages,
            Phases = new LintPhaseTimes(loaded, modelled - started, ruled - modelled, stopwatch.Elapsed - ruled),
            Builds = builds,
        };
    }

    private static bool IsShownAnywhere(ManifestRule rule, IReadOnlyList<SourceFile> files, FileOptions fileOptions)
    {
        foreach (var descriptor in rule.SupportedDiagnostics)
        {
            if (SeverityMapping.Effective(descriptor, fileOptions.Severity(descriptor, null)) is not null)
            {
                return true;
            }

            foreach (var file in files)
            {
                if (SeverityMapping.Effective(descriptor, fileOptions.Severity(descriptor, file)) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The sets whose objects the rules look at: each kustomize build's objects as the build makes them, and the
    /// objects of every file no build reads, as written. Without builds, that is the whole set. Each set also sees
    /// what the sets deployed beside it define: the files outside builds see every build, a build sees those files
    /// and the builds that share no file with it (a dev and a prod overlay of one base are alternatives, not both
    /// deployed).
    /// </summary>
    private static IReadOnlyList<LintedSet> Scopes(LintedSet set, IReadOnlyList<KustomizeBuild> builds, IReadOnlyList<SourceFile> files, Dictionary<SourceFile, string> namespaces, Model.Knowledge.KnowledgeTable? knowledge)
    {
        if (builds.Count == 0)
        {
            return new[] { set };
        }

        var built = new HashSet<string>(builds.SelectMany(b => b.Files), StringComparer.Ordinal);
        var flatFiles = files.Where(f => !built.Contains(f.Path)).ToArray();
        var flat = LintedSet.Build(flatFiles, file => namespaces[file], knowledge);
        var byPath = files.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var buildSets = new List<LintedSet>();
        foreach (var build in builds)
        {
            var buildFiles = build.Files.Where(byPath.ContainsKey).Select(p => byPath[p]).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
            buildSets.Add(LintedSet.FromBuild(build, buildFiles, namespaces[build.Root.File], knowledge));
        }

        flat.SeeAlso(buildSets);
        for (var i = 0; i < buildSets.Count; i++)
        {
            var mine = new HashSet<string>(builds[i].Files, StringComparer.Ordinal);
            var context = new List<LintedSet> { flat };
            for (var j = 0; j < buildSets.Count; j++)
            {
                if (j != i && !builds[j].Files.Any(mine.Contains))
                {
                    context.Add(buildSets[j]);
                }
            }

            buildSets[i].SeeAlso(context);
        }

        return buildSets.Prepend(flat).ToArray();
    }

    private static void RunFileActions(RuleActions actions, LintedSet set, Collector collector, FileOptions fileOptions)
    {
        foreach (var file in set.Files)
        {
            var options = fileOptions.For(file);
            foreach (var action in actions.File)
            {
                collector.Invoke(action.Rule, file.DisplayPath, () => action.Action(new FileAnalysisContext(file, set, options, fileOptions, d => collector.Add(d, null))));
            }
        }
    }

    private void Run(RuleActions actions, LintedSet set, Collector collector, Action<Diagnostic> report, FileOptions fileOptions)
    {
        void AnalyzeObject(KubeObject obj)
        {
            var options = fileOptions.For(obj.File);
            foreach (var action in actions.Object)
            {
                if (action.Kinds is null || (obj.Kind is not null && action.Kinds.Contains(obj.Kind)))
                {
                    collector.Invoke(action.Rule, obj.File.DisplayPath, () => action.Action(new ObjectAnalysisContext(obj, set, options, fileOptions, report)));
                }
            }

            if (actions.PodSpec.Count == 0)
            {
                return;
            }

            foreach (var podSpec in obj.PodSpecs)
            {
                foreach (var action in actions.PodSpec)
                {
                    collector.Invoke(action.Rule, obj.File.DisplayPath, () => action.Action(new PodSpecAnalysisContext(podSpec, set, options, fileOptions, report)));
                }
            }
        }

        var parallelism = _options.MaxParallelism > 0 ? _options.MaxParallelism : Environment.ProcessorCount;
        if (parallelism > 1 && set.Objects.Count >= 256)
        {
            Parallel.ForEach(set.Objects, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, AnalyzeObject);
        }
        else
        {
            foreach (var obj in set.Objects)
            {
                AnalyzeObject(obj);
            }
        }

        foreach (var action in actions.Set)
        {
            collector.Invoke(action.Rule, set.KustomizeBuild is null ? "the linted set" : "kustomize build " + set.KustomizeBuild.Label, () => action.Action(new SetAnalysisContext(set, _options, fileOptions, report)));
        }
    }

    private sealed class Collector
    {
        private readonly object _gate = new();
        private readonly List<Diagnostic> _diagnostics = new();
        private readonly List<KustomizeBuild?> _builds = new();
        private readonly Dictionary<string, List<KustomizeBuild>> _buildsByFile = new(StringComparer.Ordinal);
        private readonly List<string> _internalErrors = new();
        private readonly FindingBudget _budget = new();
        private readonly FileOptions _options;
        private readonly Dictionary<string, SourceFile> _files;

        public Collector(FileOptions options, LintedSet set, IReadOnlyList<KustomizeBuild> builds)
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

            _files = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
            foreach (var file in set.Files)
            {
                _files[file.Path] = file;
            }
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

        public void Add(Diagnostic diagnostic, KustomizeBuild? build)
        {
            var path = diagnostic.Location.GetLineSpan().Path;
            _files.TryGetValue(path, out var file);
            if (file is not null && (file.IsContext || _options.IsGenerated(file)) && !ExplainsLintedFile(diagnostic))
            {
                return;
            }

            var effective = SeverityMapping.Effective(diagnostic, _options.Severity(diagnostic.Descriptor, file));
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
                if (_files.TryGetValue(location.GetLineSpan().Path, out var related) && !related.IsContext && !_options.IsGenerated(related))
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
                var kept = _budget.Cap(Sort(NameHelmTemplates(MergeBuilds())), out var added);
                return added ? Sort(kept) : kept;
            }
        }

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
                    .SetItem(HelmTemplateProperty, source.Template);
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
        private List<Diagnostic> MergeBuilds()
        {
            if (_buildsByFile.Count == 0)
            {
                return new List<Diagnostic>(_diagnostics);
            }

            var merged = new List<Diagnostic>(_diagnostics.Count);
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

                    continue;
                }

                groups[key] = merged.Count;
                merged.Add(diagnostic);
                labels.Add(new List<string> { build.Label });
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

            return merged;
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
            Recreate(diagnostic, message, diagnostic.Severity, diagnostic.Properties.SetItem(KustomizeBuildsProperty, builds));

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
}

/// <summary>Roslyn's <see cref="ReportDiagnostic"/> settings applied to a descriptor.</summary>
public static class SeverityMapping
{
    /// <summary>The severity a finding is shown with, or null when it is not shown at all.</summary>
    public static DiagnosticSeverity? Effective(DiagnosticDescriptor descriptor, ReportDiagnostic? configured) =>
        configured switch
        {
            null or ReportDiagnostic.Default => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null,
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            _ => null,
        };

    /// <summary>
    /// The severity a reported finding is shown with, or null when it is not shown. As in Roslyn, a finding the rule
    /// reported with its own effective severity keeps it unless the user configured a severity for the rule ID.
    /// </summary>
    public static DiagnosticSeverity? Effective(Diagnostic diagnostic, ReportDiagnostic? configured) =>
        configured is null or ReportDiagnostic.Default
            ? (diagnostic.Descriptor.IsEnabledByDefault ? diagnostic.Severity : null)
            : Effective(diagnostic.Descriptor, configured);

    /// <summary>The word users write: error, warning, note.</summary>
    public static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "hidden",
    };

    /// <summary>Reads error, warning, note (or suggestion/info), none (or silent/hidden), default.</summary>
    public static bool TryParse(string text, out ReportDiagnostic value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": value = ReportDiagnostic.Error; return true;
            case "warning" or "warn": value = ReportDiagnostic.Warn; return true;
            case "note" or "suggestion" or "info": value = ReportDiagnostic.Info; return true;
            case "silent" or "hidden": value = ReportDiagnostic.Hidden; return true;
            case "none": value = ReportDiagnostic.Suppress; return true;
            case "default": value = ReportDiagnostic.Default; return true;
            default: value = ReportDiagnostic.Default; return false;
        }
    }
}
