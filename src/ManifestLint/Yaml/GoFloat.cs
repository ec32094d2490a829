using System.Globalization;

namespace ManifestLint.Yaml;

/// <summary>Float formatting the way Go does it where Kubernetes' YAML path turns floats into text.</summary>
internal static class GoFloat
{
    /// <summary>encoding/json: 'f' format with the shortest digits, 'e' outside [1e-6, 1e21).</summary>
    public static string FormatJson(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "null";
        }

        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var e = value.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();
            return e.Replace("e+", "e").Replace("e-0", "e-");
        }

        return value.ToString("R", CultureInfo.InvariantCulture) switch
        {
            var text when text.IndexOf('E') >= 0 => value.ToString("F0", CultureInfo.InvariantCulture),
            var text => text,
        };
    }

    /// <summary>A float map key: <c>strconv.FormatFloat(f, 'g', -1, 32)</c> (sigs.k8s.io/yaml).</summary>
    public static string FormatKey(double value)
    {
        var single = (float)value;
        if (float.IsNaN(single))
        {
            return "NaN";
        }

        if (float.IsInfinity(single))
        {
            return single > 0 ? "+Inf" : "-Inf";
        }

        // Shortest round-trip digits of the float32, then Go's %g layout: exponent form when the
        // decimal exponent is below -4 or at least the shortest-format precision of 21 digits... Go uses
        // eprec = 6 when shortest, except that eprec grows to the digit count when that is larger.
        var r = single.ToString("E8", CultureInfo.InvariantCulture);
        var shortest = single.ToString("R", CultureInfo.InvariantCulture);
        var mantissaDigits = CountDigits(shortest);
        var exponent = int.Parse(r.Substring(r.IndexOf('E') + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var eprec = Math.Max(6, mantissaDigits);
        if (exponent < -4 || exponent >= eprec)
        {
            var digits = shortest.Replace("-", string.Empty).Replace(".", string.Empty);
            var ePos = digits.IndexOfAny(new[] { 'E', 'e' });
            if (ePos >= 0)
            {
                digits = digits.Substring(0, ePos);
            }

            digits = digits.TrimStart('0').TrimEnd('0');
            if (digits.Length == 0)
            {
                digits = "0";
            }

            var mantissa = digits.Length > 1 ? digits[0] + "." + digits.Substring(1) : digits;
            var sign = single < 0 ? "-" : string.Empty;
            var expSign = exponent < 0 ? "-" : "+";
            return $"{sign}{mantissa}e{expSign}{Math.Abs(exponent):00}";
        }

        return ((decimal)single).ToString(CultureInfo.InvariantCulture) is var plain && shortest.IndexOf('E') < 0
            ? shortest
            : plain;
    }

    private static int CountDigits(string shortest)
    {
        var count = 0;
        var significant = false;
        foreach (var c in shortest)
        {
            if (c is 'E' or 'e')
            {
                break;
            }

            if (c is >= '1' and <= '9')
            {
                significant = true;
            }

            if (significant && c is >= '0' and <= '9')
            {
                count++;
            }
        }

        return count;
    }
}
