using System.Diagnostics;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Model.Knowledge;
using ManifestLint.Model.Kustomize;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;
using FileOptions = ManifestLint.Analysis.FileOptions;

namespace ManifestLint.Engine;

/// <summary>
/// One run, stage by stage: load (<see cref="ManifestLoader"/>: files read and parsed in parallel) → model
/// (<see cref="LintedSet"/>, <see cref="KustomizeBuilder"/>, <see cref="LintScopes"/>, the reference graphs) → rules
/// (<see cref="RuleRunner"/>) → collect and order (<see cref="FindingCollector"/>: each finding as a
/// <see cref="LintFinding"/> with its file and object, effective severities, budgets,
/// findings several kustomize builds share, deterministic order whatever the file order or thread count) → suppress
/// (<see cref="Suppressions"/>) → a <see cref="LintResult"/> the front ends report.
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
        var fileOptions = new FileOptions(_options);
        TreeRelease? release = null;
        Func<string, Yaml.YamlLimits> limitsFor = _options.Configuration is null && _options.LimitOverrides.IsEmpty ? _ => _options.Limits : _options.LimitsFor;
        var files = ManifestLoader.Load(inputs, limitsFor, _options.MaxParallelism, inputErrors, (paths, bytes) =>
        {
            if (bytes < _options.TreeReleaseBytes)
            {
                return null;
            }

            // Standard input is read beside the files; its configuration may name knowledge files too.
            var configured = inputs.Paths.Contains("-") ? paths.Append(inputs.StandardInputName).ToArray() : paths;
            release = TreeRelease.Prepare(configured, fileOptions, LoadKnowledge);
            return release.Digest;
        });
        return Analyze(files, inputErrors, stopwatch, stopwatch.Elapsed, fileOptions, release);
    }

    /// <summary>Lints files that are already read (the analyzer front end, tests).</summary>
    public LintResult Analyze(IReadOnlyList<SourceFile> files, IReadOnlyList<InputError>? inputErrors = null, Stopwatch? stopwatch = null) =>
        Analyze(files, inputErrors, stopwatch, TimeSpan.Zero, new FileOptions(_options), null);

    private KnowledgeTable? LoadKnowledge(List<ConfigurationMessage> messages) =>
        KnowledgeFiles.Load(_options.Get(OptionCatalog.Producers).Concat(_options.Configuration?.KnowledgeFiles ?? Array.Empty<string>()), messages);

    private LintResult Analyze(IReadOnlyList<SourceFile> files, IReadOnlyList<InputError>? inputErrors, Stopwatch? stopwatch, TimeSpan loaded, FileOptions fileOptions, TreeRelease? release)
    {
        stopwatch ??= Stopwatch.StartNew();
        var started = stopwatch.Elapsed;

        // Files in path order, not in the order they were named: where a finding lists several definitions of one
        // object, or a rule meets the first of them, the output must not depend on how the paths were given.
        files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.IsContext).ToArray();
        var namespaces = new Dictionary<SourceFile, string>();
        foreach (var file in files)
        {
            // Reads every configuration file that applies to the run, so that the knowledge files they name are known.
            namespaces[file] = fileOptions.For(file).Get(OptionCatalog.DefaultNamespace);
        }

        // A run that dropped trees read the table before the files: their facts needed it.
        var knowledgeMessages = new List<ConfigurationMessage>(release?.KnowledgeMessages ?? Array.Empty<ConfigurationMessage>());
        var knowledge = release is not null ? release.Knowledge : LoadKnowledge(knowledgeMessages);

        var set = LintedSet.Build(files, file => namespaces[file], knowledge, release?.Read);
        var buildFailures = new List<string>();
        var builds = _options.Get(OptionCatalog.Kustomize) ? KustomizeBuilder.BuildAll(files, file => namespaces[file], file => fileOptions.For(file).Get(OptionCatalog.Kustomize), buildFailures) : Array.Empty<KustomizeBuild>();
        var scopes = LintScopes.Plan(set, builds, namespaces, knowledge);
        var runner = new RuleRunner(_catalog, _options, fileOptions, release);
        runner.BuildModels(scopes);
        var modelled = stopwatch.Elapsed;
        var collector = new FindingCollector(fileOptions, set, builds);
        runner.Run(set, scopes, collector);
        var ruled = stopwatch.Elapsed;

        // Suppressions apply last, to findings that would be shown, so that an unused one can be told apart.
        var suppressions = Suppressions.Build(set, _catalog);
        var (active, suppressed) = suppressions.Split(collector.Sorted());

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
}
