using ManifestLint.Analysis;
using ManifestLint.Yaml;
using ManifestLint.Text;

namespace ManifestLint.Configuration;

/// <summary>
/// Every option of the tool, declared once (CONTRIBUTING.md, Adding an option): the engine's options here, and the
/// rules' own options, which each rule declares in its file and lists in <c>ManifestRule.Options</c>. The
/// .editorconfig reader, the command line and the analyzer take keys, defaults, parsers and help from here; no other
/// file names a <c>manifestlint.</c> key or an MSBuild <c>build_property.</c>/<c>build_metadata.</c> key
/// (<c>OptionCatalogTests</c> checks it).
/// </summary>
public static class OptionCatalog
{
    /// <summary>The prefix of the tool's keys in .editorconfig and in the compiler's analyzer configuration.</summary>
    public const string KeyPrefix = "manifestlint.";

    public static LintOption<string> DefaultNamespace { get; } = new(
        "default_namespace",
        "default",
        text => text.Trim() is { Length: > 0 } ns ? OptionValue<string>.Of(ns) : OptionValue<string>.Unset,
        "The namespace of objects that name none.")
    {
        Flag = "--namespace",
        FlagAlias = "-n",
        FlagValue = "NAMESPACE",
        FlagDefault = "default",
    };

    public static LintOption<KubernetesVersion> KubeVersion { get; } = new(
        "kube_version",
        KubernetesVersion.Newest,
        text => KubernetesVersion.TryParse(text, out var version, out var error) ? OptionValue<KubernetesVersion>.Of(version) : OptionValue<KubernetesVersion>.Fail(error!),
        $"The Kubernetes version to validate for ({KubernetesVersion.Oldest} to {KubernetesVersion.Newest}; default {KubernetesVersion.Newest}).")
    {
        Flag = "--kube-version",
        FlagValue = "VERSION",
    };

    /// <summary>
    /// In .editorconfig a comma-separated list, added to the run's; each <c>--external</c> on the command line adds
    /// patterns.
    /// </summary>
    public static LintOption<ExternalObjects> ExternalObjects { get; } = new(
        "external_objects",
        Configuration.ExternalObjects.None,
        text =>
        {
            // The patterns that parse apply; the first that does not is reported.
            string? firstError = null;
            var patterns = new List<string>();
            foreach (var item in List(text))
            {
                if (Configuration.ExternalObjects.TryParse(item, out _, out _, out var error))
                {
                    patterns.Add(item);
                }
                else
                {
                    firstError ??= error;
                }
            }

            return OptionValue<ExternalObjects>.Of(new Configuration.ExternalObjects(patterns), firstError);
        },
        "An object that exists outside the linted files, as KIND/NAME (globs allowed: secret/db-*). Repeatable.")
    {
        Flag = "--external",
        FlagValue = "KIND/NAME",
        FlagRepeats = true,
        Combine = (run, more) => run.With(more),
    };

    /// <summary>
    /// Knowledge files; in an .editorconfig the paths are relative to that file, on the command line to the working
    /// directory. The engine does not read them per file: they apply to the whole run.
    /// </summary>
    public static LintOption<IReadOnlyList<string>> Producers { get; } = new(
        "producers",
        Array.Empty<string>(),
        text => OptionValue<IReadOnlyList<string>>.Of(List(text)),
        "A file of your own producers (objects that controllers make), implicit objects and custom resources with pod specs, in the shape of the engine's known-objects.yaml. Repeatable.")
    {
        Flag = "--producers",
        InCompiler = false,
    };

    /// <summary>
    /// True: build kustomizations (<c>auto</c>); false: lint the files as written (<c>off</c>). Off on the command line
    /// builds none; off in a kustomization's configuration leaves that root unbuilt.
    /// </summary>
    public static LintOption<bool> Kustomize { get; } = new(
        "kustomize",
        true,
        text => Switch(text, "auto", "off", OptionValue<bool>.Fail($"'{text.Trim()}' is not auto or off")),
        "auto: lint each kustomize root as `kustomize build` makes it (the default); off: lint every file as written.")
    {
        Flag = "--kustomize",
        FlagChoices = new[] { "auto", "off" },
        FlagDefault = "auto",
        Combine = (run, file) => run && file,
        InCompiler = false,
    };

    /// <summary>
    /// Roslyn's own key for files nobody edits by hand (vendored charts, rendered bundles): read for references, their
    /// findings not reported. Anything but <c>true</c> is false, as in Roslyn.
    /// </summary>
    public static LintOption<bool> GeneratedCode { get; } = new(
        "generated_code",
        false,
        text => OptionValue<bool>.Of(string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase)),
        "true: the file is read for references, but its own findings are not reported.")
    {
        Key = "generated_code",
        InCompiler = false,
    };

    /// <summary>
    /// The safety limits per file (<c>manifestlint.max_depth = 64</c>, <c>--limit max_depth=64</c>): each value is a
    /// <see cref="YamlLimitSettings"/> with that one limit set. A configuration file can only lower them; they are
    /// read before a file is parsed, through <see cref="LintOptions.LimitsFor"/>.
    /// </summary>
    public static IReadOnlyList<LintOption<YamlLimitSettings>> Limits { get; } = YamlLimitSettings.Names.Select(Limit).ToArray();

    /// <summary>The safety limits that <paramref name="values"/> set, together.</summary>
    public static YamlLimitSettings LimitsIn(OptionValues values)
    {
        var limits = YamlLimitSettings.None;
        foreach (var limit in Limits)
        {
            if (values.TryGet(limit, out var set))
            {
                limits = limits.Overlay(set);
            }
        }

        return limits;
    }

    /// <summary>The limit on the bytes of the whole run: a run's, not a file's, so only the command line sets it.</summary>
    public static LintOption<long> MaxTotalBytes { get; } = new(
        "max_total_bytes",
        Loading.InputSet.DefaultMaxTotalBytes,
        text => YamlLimitSettings.TryParse("max_total_bytes", text, bytes: true, out var amount) is { } error ? OptionValue<long>.Fail(error) : OptionValue<long>.Of(amount),
        "The bytes of every file of the run together (KiB, MiB and GiB suffixes allowed).")
    {
        Key = null,
        Flag = "--limit",
        InCompiler = false,
    };

    /// <summary>
    /// The <c>ManifestLint</c> metadata of an additional file: <c>&lt;ManifestLintFiles&gt;</c> sets it to true, and
    /// <c>&lt;AdditionalFiles Update="x.json" ManifestLint="false" /&gt;</c> leaves a file out. Unset, the analyzer lints
    /// every .yaml, .yml and .json additional file.
    /// </summary>
    public static LintOption<bool> AnalyzerFile { get; } = MSBuildInput(
        "build_metadata.AdditionalFiles.ManifestLint",
        false,
        text => Switch(text, "true", "false", OptionValue<bool>.Unset),
        "Whether the analyzer lints this additional file (true for <ManifestLintFiles>; false leaves a YAML or JSON file out).");

    /// <summary>MSBuild's <c>ProjectDir</c>: the analyzer shows the paths in messages relative to it.</summary>
    public static LintOption<string> ProjectDirectory { get; } = MSBuildInput(
        "build_property.ProjectDir",
        string.Empty,
        text => text.Length > 0 ? OptionValue<string>.Of(text) : OptionValue<string>.Unset,
        "The project's directory; the analyzer shows the paths in messages relative to it.");

    /// <summary>
    /// The engine's options, in catalogue order. With the rules' own options they make an <see cref="OptionSet"/>,
    /// which the engine's rule catalogue builds: configuration knows no rule.
    /// </summary>
    public static IReadOnlyList<LintOption> Engine => EngineOptions.Value;

    private static readonly Lazy<IReadOnlyList<LintOption>> EngineOptions = new(() =>
        new LintOption[] { DefaultNamespace, KubeVersion, ExternalObjects, Producers, Kustomize, GeneratedCode }
            .Concat(Limits)
            .Concat(new LintOption[] { MaxTotalBytes, AnalyzerFile, ProjectDirectory })
            .ToArray());

    /// <summary>A comma-separated list, items trimmed, empty items left out.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        (text ?? string.Empty).Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

    /// <summary>True for <paramref name="yes"/>, false for <paramref name="no"/> (any case, blanks ignored), else <paramref name="other"/>.</summary>
    private static OptionValue<bool> Switch(string text, string yes, string no, OptionValue<bool> other) =>
        string.Equals(text.Trim(), yes, StringComparison.OrdinalIgnoreCase) ? OptionValue<bool>.Of(true)
        : string.Equals(text.Trim(), no, StringComparison.OrdinalIgnoreCase) ? OptionValue<bool>.Of(false)
        : other;

    /// <summary>
    /// An input of the analyzer that MSBuild gives the compiler (a property or item metadata, named as the compiler
    /// names it: <c>build_property.NAME</c>, <c>build_metadata.AdditionalFiles.NAME</c>); the analyzer reads it itself.
    /// </summary>
    private static LintOption<T> MSBuildInput<T>(string msbuildKey, T defaultValue, Func<string, OptionValue<T>> parse, string help)
        where T : notnull =>
        new(msbuildKey.Substring(msbuildKey.LastIndexOf('.') + 1), defaultValue, parse, help)
        {
            Key = null,
            MSBuildKey = msbuildKey,
            InCompiler = false,
        };

    private static LintOption<YamlLimitSettings> Limit(string name) => new(
        name,
        YamlLimitSettings.None,
        text =>
        {
            var settings = YamlLimitSettings.None;
            return YamlLimitSettings.TrySet(ref settings, name, text) is { } error ? OptionValue<YamlLimitSettings>.Fail(error) : OptionValue<YamlLimitSettings>.Of(settings);
        },
        "A safety limit of each file (see README, Limits).",
        (settings, text) => settings.OnlyLowering(YamlLimits.Default).IsEmpty
            ? $"{KeyPrefix}{name} = {text.Trim()} is above the default ({MessageText.Count(YamlLimitSettings.Get(YamlLimits.Default, name))}) and is ignored: a configuration file can only lower a limit; raise it with --limit {name}=... on the command line"
            : null)
    {
        Flag = "--limit",
        Strict = StrictPolicy.OnlyStricter,
        InCompiler = false,
    };
}
