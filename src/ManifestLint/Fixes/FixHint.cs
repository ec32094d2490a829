using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Fixes;

/// <summary>
/// The exact replacement a rule knows for its finding: a title and text edits on the file's text. It travels in the
/// diagnostic's properties (Roslyn's way of handing analyzer data to a code fix), so that fix providers, the CLI and
/// SARIF need not re-derive it, and rules stay unaware of how the fix is shown or applied. Rules build hints with
/// <see cref="FixHints"/>.
/// </summary>
public sealed class FixHint
{
    private const string TitleProperty = "fix.title";
    private const string CountProperty = "fix.count";
    private const string EditPrefix = "fix.";

    public FixHint(string title, IReadOnlyList<TextEdit> edits)
    {
        Title = title;
        Edits = edits.OrderBy(e => e.Start).ThenBy(e => e.End).ToArray();
    }

    /// <summary>What the fix does, in the imperative: "Write the octal literal 0644".</summary>
    public string Title { get; }

    public IReadOnlyList<TextEdit> Edits { get; }

    public void AddTo(ImmutableDictionary<string, string?>.Builder properties)
    {
        properties[TitleProperty] = Title;
        properties[CountProperty] = Edits.Count.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < Edits.Count; i++)
        {
            var prefix = EditPrefix + i.ToString(CultureInfo.InvariantCulture) + ".";
            properties[prefix + "start"] = Edits[i].Start.ToString(CultureInfo.InvariantCulture);
            properties[prefix + "end"] = Edits[i].End.ToString(CultureInfo.InvariantCulture);
            properties[prefix + "text"] = Edits[i].NewText;
        }
    }

    /// <summary>The hint a rule attached to <paramref name="diagnostic"/>, or null.</summary>
    public static FixHint? From(Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(CountProperty, out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return null;
        }

        var edits = new TextEdit[count];
        for (var i = 0; i < count; i++)
        {
            var prefix = EditPrefix + i.ToString(CultureInfo.InvariantCulture) + ".";
            if (!properties.TryGetValue(prefix + "start", out var start) || !properties.TryGetValue(prefix + "end", out var end)
                || !properties.TryGetValue(prefix + "text", out var text) || text is null
                || !int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var startOffset)
                || !int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var endOffset) || endOffset < startOffset)
            {
                return null;
            }

            edits[i] = new TextEdit(startOffset, endOffset, text);
        }

        properties.TryGetValue(TitleProperty, out var title);
        return new FixHint(title ?? "Apply the fix", edits);
    }
}
