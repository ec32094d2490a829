using System.Globalization;
using System.Text;

namespace ManifestLint.Fixes;

/// <summary>
/// A unified diff (<c>diff -u</c>, three lines of context) of the edits made to one text, built from the edits
/// themselves: only the lines they touch are compared.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string oldPath, string newPath, string text, IEnumerable<TextEdit> edits)
    {
        var sorted = edits.OrderBy(e => e.Start).ToArray();
        if (sorted.Length == 0)
        {
            return string.Empty;
        }

        var lines = Lines(text);
        var starts = new int[lines.Count + 1];
        for (var i = 0; i < lines.Count; i++)
        {
            starts[i + 1] = starts[i] + lines[i].Length;
        }

        // Changes: runs of old lines touched by edits, with the new lines that replace them.
        var changes = new List<(int First, int Last, List<string> NewLines)>();
        var index = 0;
        while (index < sorted.Length)
        {
            var first = LineOf(starts, sorted[index].Start);
            var last = LineOf(starts, Math.Max(sorted[index].Start, sorted[index].End - 1));
            var group = new List<TextEdit> { sorted[index] };
            index++;
            while (index < sorted.Length && LineOf(starts, sorted[index].Start) <= last + 1)
            {
                last = Math.Max(last, LineOf(starts, Math.Max(sorted[index].Start, sorted[index].End - 1)));
                group.Add(sorted[index]);
                index++;
            }

            last = Math.Min(last, lines.Count - 1);
            var segmentStart = starts[first];
            var segmentEnd = starts[last + 1];
            var builder = new StringBuilder();
            var position = segmentStart;
            foreach (var edit in group)
            {
                builder.Append(text, position, edit.Start - position).Append(edit.NewText);
                position = edit.End;
            }

            builder.Append(text, position, Math.Max(0, segmentEnd - position));
            changes.Add((first, last, Lines(builder.ToString())));
        }

        var output = new StringBuilder();
        output.Append("--- ").Append(oldPath).Append('\n');
        output.Append("+++ ").Append(newPath).Append('\n');
        var delta = 0;
        var c = 0;
        while (c < changes.Count)
        {
            var hunkFirst = Math.Max(0, changes[c].First - Context);
            var end = c;
            while (end + 1 < changes.Count && changes[end + 1].First - changes[end].Last - 1 <= 2 * Context)
            {
                end++;
            }

            var hunkLast = Math.Min(lines.Count - 1, changes[end].Last + Context);
            var body = new StringBuilder();
            var oldCount = 0;
            var newCount = 0;
            var line = hunkFirst;
            var hunkDelta = delta;
            for (var k = c; k <= end; k++)
            {
                for (; line < changes[k].First; line++)
                {
                    Append(body, ' ', lines[line]);
                    oldCount++;
                    newCount++;
                }

                for (; line <= changes[k].Last; line++)
                {
                    Append(body, '-', lines[line]);
                    oldCount++;
                }

                foreach (var added in changes[k].NewLines)
                {
                    Append(body, '+', added);
                    newCount++;
                }

                delta += changes[k].NewLines.Count - (changes[k].Last - changes[k].First + 1);
            }

            for (; line <= hunkLast; line++)
            {
                Append(body, ' ', lines[line]);
                oldCount++;
                newCount++;
            }

            output.Append("@@ -").Append(Range(hunkFirst + 1, oldCount)).Append(" +").Append(Range(hunkFirst + 1 + hunkDelta, newCount)).Append(" @@\n");
            output.Append(body);
            c = end + 1;
        }

        return output.ToString();
    }

    private static string Range(int start, int count) => count == 0
        ? (start - 1).ToString(CultureInfo.InvariantCulture) + ",0"
        : count == 1 ? start.ToString(CultureInfo.InvariantCulture) : start.ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder body, char mark, string line)
    {
        body.Append(mark);
        if (line.EndsWith("\n", StringComparison.Ordinal))
        {
            body.Append(line, 0, line.Length - 1).Append('\n');
        }
        else
        {
            body.Append(line).Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>The lines of <paramref name="text"/>, each with its line break.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    private static int LineOf(int[] starts, int offset)
    {
        var index = Array.BinarySearch(starts, 0, starts.Length - 1, offset);
        return index >= 0 ? index : ~index - 1;
    }
}
