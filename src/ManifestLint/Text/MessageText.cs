namespace ManifestLint.Text;

/// <summary>How messages show text from the manifest: short enough to read, quoted the same way everywhere.</summary>
public static class MessageText
{
    /// <summary>
    /// The most a whole message argument (or a related location's message) may hold: rules shorten each user string
    /// they quote, and this bound catches any they miss, so one finding can never carry a megabyte name into a report.
    /// </summary>
    public const int MaxArgumentLength = 2000;

    /// <summary>
    /// At most <paramref name="max"/> characters of <paramref name="text"/>, with an ellipsis when cut: every string
    /// from a manifest goes through here before it reaches a message (a 1 MB env name, quoted in each of 1,000 aliased
    /// pods, would otherwise make a gigabyte report).
    /// </summary>
    public static string Shorten(string text, int max = 60)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 3;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text.Substring(0, cut) + "...";
    }

    /// <summary><paramref name="count"/> with thousands separators, culture-independent: 1,048,577.</summary>
    public static string Count(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><paramref name="text"/> as a YAML double-quoted string, the way to write a value that must stay text.</summary>
    public static string DoubleQuoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
