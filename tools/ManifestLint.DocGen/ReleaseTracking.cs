using System.Text;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.DocGen;

/// <summary>
/// Roslyn's analyzer release tracking (ReleaseTrackingAnalyzers.Help.md): AnalyzerReleases.Shipped.md records what
/// each release shipped and is edited by hand at release time; AnalyzerReleases.Unshipped.md is what the catalog
/// holds beyond that, so it follows from the descriptors and is generated.
/// </summary>
public static class ReleaseTracking
{
    /// <summary>A rule as release tracking records it.</summary>
    public sealed record TrackedRule(string Id, string Category, string Severity, string Notes);

    /// <summary>The rules as the last shipped release left them: each release's new, changed and removed rules, in file order.</summary>
    public static IReadOnlyDictionary<string, TrackedRule> ParseShipped(string text)
    {
        var rules = new Dictionary<string, TrackedRule>(StringComparer.Ordinal);
        var section = string.Empty;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("###", StringComparison.Ordinal))
            {
                section = line.TrimStart('#').Trim();
                continue;
            }

            if (line.Length == 0 || line.StartsWith(';') || line.StartsWith('#') || !line.Contains('|', StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells[0] == "Rule ID" || cells[0].StartsWith('-'))
            {
                continue;
            }

            switch (section)
            {
                case "New Rules" when cells.Length >= 3:
                    rules[cells[0]] = new TrackedRule(cells[0], cells[1], cells[2], cells.Length > 3 ? cells[3] : string.Empty);
                    break;
                case "Changed Rules" when cells.Length >= 3:
                    rules[cells[0]] = new TrackedRule(cells[0], cells[1], cells[2], cells.Length > 5 ? cells[5] : string.Empty);
                    break;
                case "Removed Rules":
                    rules.Remove(cells[0]);
                    break;
            }
        }

        return rules;
    }

    /// <summary>Error, Warning, Info or Hidden; Disabled for a rule that is off by default.</summary>
    public static string SeverityText(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

    /// <summary>AnalyzerReleases.Unshipped.md: the rules that are new, changed or removed since the shipped releases.</summary>
    public static string Unshipped(RuleCatalog catalog, IReadOnlyDictionary<string, TrackedRule> shipped)
    {
        var added = new List<string>();
        var changed = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in catalog.Descriptors)
        {
            ids.Add(descriptor.Id);
            var severity = SeverityText(descriptor);
            var name = catalog.NameOf(descriptor);
            if (!shipped.TryGetValue(descriptor.Id, out var old))
            {
                added.Add($"{descriptor.Id} | {descriptor.Category} | {severity} | {name}");
            }
            else if (old.Category != descriptor.Category || old.Severity != severity)
            {
                changed.Add($"{descriptor.Id} | {descriptor.Category} | {severity} | {old.Category} | {old.Severity} | {name}");
            }
        }

        var removed = shipped.Values.Where(r => !ids.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"{r.Id} | {r.Category} | {r.Severity} | {r.Notes}").ToList();

        var builder = new StringBuilder();
        builder.Append("; Unshipped analyzer release\n");
        builder.Append("; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md\n");
        builder.Append("; Generated from the rule descriptors and AnalyzerReleases.Shipped.md by tools/ManifestLint.DocGen.\n");
        Section(builder, "New Rules", "Rule ID | Category | Severity | Notes", "--------|----------|----------|-------", added);
        Section(builder, "Removed Rules", "Rule ID | Category | Severity | Notes", "--------|----------|----------|-------", removed);
        Section(builder, "Changed Rules", "Rule ID | New Category | New Severity | Old Category | Old Severity | Notes", "--------|--------------|--------------|--------------|--------------|-------", changed);
        return builder.ToString();
    }

    private static void Section(StringBuilder builder, string title, string header, string separator, List<string> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        builder.Append("\n### ").Append(title).Append("\n\n").Append(header).Append('\n').Append(separator).Append('\n');
        foreach (var row in rows)
        {
            builder.Append(row).Append('\n');
        }
    }
}
