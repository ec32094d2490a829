using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;
using ManifestLint.Configuration;
using FileOptions = ManifestLint.Analysis.FileOptions;

namespace ManifestLint.Engine;

/// <summary>
/// Runs the rules of a run over its sets: decides which rules run at all (as in Roslyn, a rule none of whose findings
/// would be shown anywhere does not), then calls their file actions once per file and their object, pod-spec and set
/// actions once per set, objects in parallel for large sets.
/// </summary>
internal sealed class RuleRunner
{
    /// <summary>Below this many objects, running rules (and building models) on several threads costs more than it gives.</summary>
    private const int ParallelObjectThreshold = 256;

    private readonly RuleCatalog _catalog;
    private readonly LintOptions _options;
    private readonly FileOptions _fileOptions;
    private readonly TreeRelease? _release;

    /// <param name="release">Set for a run that dropped its trees: the rules then run file by file (see <see cref="TreeRelease"/>).</param>
    public RuleRunner(RuleCatalog catalog, LintOptions options, FileOptions fileOptions, TreeRelease? release = null)
    {
        _catalog = catalog;
        _options = options;
        _fileOptions = fileOptions;
        _release = release;
    }

    private int Parallelism => _options.MaxParallelism > 0 ? _options.MaxParallelism : Environment.ProcessorCount;

    /// <summary>Runs every rule that may be shown: file actions over <paramref name="set"/>'s files, the rest over each scope.</summary>
    public void Run(LintedSet set, IReadOnlyList<LintedSet> scopes, FindingCollector collector)
    {
        var actions = new RuleActions();
        foreach (var rule in _catalog.Rules)
        {
            // ML1005 alone would build 2,504 findings for argo-cd's optional references, all dropped while it is off
            // by default.
            if (IsShownAnywhere(rule, set.Files))
            {
                rule.Initialize(new RuleContext(rule, actions));
            }
        }

        if (_release is null)
        {
            RunFileActions(actions, set, set.Files, collector);
            foreach (var scope in scopes)
            {
                RunObjectActions(actions, scope, collector);
            }

            return;
        }

        // The files as written whose trees were dropped: each is read again, its file, object and pod-spec actions
        // run, and its trees are dropped again. The files kustomize builds read keep theirs, as in a small run.
        var flat = scopes[0];
        var byFile = flat.Files.Where(_release.Released).ToList();
        var streamed = new HashSet<SourceFile>(byFile);
        RunFileActions(actions, set, set.Files.Where(f => !streamed.Contains(f)).ToList(), collector);
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(byFile, loadBalance: true),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            file =>
            {
                RunFileActions(actions, set, new[] { file }, collector);
                var objects = flat.ObjectsIn(file);
                foreach (var obj in objects)
                {
                    AnalyzeObject(actions, flat, obj, collector);
                }

                _release.Release(file, objects);
            });

        var rest = flat.Objects.Where(o => !streamed.Contains(o.File)).ToList();
        RunObjectActions(actions, flat, collector, rest);
        foreach (var scope in scopes.Skip(1))
        {
            RunObjectActions(actions, scope, collector);
        }
    }

    /// <summary>
    /// For a large run, builds the pod-spec models of every object in parallel and then each set's reference graph,
    /// before any rule runs. Otherwise the first rule to ask the graph builds it (and every pod spec of the set) on one
    /// thread while the others wait for it. A small run keeps both lazy: one file in pre-commit that asks no reference
    /// question never reads the knowledge table the graph needs.
    /// </summary>
    public void BuildModels(IReadOnlyList<LintedSet> scopes)
    {
        var parallelism = Parallelism;
        if (parallelism <= 1 || scopes.Sum(s => s.Objects.Count) < ParallelObjectThreshold)
        {
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        // A run that dropped its trees took its facts while parsing; its pod specs are built file by file as the
        // rules run.
        Parallel.ForEach(scopes.SelectMany(s => s.Objects).Distinct().Where(o => o.HasTree), options, obj =>
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

    private bool IsShownAnywhere(ManifestRule rule, IReadOnlyList<SourceFile> files)
    {
        foreach (var descriptor in rule.SupportedDiagnostics)
        {
            if (Severity.Effective(descriptor, _fileOptions.Severity(descriptor, null)) is not null)
            {
                return true;
            }

            foreach (var file in files)
            {
                if (Severity.Effective(descriptor, _fileOptions.Severity(descriptor, file)) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void RunFileActions(RuleActions actions, LintedSet set, IReadOnlyList<SourceFile> files, FindingCollector collector)
    {
        foreach (var file in files)
        {
            var options = _fileOptions.For(file);
            foreach (var action in actions.File)
            {
                collector.Invoke(action.Rule, file.DisplayPath, () => action.Action(new FileAnalysisContext(file, set, options, _fileOptions, d => collector.Add(d, null))));
            }
        }
    }

    private void RunObjectActions(RuleActions actions, LintedSet set, FindingCollector collector, IReadOnlyList<KubeObject>? objects = null)
    {
        objects ??= set.Objects;
        var parallelism = Parallelism;
        if (parallelism > 1 && objects.Count >= ParallelObjectThreshold)
        {
            Parallel.ForEach(objects, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, obj => AnalyzeObject(actions, set, obj, collector));
        }
        else
        {
            foreach (var obj in objects)
            {
                AnalyzeObject(actions, set, obj, collector);
            }
        }

        Action<Diagnostic> reportToSet = diagnostic => collector.Add(diagnostic, set.KustomizeBuild);
        foreach (var action in actions.Set)
        {
            collector.Invoke(action.Rule, set.KustomizeBuild is null ? "the linted set" : "kustomize build " + set.KustomizeBuild.Label, () => action.Action(new SetAnalysisContext(set, _options, _fileOptions, reportToSet)));
        }
    }

    private void AnalyzeObject(RuleActions actions, LintedSet set, KubeObject obj, FindingCollector collector)
    {
        var options = _fileOptions.For(obj.File);

        // A finding carries the object its rule looked at. In a kustomize build it may sit in a patch file; the
        // built object's annotations (the base's, and what patches add) can silence it.
        Action<Diagnostic> report = d => collector.Add(d, set.KustomizeBuild, obj);
        foreach (var action in actions.Object)
        {
            if (action.Kinds is null || (obj.Kind is not null && action.Kinds.Contains(obj.Kind)))
            {
                collector.Invoke(action.Rule, obj.File.DisplayPath, () => action.Action(new ObjectAnalysisContext(obj, set, options, _fileOptions, report)));
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
                collector.Invoke(action.Rule, obj.File.DisplayPath, () => action.Action(new PodSpecAnalysisContext(podSpec, set, options, _fileOptions, report)));
            }
        }
    }
}
