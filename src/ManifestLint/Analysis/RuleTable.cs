using System.Globalization;
using System.Text;
using ManifestLint.Fixes;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>The rule table in Markdown: for <c>manifestlint rules --format markdown</c>, rules/README.md and the README.</summary>
public static class RuleTable
{
    public static string Markdown(IEnumerable<DiagnosticDescriptor> descriptors, string linkPrefix)
    {
        var builder = new StringBuilder();
        builder.Append("| ID | Title | Category | Default | On by default | Fix |\n");
        builder.Append("|---|---|---|---|---|---|\n");
        foreach (var d in descriptors)
        {
            builder.Append("| [").Append(d.Id).Append("](").Append(linkPrefix).Append(d.Id).Append(".md) | ")
                .Append(d.Title.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(d.Category).Append(" | ")
                .Append(Configuration.Severity.Name(d.DefaultSeverity)).Append(" | ")
                .Append(d.IsEnabledByDefault ? "yes" : "no").Append(" | ")
                .Append(FixText(d.Id)).Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary><c>safe</c>, <c>suggested</c> or empty: whether <c>--fix</c> or only <c>--fix-suggested</c> fixes the rule.</summary>
    public static string FixText(string id) => FixCatalog.Default.ProviderFor(id) is { } provider
        ? provider.Safety == FixSafety.Safe ? "safe" : "suggested"
        : string.Empty;
}
