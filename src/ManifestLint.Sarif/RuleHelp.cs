namespace ManifestLint.Sarif;

/// <summary>The rule pages (rules/ML*.md), embedded at build time, as SARIF help.</summary>
public static class RuleHelp
{
    public static string? Markdown(string ruleId)
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
            .Select(l => (l.StartsWith('#') ? l.TrimStart('#').TrimStart() : l)
                .Replace("**", string.Empty, StringComparison.Ordinal)
                .Replace("`", string.Empty, StringComparison.Ordinal));
        return string.Join("\n", lines).Trim() + "\n";
    }

    internal static IEnumerable<string> EmbeddedRuleIds() =>
        typeof(RuleHelp).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal))
            .Select(n => n.Substring("rules/".Length, n.Length - "rules/".Length - ".md".Length));
}
