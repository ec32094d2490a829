namespace ManifestLint.Analysis;

/// <summary>How messages show text from the manifest: short enough to read, quoted the same way everywhere.</summary>
public static class MessageText
{
    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max = 60) =>
        text.Length <= max ? text : text.Substring(0, max - 3) + "...";

    /// <summary><paramref name="count"/> with thousands separators, culture-independent: 1,048,577.</summary>
    public static string Count(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><paramref name="text"/> as a YAML double-quoted string, the way to write a value that must stay text.</summary>
    public static string DoubleQuoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
