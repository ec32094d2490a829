namespace ManifestLint.Yaml;

/// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c> then <c>ParseUint(s, 0, 64)</c>: base from the prefix.</summary>
internal static class GoInteger
{
    public static bool TryParse(string text, out long signed, out ulong unsigned, out bool isUnsigned)
    {
        signed = 0;
        unsigned = 0;
        isUnsigned = false;
        if (text.Length == 0)
        {
            return false;
        }

        var negative = false;
        var index = 0;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            index = 1;
        }

        if (!TryParseMagnitude(text, index, out var magnitude))
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            signed = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            return true;
        }

        if (magnitude <= long.MaxValue)
        {
            signed = (long)magnitude;
            return true;
        }

        // ParseUint accepts no sign at all.
        if (index != 0)
        {
            return false;
        }

        unsigned = magnitude;
        isUnsigned = true;
        return true;
    }

    private static bool TryParseMagnitude(string text, int index, out ulong value)
    {
        value = 0;
        var radix = 10;
        if (text.Length - index >= 2 && text[index] == '0')
        {
            switch (text[index + 1])
            {
                case 'x' or 'X': radix = 16; index += 2; break;
                case 'o' or 'O': radix = 8; index += 2; break;
                case 'b' or 'B': radix = 2; index += 2; break;
                default: radix = 8; index += 1; break;
            }
        }

        if (index >= text.Length)
        {
            // A prefix with no digits ("0x") is an error.
            return false;
        }

        for (; index < text.Length; index++)
        {
            var digit = DigitValue(text[index]);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            var next = (value * (ulong)radix) + (ulong)digit;
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            value = next;
        }

        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };
}
