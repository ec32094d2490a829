using System.Globalization;
using System.Text;

namespace ManifestLint.Cli.Output;

/// <summary>
/// Makes text from a pull request (file names, YAML keys, values) safe to print as one line of a CI log or a terminal.
/// The GitHub runner reads every line of a step's output as a possible workflow command (<c>::error ...</c>,
/// <c>::stop-commands::</c>, <c>::add-mask::</c>), so a key with a newline and <c>::error</c> in it would become an
/// annotation of its own, or stop the problem matcher; terminal escape codes can rewrite what a developer sees.
/// </summary>
public static class TextEscaping
{
    /// <summary>
    /// <paramref name="text"/> on one line: line breaks and other control characters (C0, DEL, C1, the Unicode line
    /// and paragraph separators, bidirectional overrides) written as <c>\n</c>, <c>\r</c> or <c>\uXXXX</c>, and a
    /// <c>::</c> that would start the line written <c>\u003A:</c>. Tabs stay.
    /// </summary>
    public static string Line(string text)
    {
        var line = Escape(text, lineBreaks: true);
        var start = 0;
        while (start < line.Length && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        return string.CompareOrdinal(line, start, "::", 0, 2) == 0
            ? line.Substring(0, start) + "\\u003A" + line.Substring(start + 1)
            : line;
    }

    /// <summary>Control characters that the line escape writes out; for formats that escape line breaks their own way.</summary>
    public static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    /// <summary>Control characters other than line breaks written as <c>\uXXXX</c> (line breaks left to the caller).</summary>
    public static string Controls(string text) => Escape(text, lineBreaks: false);

    private static string Escape(string text, bool lineBreaks)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\n' when lineBreaks => "\\n",
                '\r' when lineBreaks => "\\r",
                '\n' or '\r' or '\t' => null,
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escape is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(escape);
        }

        return builder?.ToString() ?? text;
    }
}
