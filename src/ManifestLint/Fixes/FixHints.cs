using ManifestLint.Loading;
using ManifestLint.Yaml;
using YamlDotNet.Core;

namespace ManifestLint.Fixes;

/// <summary>
/// Builds the <see cref="FixHint"/>s rules attach: the smallest text edits that say what the user meant, checked
/// against the text so that a hint is only made where the edit is exact (single-line scalars without anchors or
/// tags, entries that own their lines). Null means "no fix here": the finding is still reported.
/// </summary>
public static class FixHints
{
    /// <summary>Replaces a single-line scalar (its whole source text) with <paramref name="newText"/>.</summary>
    public static FixHint? ReplaceScalar(SourceFile file, YamlScalar scalar, string newText, string title)
    {
        if (!IsWrittenAlone(file, scalar))
        {
            return null;
        }

        return new FixHint(title, new[] { new TextEdit(scalar.Range.Start.Offset, scalar.Range.End.Offset, newText) });
    }

    /// <summary>Quotes a plain scalar so that it stays the text written: <c>8080</c> → <c>"8080"</c>.</summary>
    public static FixHint? QuotePlain(SourceFile file, YamlScalar scalar, string title)
    {
        if (!scalar.IsPlain || scalar.Value.Length == 0 || !IsWrittenAlone(file, scalar) || Text(file, scalar) != scalar.Value)
        {
            return null;
        }

        // Two insertions, not a replacement: the value itself (a Secret's, perhaps) never travels in a fix.
        if (scalar.Value.IndexOf('"') < 0 && scalar.Value.IndexOf('\\') < 0)
        {
            return new FixHint(title, new[]
            {
                new TextEdit(scalar.Range.Start.Offset, scalar.Range.Start.Offset, "\""),
                new TextEdit(scalar.Range.End.Offset, scalar.Range.End.Offset, "\""),
            });
        }

        return ReplaceScalar(file, scalar, ScalarText.DoubleQuoted(scalar.Value), title);
    }

    /// <summary>
    /// The text a scalar should be rewritten with, in <paramref name="style"/> where that keeps the value: plain text
    /// only when it reads back as the same string, else double quotes.
    /// </summary>
    public static string ScalarTextFor(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted when value.IndexOf('\n') < 0 => ScalarText.SingleQuoted(value),
        ScalarStyle.Plain when ScalarText.IsSafePlain(value) => value,
        _ => ScalarText.DoubleQuoted(value),
    };

    /// <summary>
    /// Removes a whole entry of a block mapping (key, value and the line breaks they own), or null when it does not own
    /// its lines (flow style, something else on its lines) or removing it would change more than the entry.
    /// </summary>
    public static FixHint? RemoveEntry(SourceFile file, YamlMapping mapping, YamlEntry entry, string title)
    {
        var index = IndexOf(mapping, entry);
        if (index < 0 || entry.IsMerged || WrittenEntries(mapping) < 2 || DefinesAnchor(entry.Key) || DefinesAnchor(entry.Value))
        {
            return null;
        }

        YamlEntry? next = null;
        for (var i = index + 1; i < mapping.Entries.Count; i++)
        {
            if (!mapping.Entries[i].IsMerged)
            {
                next = mapping.Entries[i];
                break;
            }
        }

        var text = file.Text;
        var start = entry.Key.Range.Start.Offset;
        var end = ContentEnd(text, entry);
        if (start < 0 || end <= start || end > text.Length)
        {
            return null;
        }

        var lineStart = LineStart(text, start);
        var prefix = text.Substring(lineStart, start - lineStart);
        if (LineRestEnd(text, end) is not { } lineEnd)
        {
            return null;
        }

        if (IsBlank(prefix))
        {
            return new FixHint(title, new[] { new TextEdit(lineStart, lineEnd, string.Empty) });
        }

        // The first key of a list item (`- readOnly: false`): the line keeps its `- `, and the next key moves up to it.
        if (IsItemIndicator(prefix) && next is not null && !next.IsMerged)
        {
            var nextStart = next.Key.Range.Start;
            if (nextStart.Offset >= lineEnd && nextStart.Column == entry.Key.Range.Start.Column && IsBlank(text.Substring(LineStart(text, nextStart.Offset), nextStart.Offset - LineStart(text, nextStart.Offset))))
            {
                return new FixHint(title, new[] { new TextEdit(start, nextStart.Offset, string.Empty) });
            }
        }

        return null;
    }

    /// <summary>Removes an entry of whatever mapping under <paramref name="root"/> holds it (see the overload).</summary>
    public static FixHint? RemoveEntryUnder(SourceFile file, YamlNode root, YamlEntry entry, string title) =>
        MappingOf(root, entry, 0) is { } mapping ? RemoveEntry(file, mapping, entry, title) : null;

    private static YamlMapping? MappingOf(YamlNode node, YamlEntry entry, int depth)
    {
        if (depth > 512)
        {
            return null;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var candidate in mapping.Entries)
                {
                    if (ReferenceEquals(candidate, entry))
                    {
                        return mapping;
                    }
                }

                foreach (var candidate in mapping.Entries)
                {
                    if (!candidate.IsMerged && candidate.Value.ExpandedSize > 1 && MappingOf(candidate.Value, entry, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item.ExpandedSize > 1 && MappingOf(item, entry, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Removes item <paramref name="index"/> of a block sequence with its lines, or null when it does not own them.</summary>
    public static FixHint? RemoveItem(SourceFile file, YamlSequence sequence, int index, string title)
    {
        if (index < 0 || index >= sequence.Count || sequence.Count < 2 || DefinesAnchor(sequence[index]))
        {
            return null;
        }

        var item = sequence[index];
        var text = file.Text;
        var start = item.Range.Start.Offset;
        var end = ContentEnd(text, item);
        if (start < 0 || end <= start || end > text.Length)
        {
            return null;
        }

        var lineStart = LineStart(text, start);
        var prefix = text.Substring(lineStart, start - lineStart);
        if (!IsItemIndicator(prefix) || prefix.IndexOf('-') != prefix.LastIndexOf('-') || LineRestEnd(text, end) is not { } lineEnd)
        {
            return null;
        }

        return new FixHint(title, new[] { new TextEdit(lineStart, lineEnd, string.Empty) });
    }

    /// <summary>Removes the spaces and tabs that end the lines of a literal block scalar (<c>|</c>).</summary>
    public static FixHint? TrimTrailingWhitespace(SourceFile file, YamlScalar scalar, string title)
    {
        if (scalar.Style != ScalarStyle.Literal)
        {
            return null;
        }

        var text = file.Text;
        var end = Math.Min(scalar.Range.End.Offset, text.Length);
        var header = text.IndexOf('\n', scalar.Range.Start.Offset);
        if (header < 0 || header >= end)
        {
            return null;
        }

        var edits = new List<TextEdit>();
        for (var i = header + 1; i < end; i++)
        {
            if (text[i] is not ('\n' or '\r'))
            {
                continue;
            }

            // The whitespace run before this line break, kept within the line and within the scalar.
            var runEnd = i;
            var runStart = runEnd;
            while (runStart > header + 1 && text[runStart - 1] is ' ' or '\t')
            {
                runStart--;
            }

            if (runStart < runEnd)
            {
                edits.Add(new TextEdit(runStart, runEnd, string.Empty));
            }

            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
        }

        return edits.Count == 0 ? null : new FixHint(title, edits);
    }

    /// <summary>True when the source text of <paramref name="scalar"/> is on one line and is the scalar alone (no anchor, no tag).</summary>
    private static bool IsWrittenAlone(SourceFile file, YamlScalar scalar)
    {
        var range = scalar.Range;
        if (scalar.Anchor is not null || scalar.Tag is not null || scalar.IsBlock || range.Start.Line != range.End.Line
            || range.Length <= 0 || range.End.Offset > file.Text.Length)
        {
            return false;
        }

        var text = Text(file, scalar);
        return text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0 && text[0] is not ('&' or '!');
    }

    private static string Text(SourceFile file, YamlScalar scalar) =>
        file.Text.Substring(scalar.Range.Start.Offset, scalar.Range.Length);

    private static int IndexOf(YamlMapping mapping, YamlEntry entry)
    {
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            if (ReferenceEquals(mapping.Entries[i], entry))
            {
                return i;
            }
        }

        return -1;
    }

    private static int WrittenEntries(YamlMapping mapping)
    {
        var count = 0;
        foreach (var entry in mapping.Entries)
        {
            if (!entry.IsMerged)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>An anchor in removed text would leave its aliases pointing at nothing.</summary>
    private static bool DefinesAnchor(YamlNode node)
    {
        if (node.Anchor is not null)
        {
            return true;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (!entry.IsMerged && (entry.Key.Anchor is not null || DefinesAnchor(entry.Value)))
                    {
                        return true;
                    }
                }

                return false;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (DefinesAnchor(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Just after the last character written for an entry (its value, or its colon when the value is empty).</summary>
    private static int ContentEnd(string text, YamlEntry entry)
    {
        if (entry.Value is YamlScalar { Range.Length: 0 })
        {
            var i = entry.Key.Range.End.Offset;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            return i < text.Length && text[i] == ':' ? i + 1 : -1;
        }

        return Math.Max(entry.Key.Range.End.Offset, ContentEnd(text, entry.Value));
    }

    /// <summary>
    /// Just after the last character written for a node. A block collection's range runs on to the next token, so its
    /// end is its last child's; a flow collection ends at its bracket; trailing line breaks of a block scalar are cut.
    /// </summary>
    private static int ContentEnd(string text, YamlNode node)
    {
        var start = node.Range.Start.Offset;
        int end;
        switch (node)
        {
            case YamlMapping { Entries.Count: > 0 } mapping when !IsFlow(text, start):
                end = ContentEnd(text, mapping.Entries[mapping.Entries.Count - 1]);
                break;
            case YamlSequence { Count: > 0 } sequence when !IsFlow(text, start):
                end = ContentEnd(text, sequence[sequence.Count - 1]);
                break;
            default:
                end = node.Range.End.Offset;
                break;
        }

        if (end < 0 || end > text.Length)
        {
            return -1;
        }

        while (end > start + 1 && text[end - 1] is ' ' or '\t' or '\r' or '\n')
        {
            end--;
        }

        return end;
    }

    private static bool IsFlow(string text, int start) => start >= 0 && start < text.Length && text[start] is '{' or '[';

    private static int LineStart(string text, int offset)
    {
        var newline = offset == 0 ? -1 : text.LastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /// <summary>After the line break that ends the line of <paramref name="end"/>, when only blanks or a comment follow it there.</summary>
    private static int? LineRestEnd(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < text.Length && text[i] == '#' && (i == end ? end > 0 && text[end - 1] is ' ' or '\t' : true))
        {
            while (i < text.Length && text[i] != '\n')
            {
                i++;
            }

            return i < text.Length ? i + 1 : i;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i == text.Length)
        {
            return i;
        }

        return text[i] == '\n' ? i + 1 : null;
    }

    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>- </c> after indentation: the place of a list item's first key.</summary>
    private static bool IsItemIndicator(string prefix)
    {
        var trimmed = prefix.Trim(' ', '\t');
        if (trimmed.Length == 0 || prefix.Length == 0 || prefix[prefix.Length - 1] is not (' ' or '\t'))
        {
            return false;
        }

        foreach (var part in trimmed.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part != "-")
            {
                return false;
            }
        }

        return true;
    }
}
