using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using AnalysisContext = Microsoft.CodeAnalysis.Diagnostics.AnalysisContext;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ManifestLint.Engine;

namespace ManifestLint.Analyzers;

/// <summary>
/// ManifestLint inside the compiler: the project's YAML and JSON <c>AdditionalFiles</c> are linted as ONE set (a
/// ConfigMap in one file satisfies a pod in another, as with the tool), and every finding is reported with the
/// rule's ID and message at its place in the YAML file.
/// </summary>
/// <remarks>
/// Severities are Roslyn's business: the engine reports every finding with the rule's own severity, including the
/// rules that are off by default, and the compiler applies <c>.globalconfig</c>, <c>NoWarn</c>,
/// <c>WarningsAsErrors</c> and <c>dotnet_diagnostic.ID.severity</c>, dropping what is off, as for any analyzer.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class ManifestLintAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = ImmutableArray.CreateRange(RuleCatalog.Default.Descriptors);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();

        // One action per compilation: references cross files, so the manifests are only ever linted together.
        context.RegisterCompilationAction(AnalyzeManifests);
    }

    private static void AnalyzeManifests(CompilationAnalysisContext context)
    {
        var optionsProvider = context.Options.AnalyzerConfigOptionsProvider;
        var manifests = Select(context.Options.AdditionalFiles, optionsProvider);
        if (manifests.Count == 0)
        {
            return;
        }

        optionsProvider.GlobalOptions.TryGetValue(OptionCatalog.ProjectDirectory.MSBuildKey!, out var projectDirectory);
        var configuration = new CompilerConfiguration(optionsProvider);
        var options = CompilerLintOptions.Create(optionsProvider.GlobalOptions, configuration);
        var files = new List<SourceFile>(manifests.Count);
        foreach (var manifest in manifests)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var text = manifest.GetText(context.CancellationToken);
            if (text is null)
            {
                // The compiler could not read the file and reports that itself; there is nothing to lint.
                continue;
            }

            configuration.Add(manifest);
            files.Add(SourceFileReader.ReadText(manifest.Path, DisplayPath(manifest.Path, projectDirectory), text.ToString(), options.Limits));
        }

        var result = new Linter(options).Analyze(files);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>
    /// The manifests among the AdditionalFiles: those added with <c>&lt;ManifestLintFiles&gt;</c>, and every other
    /// <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file unless its <c>ManifestLint</c> metadata is false. Files that are
    /// not Kubernetes objects (stylecop.json, workflow files) are read and say nothing. A file listed twice is read once.
    /// </summary>
    internal static IReadOnlyList<AdditionalText> Select(ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider options)
    {
        var selected = new List<AdditionalText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in additionalFiles)
        {
            options.GetOptions(file).TryGetValue(OptionCatalog.AnalyzerFile.MSBuildKey!, out var marked);
            var include = marked is not null && OptionCatalog.AnalyzerFile.Parse(marked) is { HasValue: true } set
                ? set.Value
                : IsManifestExtension(file.Path);
            if (include && seen.Add(file.Path))
            {
                selected.Add(file);
            }
        }

        // The engine sorts its findings; a fixed file order also keeps its own per-file work deterministic.
        selected.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return selected;
    }

    private static bool IsManifestExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path relative to the project, with '/', for messages that name another file.</summary>
    internal static string DisplayPath(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return normalized;
        }

        var root = projectDirectory!.Replace('\\', '/');
        if (!root.EndsWith("/", StringComparison.Ordinal))
        {
            root += "/";
        }

        return normalized.StartsWith(root, StringComparison.Ordinal) ? normalized.Substring(root.Length) : normalized;
    }
}
