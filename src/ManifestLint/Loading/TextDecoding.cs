using System.Text;
using ManifestLint.Yaml;

namespace ManifestLint.Loading;

/// <summary>Turns file bytes into text the way a YAML reader may: BOMs for UTF-8/16/32, strict UTF-8 otherwise.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when <see cref="Decode"/> reads these bytes as UTF-8 (no UTF-16 or UTF-32 byte order mark).</summary>
    public static bool IsUtf8(byte[] bytes, int length) =>
        !(length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        && !(length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF);

    public static string Decode(byte[] bytes, int length, out LoadProblem? problem)
    {
        problem = null;
        var span = new ArraySegment<byte>(bytes, 0, length);
        if (span.Count >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: true).GetString(bytes, 4, length - 4);
        }

        if (span.Count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: true).GetString(bytes, 4, length - 4);
        }

        if (span.Count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, length - 2);
        }

        if (span.Count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, length - 2);
        }

        var start = span.Count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, length - start);
        }
        catch (DecoderFallbackException)
        {
            var badByte = FirstInvalidUtf8(bytes, start, length);
            var valid = Encoding.UTF8.GetString(bytes, start, badByte - start);
            var position = PositionAfter(valid);
            problem = new LoadProblem(
                LoadProblemKind.Syntax,
                $"the file is not valid UTF-8 (byte 0x{bytes[badByte]:X2} at offset {badByte}); save it as UTF-8",
                new SourceRange(position, position));

            // The text with replacement characters: the finding's location (after the valid part) lies inside it,
            // and a report can still show the lines around it.
            return Encoding.UTF8.GetString(bytes, start, length - start);
        }
    }

    /// <summary>The position just after <paramref name="text"/>, as 1-based line and column.</summary>
    public static SourcePosition PositionAfter(string text) => PositionAt(text, text.Length);

    /// <summary>The position of character <paramref name="offset"/> of <paramref name="text"/>.</summary>
    public static SourcePosition PositionAt(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, offset - lineStart + 1, offset);
    }

    private static int FirstInvalidUtf8(byte[] bytes, int start, int length)
    {
        var i = start;
        while (i < length)
        {
            var b = bytes[i];
            int need;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            else if (b >= 0xC2 && b <= 0xDF)
            {
                need = 1;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                need = 2;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                need = 3;
            }
            else
            {
                return i;
            }

            for (var k = 1; k <= need; k++)
            {
                if (i + k >= length || (bytes[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }

            var probe = new byte[need + 1];
            Array.Copy(bytes, i, probe, 0, need + 1);
            try
            {
                StrictUtf8.GetString(probe);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }

            i += need + 1;
        }

        return Math.Min(i, length - 1);
    }
}
