using ManifestLint.Analysis;
using ManifestLint.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ManifestLint.Engine;

namespace ManifestLint.Analyzers;

/// <summary>
/// The run's options inside the compiler: the options of <see cref="OptionCatalog"/> that apply there
/// (<see cref="LintOption.InCompiler"/>: namespace, Kubernetes version, external objects, the rules' own options), under
/// the keys the tool reads from .editorconfig, come from the compiler's global options (<c>.globalconfig</c>) and, per
/// file, from <see cref="CompilerConfiguration"/>. A value the tool would reject is ignored (the default applies).
/// </summary>
internal static class CompilerLintOptions
{
    public static LintOptions Create(AnalyzerConfigOptions global, IConfigurationProvider configuration)
    {
        var settings = CompilerConfiguration.Settings(global, "(global)");
        return new LintOptions
        {
            Values = settings.Values,
            SeverityOverrides = EveryRuleReported(),
            Configuration = configuration,
        };
    }

    /// <summary>
    /// The engine leaves out the rules that are off by default unless configured; here the compiler decides, so
    /// those rules report with their default severity and Roslyn drops them unless <c>.globalconfig</c> turns them on.
    /// Rules that are on keep no override, so a finding that carries its own severity (ML3008's errors) keeps it.
    /// </summary>
    private static Dictionary<string, ReportDiagnostic> EveryRuleReported()
    {
        var severities = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var descriptor in RuleCatalog.Default.Descriptors)
        {
            if (!descriptor.IsEnabledByDefault)
            {
                severities[descriptor.Id] = Severity.Setting(descriptor.DefaultSeverity);
            }
        }

        return severities;
    }
}
