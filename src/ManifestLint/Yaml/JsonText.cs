using System.Text;

namespace ManifestLint.Yaml;

/// <summary>JSON string encoding as Go's encoding/json writes it (HTML-safe escapes included), for sizes.</summary>
public static class JsonText
{
#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<char> PlainAscii = System.Buffers.SearchValues.Create(
        " !#$%'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");
#endif

    public static string Quote(string value)
    {
        if (!NeedsEscaping(value))
        {
            return "\"" + value + "\"";
        }

        var builder = new StringBuilder(value.Length + 8);
        builder.Append('"');
        foreach (var c in value)
        {
            AppendEscaped(builder, c);
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>UTF-8 byte length of <paramref name="value"/> as a quoted JSON string, without building it.</summary>
    public static long QuotedUtf8Length(string value)
    {
#if NET8_0_OR_GREATER
        // Most values are printable ASCII without quotes, backslashes or HTML characters: one byte per character.
        if (!value.AsSpan().ContainsAnyExcept(PlainAscii))
        {
            return value.Length + 2;
        }
#endif

        long length = 2;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                length += c switch
                {
                    '"' or '\\' or '\n' or '\r' or '\t' => 2,
                    '<' or '>' or '&' => 6,
                    < (char)0x20 => 6,
                    _ => 1,
                };
            }
            else if (c < 0x800)
            {
                length += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                length += 4;
                i++;
            }
            else if (c is '\u2028' or '\u2029')
            {
                length += 6;
            }
            else
            {
                length += 3;
            }
        }

        return length;
    }

    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c is '"' or '\\' or '<' or '>' or '&' or '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '"': builder.Append("\\\""); break;
            case '\\': builder.Append("\\\\"); break;
            case '\n': builder.Append("\\n"); break;
            case '\r': builder.Append("\\r"); break;
            case '\t': builder.Append("\\t"); break;
            default:
                if (c < 0x20 || c is '<' or '>' or '&' or '\u2028' or '\u2029')
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }

                break;
        }
    }
}
