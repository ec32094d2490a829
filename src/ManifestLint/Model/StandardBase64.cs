namespace ManifestLint.Model;

/// <summary>The outcome of decoding a base64 text: the decoded length, or where the decoder stopped.</summary>
/// <param name="DecodedLength">Bytes decoded (up to the error, if any).</param>
/// <param name="ErrorOffset">The byte offset Go reports as "illegal base64 data at input byte N"; -1 when valid.</param>
public readonly record struct Base64Check(long DecodedLength, int ErrorOffset)
{
    public bool IsValid => ErrorOffset < 0;
}

/// <summary>
/// Base64 exactly as the API decodes a <c>[]byte</c> field (<c>binaryData</c>, Secret <c>data</c>): Go's
/// encoding/json calls <c>base64.StdEncoding.Decode</c>, which takes the standard alphabet with '=' padding,
/// skips '\r' and '\n' anywhere (so a literal block split over lines is fine), and rejects everything else:
/// spaces, the URL-safe '-' and '_', missing padding (docs/kubernetes-behaviour.md#binarydata-base64). Nothing is allocated.
/// </summary>
public static class StandardBase64
{
    private const char Padding = '=';

    public static Base64Check Check(string text)
    {
        long decoded = 0;
        var si = 0;
        while (si < text.Length)
        {
            // One quantum of up to four characters, following Go's decodeQuantum step by step so that the
            // reported offset is the one the API prints.
            var length = 4;
            var error = -1;
            for (var j = 0; j < 4; j++)
            {
                if (si == text.Length)
                {
                    if (j == 0)
                    {
                        return new Base64Check(decoded, -1);
                    }

                    // A partial quantum: the standard encoding requires padding.
                    return new Base64Check(decoded, si - j);
                }

                var c = text[si++];
                if (IsAlphabet(c))
                {
                    continue;
                }

                if (c is '\n' or '\r')
                {
                    j--;
                    continue;
                }

                if (c != Padding)
                {
                    // Every character before this one is ASCII, so the character index is the byte offset.
                    return new Base64Check(decoded, si - 1);
                }

                switch (j)
                {
                    case 0:
                    case 1:
                        return new Base64Check(decoded, si - 1);
                    case 2:
                        // "==" is expected; the first '=' is consumed.
                        si = SkipLineBreaks(text, si);
                        if (si == text.Length)
                        {
                            return new Base64Check(decoded, text.Length);
                        }

                        if (text[si] != Padding)
                        {
                            return new Base64Check(decoded, si - 1);
                        }

                        si++;
                        break;
                }

                si = SkipLineBreaks(text, si);
                if (si < text.Length)
                {
                    // Anything after the padding is trailing garbage.
                    error = si;
                }

                length = j;
                break;
            }

            decoded += length - 1;
            if (error >= 0)
            {
                return new Base64Check(decoded, error);
            }
        }

        return new Base64Check(decoded, -1);
    }

    private static int SkipLineBreaks(string text, int index)
    {
        while (index < text.Length && text[index] is '\n' or '\r')
        {
            index++;
        }

        return index;
    }

    private static bool IsAlphabet(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/';
}
