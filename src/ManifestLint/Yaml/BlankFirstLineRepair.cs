using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ManifestLint.Yaml;

/// <summary>
/// Works around a YamlDotNet scanner bug so that literal block scalars whose first lines hold only spaces are read
/// the way Kubernetes reads them.
/// <para>
/// YamlDotNet 16.3 (<c>Scanner.ScanBlockScalarBreaks</c>) rejects a literal block scalar with an auto-detected
/// indentation whose first line holds only spaces, two or more of them, with "found extra spaces in first line"
/// (its check for yaml-test-suite case W9L4). It compares the spaces with <c>currentIndent - 1</c>, and
/// <c>currentIndent</c> is still 0 while the indentation is being detected, so a blank line indented exactly like the
/// content (<c>config.yaml: |</c>, a line of four spaces, then <c>auth_enabled: false</c> at four spaces) is taken for
/// one indented more than the content. goyaml v2 (kubectl, a port of libyaml) takes the largest indentation of the
/// leading blank lines and the first line with content as the block's indentation
/// (<c>yaml_parser_scan_block_scalar_breaks</c>): blank lines no deeper than the content are empty lines; a blank line
/// deeper than the content ends the scalar before the content, and the content then fails to parse (unless it is
/// no content at all, but the parent's next key).
/// </para>
/// <para>
/// The repair removes the spaces of the leading blank lines, which contribute a line break and nothing else, and
/// parses again. Lines stay where they are; positions after a removed space are mapped back to the original
/// text. When a blank line held more spaces than the content, the scalar that was read must not have taken
/// the content in: if it did, the text is rejected as goyaml rejects it. Blocks with an explicit indentation
/// indicator (<c>|2</c>) are left to YamlDotNet: there spaces beyond the indentation are content.
/// </para>
/// </summary>
internal sealed class BlankFirstLineRepair
{
    /// <summary>Each repair costs a parse of the file, so a file gets at most this many.</summary>
    public const int MaxRepairs = 64;

    private const string ErrorText = "found extra spaces in first line";

    // The rest of a literal block header after the key: `|`, `|-` or `|+`, an optional comment; no indentation digit.
    private static readonly Regex LiteralHeaderEnd = new(@"\|[+-]?[ \t]*(?:[ \t]#.*)?$", RegexOptions.CultureInvariant);

    private readonly List<Removal> _removals;
    private readonly List<ContentCheck> _checks;
    private readonly int[] _lines;
    private readonly int[] _shiftBefore;
    private readonly int _totalShift;

    private BlankFirstLineRepair(string patched, List<Removal> removals, List<ContentCheck> checks)
    {
        Text = patched;
        _removals = removals;
        _checks = checks;
        _lines = new int[removals.Count];
        _shiftBefore = new int[removals.Count];
        var shift = 0;
        for (var i = 0; i < removals.Count; i++)
        {
            _lines[i] = removals[i].Line;
            _shiftBefore[i] = shift;
            shift += removals[i].Count;
        }

        _totalShift = shift;
    }

    /// <summary>The text YamlDotNet reads: the original with the spaces of the repaired blank lines removed.</summary>
    public string Text { get; }

    public int Count => _checks.Count;

    public bool HasContentChecks { get; private set; }

    /// <summary>
    /// The repair that also fixes the block of <paramref name="error"/>, thrown while reading <paramref name="current"/>'s
    /// text (or <paramref name="original"/> when <paramref name="current"/> is null); null when the error is another one or
    /// cannot be repaired.
    /// </summary>
    public static BlankFirstLineRepair? Extend(BlankFirstLineRepair? current, string original, YamlException error)
    {
        if (error.Message.IndexOf(ErrorText, StringComparison.Ordinal) < 0 || (current?.Count ?? 0) >= MaxRepairs)
        {
            return null;
        }

        // YamlDotNet's error starts at the beginning of the first line with content.
        var contentLine = current is null ? Position(error.Start) : current.Map(error.Start);
        var lineStart = contentLine.Offset;
        if (contentLine.Column != 1 || lineStart <= 0 || lineStart >= original.Length || !IsBreak(original[lineStart - 1]))
        {
            return null;
        }

        var contentIndent = CountSpaces(original, lineStart);
        var first = lineStart + contentIndent < original.Length ? original[lineStart + contentIndent] : '\0';
        if (first is '\0' or '\t' || IsBreak(first))
        {
            // A tab after the indentation is an error for goyaml too; a blank line here is not the case repaired.
            return null;
        }

        // Walk up over the blank lines to the block's header.
        var blank = new List<Removal>();
        var maxSpaces = 0;
        var start = lineStart;
        var line = contentLine.Line;
        while (true)
        {
            var (previousStart, previousEnd) = PreviousLine(original, start);
            if (previousStart < 0)
            {
                return null;
            }

            line--;
            var spaces = CountSpaces(original, previousStart);
            if (previousStart + spaces != previousEnd)
            {
                var header = original.Substring(previousStart, previousEnd - previousStart);
                if (blank.Count == 0 || !LiteralHeaderEnd.IsMatch(header))
                {
                    return null;
                }

                break;
            }

            if (spaces > 0)
            {
                blank.Add(new Removal(line, previousStart, spaces));
            }

            maxSpaces = Math.Max(maxSpaces, spaces);
            start = previousStart;
        }

        if (blank.Count == 0 || (current is not null && current._removals.Any(r => r.Offset == blank[blank.Count - 1].Offset)))
        {
            return null;
        }

        var removals = new List<Removal>(current?._removals ?? new List<Removal>());
        removals.AddRange(blank);
        removals.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var checks = new List<ContentCheck>(current?._checks ?? new List<ContentCheck>());
        var deepest = blank.First(r => r.Count == maxSpaces);
        checks.Add(new ContentCheck(
            HeaderLine: line,
            ContentLine: contentLine.Line,
            MustStayEmpty: maxSpaces > contentIndent,
            new SourceRange(new SourcePosition(deepest.Line, 1, deepest.Offset), new SourcePosition(deepest.Line, maxSpaces + 1, deepest.Offset + maxSpaces)),
            $"a literal block scalar's blank line holds {maxSpaces} spaces, more than the {contentIndent} that indent its first line with content (line {contentLine.Line}); " +
            "Kubernetes' YAML reader takes the deepest leading line for the block's indentation, so the content does not belong to the block and cannot be parsed. Remove the spaces of the blank line."));
        var repair = new BlankFirstLineRepair(Patch(original, removals), removals, checks);
        repair.HasContentChecks = checks.Any(c => c.MustStayEmpty);
        return repair;
    }

    /// <summary>The position in the original text of a mark in <see cref="Text"/>.</summary>
    public SourcePosition Map(Mark mark)
    {
        var position = Position(mark);
        var i = Array.BinarySearch(_lines, position.Line);
        if (i >= 0)
        {
            // Nothing but a break is left on a repaired line; a mark after its start was after the removed spaces.
            var removed = _removals[i].Count;
            return position.Column > 1
                ? new SourcePosition(position.Line, position.Column + removed, position.Offset + _shiftBefore[i] + removed)
                : position with { Offset = position.Offset + _shiftBefore[i] };
        }

        var next = ~i;
        return position with { Offset = position.Offset + (next < _shiftBefore.Length ? _shiftBefore[next] : _totalShift) };
    }

    /// <summary>
    /// The error to report when the literal block that starts on <paramref name="start"/>'s line was repaired although a
    /// blank line was deeper than its content, and the block took that content in (goyaml ends the block before it).
    /// </summary>
    public YamlReadError? Reject(SourcePosition start, string value)
    {
        foreach (var check in _checks)
        {
            if (check.MustStayEmpty && check.HeaderLine == start.Line && HasContent(value))
            {
                return new YamlReadError(YamlReadErrorKind.Syntax, check.Message, check.Range);
            }
        }

        return null;
    }

    private static bool HasContent(string value)
    {
        foreach (var c in value)
        {
            if (c != '\n')
            {
                return true;
            }
        }

        return false;
    }

    private static SourcePosition Position(Mark mark) =>
        new(checked((int)mark.Line), checked((int)mark.Column), checked((int)mark.Index));

    private static string Patch(string original, List<Removal> removals)
    {
        var builder = new StringBuilder(original.Length);
        var at = 0;
        foreach (var removal in removals)
        {
            builder.Append(original, at, removal.Offset - at);
            at = removal.Offset + removal.Count;
        }

        builder.Append(original, at, original.Length - at);
        return builder.ToString();
    }

    private static int CountSpaces(string text, int from)
    {
        var i = from;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i - from;
    }

    /// <summary>The start and end (before its break) of the line before the one starting at <paramref name="lineStart"/>.</summary>
    private static (int Start, int End) PreviousLine(string text, int lineStart)
    {
        if (lineStart <= 0 || !IsBreak(text[lineStart - 1]))
        {
            return (-1, -1);
        }

        var end = lineStart - 1;
        if (text[end] == '\n' && end > 0 && text[end - 1] == '\r')
        {
            end--;
        }

        var start = end;
        while (start > 0 && !IsBreak(text[start - 1]))
        {
            start--;
        }

        // Unicode line breaks (NEL, LS, PS) count as breaks for YamlDotNet; a line holding one is not repaired.
        for (var i = start; i < end; i++)
        {
            if (text[i] is '\u0085' or '\u2028' or '\u2029')
            {
                return (-1, -1);
            }
        }

        return (start, end);
    }

    private static bool IsBreak(char c) => c is '\n' or '\r';

    private readonly record struct Removal(int Line, int Offset, int Count);

    private sealed record ContentCheck(int HeaderLine, int ContentLine, bool MustStayEmpty, SourceRange Range, string Message);
}
