using ManifestLint.Analysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ManifestLint.Analyzers;

/// <summary>
/// The run's options from the compiler's global options (<c>.globalconfig</c>, <c>is_global = true</c> files):
/// <c>manifestlint.kube_version</c>, <c>manifestlint.default_namespace</c>, <c>manifestlint.external_objects</c>
/// (comma-separated <c>KIND/NAME</c> patterns) and <c>manifestlint.system_directories</c>, the keys the tool reads
/// from .editorconfig. A value the tool would reject is ignored here (the default applies).
/// </summary>
internal static class AnalyzerOptions
{
    public static LintOptions Read(AnalyzerConfigOptions global)
    {
        var settings = CompilerConfiguration.Settings(global, "(global)");
        var defaults = LintOptions.Default;
        return new LintOptions
        {
            DefaultNamespace = settings.DefaultNamespace ?? defaults.DefaultNamespace,
            KubeVersion = settings.KubeVersion ?? defaults.KubeVersion,
            ExternalObjects = defaults.ExternalObjects.With(settings.ExternalObjects),
            SystemDirectories = settings.SystemDirectories ?? defaults.SystemDirectories,
        };
    }
}
