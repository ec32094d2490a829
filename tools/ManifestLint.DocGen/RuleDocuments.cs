using System.Globalization;
using System.Text;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.DocGen;

/// <summary>One generated file: its path relative to the repository root, what it holds now (null when it does not exist) and what it should hold.</summary>
public sealed record GeneratedDocument(string RelativePath, string? Current, string Expected)
{
    public bool IsStale => Current != Expected;
}

/// <summary>
/// The documentation that follows from the rule descriptors. Each rule page is a generated header (title and the
/// metadata table), the marker line <see cref="BodyMarker"/>, then the page's own text, which is kept as it is.
/// </summary>
public static class RuleDocuments
{
    /// <summary>The line that ends a page's generated header; everything below it is written by hand.</summary>
    public const string BodyMarker = "<!-- The title, table and remediation above are generated from the rule's descriptor by tools/ManifestLint.DocGen; edit below this line. -->";

    /// <summary>The marker of pages generated before the header had the remediation; read, never written.</summary>
    private const string OldBodyMarker = "<!-- The title and table above are generated from the rule's descriptor by tools/ManifestLint.DocGen; edit below this line. -->";

    public const string IndexPath = "rules/README.md";
    public const string ReadmePath = "README.md";
    public const string ReadmeStartMarker = "<!-- rules:start -->";
    public const string ReadmeEndMarker = "<!-- rules:end -->";
    public const string ShippedPath = "src/ManifestLint/AnalyzerReleases.Shipped.md";
    public const string UnshippedPath = "src/ManifestLint/AnalyzerReleases.Unshipped.md";

    /// <summary>The headings every page has (CatalogTests checks them); a new page starts with them.</summary>
    public static readonly string[] PageHeadings = { "## Cause", "## Why it matters", "## How to fix", "## When to suppress", "## Examples" };

    /// <summary>Every generated document of the repository at <paramref name="root"/>, in a fixed order.</summary>
    public static IReadOnlyList<GeneratedDocument> Generate(string root, RuleCatalog catalog)
    {
        var documents = new List<GeneratedDocument>();
        foreach (var descriptor in catalog.Descriptors)
        {
            var relative = PagePath(descriptor.Id);
            var current = Read(root, relative);
            documents.Add(new GeneratedDocument(relative, current, Page(descriptor, current)));
        }

        documents.Add(new GeneratedDocument(IndexPath, Read(root, IndexPath), Index(catalog.Descriptors)));

        var readme = Read(root, ReadmePath) ?? throw new DocGenException($"{ReadmePath} is missing.");
        documents.Add(new GeneratedDocument(ReadmePath, readme, ReplaceSection(readme, ReadmeStartMarker, ReadmeEndMarker, RuleTable.Markdown(catalog.Descriptors, linkPrefix: "rules/"), ReadmePath)));

        var shipped = ReleaseTracking.ParseShipped(Read(root, ShippedPath) ?? string.Empty);
        documents.Add(new GeneratedDocument(UnshippedPath, Read(root, UnshippedPath), ReleaseTracking.Unshipped(catalog, shipped)));
        documents.Add(new GeneratedDocument(RuleList.Path, Read(root, RuleList.Path), RuleList.Source(catalog)));
        return documents;
    }

    public static string PagePath(string id) => "rules/" + id + ".md";

    /// <summary>
    /// The page's generated header: its title, the metadata table (with the precision the rule declares) and the
    /// rule's one-sentence remediation, then the marker. The page is the rule's SARIF help, so code scanning shows
    /// the remediation next to each alert.
    /// </summary>
    public static string Header(DiagnosticDescriptor descriptor) =>
        $"# {descriptor.Id}: {descriptor.Title.ToString(CultureInfo.InvariantCulture)}\n" +
        "\n" +
        "| Category | Default severity | On by default | Precision |\n" +
        "|---|---|---|---|\n" +
        $"| {MetadataRow(descriptor)} |\n" +
        "\n" +
        $"{RemediationLabel} {RuleDescriptor.RemediationOf(descriptor)}\n" +
        "\n" +
        BodyMarker + "\n";

    /// <summary>What starts the header's remediation line.</summary>
    public const string RemediationLabel = "**How to fix:**";

    /// <summary>The cells of the metadata table's row: category, default severity, on by default, precision.</summary>
    public static string MetadataRow(DiagnosticDescriptor descriptor) =>
        $"{descriptor.Category} | {Configuration.Severity.Name(descriptor.DefaultSeverity)} | {(descriptor.IsEnabledByDefault ? "yes" : "no")} | {RuleDescriptor.PrecisionOf(descriptor)}";

    /// <summary>The whole page: the header, then the hand-written body of <paramref name="current"/> (a skeleton for a new page).</summary>
    public static string Page(DiagnosticDescriptor descriptor, string? current) =>
        Header(descriptor) + (current is null ? Skeleton(descriptor) : Body(current));

    /// <summary>
    /// The hand-written part of a page: what follows the marker line; on a page written before the generator (no
    /// marker), what follows the title, a blank line, the table and a blank line. A page of any other shape is kept
    /// whole, so nothing is ever lost: the diff then shows the header twice, for a person to resolve.
    /// </summary>
    public static string Body(string page)
    {
        var text = page.ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        var offset = 0;
        foreach (var line in lines)
        {
            offset += line.Length + 1;
            if (line == BodyMarker || line == OldBodyMarker)
            {
                return offset >= text.Length ? string.Empty : text.Substring(offset);
            }
        }

        // A page from before the generator: "# title", "", "| table |"..., "".
        if (lines.Length > 3 && lines[0].StartsWith("# ", StringComparison.Ordinal) && lines[1].Length == 0 && lines[2].StartsWith('|'))
        {
            var index = 2;
            while (index < lines.Length && lines[index].StartsWith('|'))
            {
                index++;
            }

            if (index < lines.Length && lines[index].Length == 0)
            {
                return string.Join("\n", lines.Skip(index + 1));
            }
        }

        return text;
    }

    /// <summary>The body of a new page: the headings to fill in, each with a TODO that CatalogTests refuses.</summary>
    public static string Skeleton(DiagnosticDescriptor descriptor)
    {
        var builder = new StringBuilder();
        builder.Append("## Cause\n\nTODO: ").Append(descriptor.Description.ToString(CultureInfo.InvariantCulture)).Append("\n\n");
        builder.Append("## Why it matters\n\nTODO: what Kubernetes does with such a manifest (cite docs/kubernetes-behaviour.md).\n\n");
        builder.Append("## How to fix\n\nTODO\n\n");
        builder.Append("## When to suppress\n\nTODO\n\n");
        builder.Append("## Examples\n\n### Finding\n\n```yaml\n# TODO\n```\n\n### Fixed\n\n```yaml\n# TODO\n```\n");
        return builder.ToString();
    }

    public static string Index(IEnumerable<DiagnosticDescriptor> descriptors) =>
        "# ManifestLint rules\n\n" +
        "<!-- Generated from the rule descriptors by tools/ManifestLint.DocGen; refresh with `dotnet run --project tools/ManifestLint.DocGen`. -->\n\n" +
        RuleTable.Markdown(descriptors, linkPrefix: string.Empty);

    /// <summary>Replaces the lines between two marker lines of a file.</summary>
    public static string ReplaceSection(string text, string startMarker, string endMarker, string content, string path)
    {
        var normalised = text.ReplaceLineEndings("\n");
        var start = normalised.IndexOf(startMarker, StringComparison.Ordinal);
        var end = normalised.IndexOf(endMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new DocGenException($"{path} lacks the markers {startMarker} and {endMarker} (in that order) around its rule table.");
        }

        return normalised.Substring(0, start + startMarker.Length) + "\n" + content + normalised.Substring(end);
    }

    private static string? Read(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        return File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
    }
}

/// <summary>A repository the generator cannot work on (a file or a marker is missing).</summary>
public sealed class DocGenException(string message) : Exception(message);
