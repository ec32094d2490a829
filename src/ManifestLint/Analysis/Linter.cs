using System.Diagnostics;
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
        var buildFailures = new List<string>();
        var builds = _options.BuildKustomizations ? KustomizeBuilder.BuildAll(files, file => namespaces[file], file => !fileOptions.IsKustomizeOff(file), buildFailures) : Array.Empty<KustomizeBuild>();
        var scopes = LintScopes.Plan(set, builds, files, namespaces, knowledge);
        BuildModels(scopes);
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

        var collector = new FindingCollector(fileOptions, set, builds);
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
        return new LintResult(set, active, inputErrors ?? Array.Empty<InputError>(), collector.InternalErrors.Concat(buildFailures).ToArray(), stopwatch.Elapsed)
        {
            Suppressed = suppressed,
            ConfigurationMessages = messages,
            Phases = new LintPhaseTimes(loaded, modelled - started, ruled - modelled, stopwatch.Elapsed - ruled),
            Builds = builds,
        };
    }

    /// <summary>
    /// For a large run, builds the pod-spec models of every object in parallel and then each set's reference graph,
    /// before any rule runs. Otherwise the first rule to ask the graph builds it (and every pod spec of the set) on one
    /// thread while the others wait for it. A small run keeps both lazy: one file in pre-commit that asks no reference
    /// question never reads the knowledge table the graph needs.
    /// </summary>
    private void BuildModels(IReadOnlyList<LintedSet> scopes)
    {
        var parallelism = Parallelism;
        if (parallelism <= 1 || scopes.Sum(s => s.Objects.Count) < ParallelObjectThreshold)
        {
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        Parallel.ForEach(scopes.SelectMany(s => s.Objects).Distinct(), options, obj =>
        {
            foreach (var pod in obj.PodSpecs)
            {
                foreach (var container in pod.Containers)
                {
                    _ = container.Env;
                    _ = container.EnvFrom;
                    _ = container.VolumeMounts;
                }

                _ = pod.Volumes;
                _ = pod.ConfigReferences;
            }
        });
        Parallel.ForEach(scopes, options, scope => _ = scope.Graph);
    }

    private int Parallelism => _options.MaxParallelism > 0 ? _options.MaxParallelism : Environment.ProcessorCount;

    /// <summary>Below this many objects, running rules (and building models) on several threads costs more than it gives.</summary>
    private const int ParallelObjectThreshold = 256;

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

    private static void RunFileActions(RuleActions actions, LintedSet set, FindingCollector collector, FileOptions fileOptions)
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

    private void Run(RuleActions actions, LintedSet set, FindingCollector collector, Action<Diagnostic> report, FileOptions fileOptions)
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

        var parallelism = Parallelism;
        if (parallelism > 1 && set.Objects.Count >= ParallelObjectThreshold)
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
}
