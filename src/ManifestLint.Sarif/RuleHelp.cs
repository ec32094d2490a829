using System.Text.RegularExpressions;
using ManifestLint.Analysis;

namespace ManifestLint.Sarif;

/// <summary>The rule pages (rules/ML*.md), embedded at build time, as SARIF help.</summary>
public static class RuleHelp
{
    // A Markdown link whose target is relative to the page: [ML1004](ML1004.md), [Limits](../README.md#limits).
    private static readonly Regex RelativeLink = new(@"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!#)(?<target>[^)\s]+)\)", RegexOptions.CultureInvariant);
    private static readonly Regex Link = new(@"\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant);

    /// <summary>
    /// The page as Markdown, its relative links made absolute against the pages' home: GitHub shows the help on an
    /// alert page, where <c>ML1004.md</c> would resolve against the alert's URL and lead nowhere.
    /// </summary>
    public static string? Markdown(string ruleId) => Page(ruleId) is { } page
        ? RelativeLink.Replace(page, m => "](" + Absolute(m.Groups["target"].Value) + ")")
        : null;

    private static string Absolute(string target) => new Uri(new Uri(RuleDescriptor.HelpBaseUri), target).AbsoluteUri;

    private static string? Page(string ruleId)
    {
        using var stream = typeof(RuleHelp).Assembly.GetManifestResourceStream("rules/" + ruleId + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().ReplaceLineEndings("\n").Split('\n');
        return string.Join("\n", lines.Where(l => !IsCommentLine(l)));
    }

    /// <summary>
    /// A line that is one HTML comment, such as the marker that ends a page's generated header: notes for the
    /// page's editors, which a rendered page hides; the help leaves them out.
    /// </summary>
    private static bool IsCommentLine(string line) =>
        line.StartsWith("<!--", StringComparison.Ordinal) && line.EndsWith("-->", StringComparison.Ordinal);

    /// <summary>Plain text: the page without Markdown's heading marks, emphasis and code fences.</summary>
    public static string? Text(string ruleId)
    {
        var markdown = Markdown(ruleId);
        if (markdown is null)
        {
            return null;
        }

        var lines = markdown.Split('\n')
            .Where(l => !l.StartsWith("```", StringComparison.Ordinal) && !l.StartsWith("|---", StringComparison.Ordinal))
            .Select(l => Link.Replace(l.StartsWith('#') ? l.TrimStart('#').TrimStart() : l, m => $"{m.Groups["text"].Value} ({m.Groups["target"].Value})")
                .Replace("**", string.Empty, StringComparison.Ordinal)
                .Replace("`", string.Empty, StringComparison.Ordinal));
        return string.Join("\n", lines).Trim() + "\n";
    }

    internal static IEnumerable<string> EmbeddedRuleIds() =>
        typeof(RuleHelp).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal))
            .Select(n => n.Substring("rules/".Length, n.Length - "rules/".Length - ".md".Length));
}
