using ManifestLint.Analysis;
using ManifestLint.Engine;

namespace ManifestLint.Sarif;

/// <summary>The SARIF front door for callers that should not depend on Sarif.Sdk's types themselves.</summary>
public static class SarifReport
{
    public static string Render(LintResult result, RuleCatalog catalog, SarifReportOptions options) =>
        SarifSerializer.Serialize(SarifReportBuilder.Build(result, catalog, options));
}
