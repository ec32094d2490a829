using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>The rule table in Markdown: for <c>manifestlint rules --format markdown</c>, rules/README.md and the README.</summary>
public static class RuleTable
{
    public static string Markdown(IEnumerable<DiagnosticDescriptor> descriptors, string linkPrefix)
    {
        var builder = new StringBuilder();
        builder.Append("| ID | Title | Category | Default | On by default |\n");
        builder.Append("|---|---|---|---|---|\n");
        foreach (var d in descriptors)
        {
            builder.Append("| [").Append(d.Id).Append("](").Append(linkPrefix).Append(d.Id).Append(".md) | ")
                .Append(d.Title.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(d.Category).Append(" | ")
                .Append(SeverityMapping.Name(d.DefaultSeverity)).Append(" | ")
                .Append(d.IsEnabledByDefault ? "yes" : "no").Append(" |\n");
        }

        return builder.ToString();
    }
}
