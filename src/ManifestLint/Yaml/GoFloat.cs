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

        if (single == 0)
        {
            return "0";
        }

        // The shortest digits that round-trip the float32, and the decimal point position.
        var shortest = single.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        var body = negative ? shortest.Substring(1) : shortest;
        var exponentAt = body.IndexOfAny(new[] { 'E', 'e' });
        var exponent = exponentAt >= 0 ? int.Parse(body.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var mantissa = exponentAt >= 0 ? body.Substring(0, exponentAt) : body;
        var point = mantissa.IndexOf('.');
        var digits = point >= 0 ? mantissa.Remove(point, 1) : mantissa;
        var dp = (point >= 0 ? point : mantissa.Length) + exponent;
        var trimmed = digits.TrimStart('0');
        dp -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');

        // Go's %g with the shortest precision uses %e when the exponent is below -4 or at least 6.
        var exp = dp - 1;
        string text;
        if (exp < -4 || exp >= 6)
        {
            text = digits.Substring(0, 1) + (digits.Length > 1 ? "." + digits.Substring(1) : string.Empty)
                   + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (dp <= 0)
        {
            text = "0." + new string('0', -dp) + digits;
        }
        else if (dp >= digits.Length)
        {
            text = digits + new string('0', dp - digits.Length);
        }
        else
        {
            text = digits.Substring(0, dp) + "." + digits.Substring(dp);
        }

        return negative ? "-" + text : text;
    }
}
