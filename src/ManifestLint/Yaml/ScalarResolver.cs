using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ManifestLint.Yaml;

/// <summary>
/// Resolves plain scalars exactly as goyaml v2's <c>resolve()</c> does, which is what kubectl and the API server use
/// through sigs.k8s.io/yaml (docs/kubernetes-behaviour.md#yaml-decoding): YAML 1.1 booleans, octal <c>0644</c>,
/// <c>0o</c>, <c>0x</c>, <c>0b</c>, underscores, floats, and timestamps that stay strings.
/// </summary>
public static class ScalarResolver
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private const string BinaryTag = "tag:yaml.org,2002:binary";

    private static readonly Regex YamlStyleFloat = new(
        @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private static readonly Regex TimestampPattern = new(
        @"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$",
        RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, ResolvedScalar> Known = BuildKnown();

    public static ResolvedScalar Resolve(YamlScalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || scalar.Tag is StringTag or BinaryTag)
        {
            return ResolvedScalar.String(scalar.Value);
        }

        return ResolvePlain(scalar.Value);
    }

    /// <summary>
    /// True when <see cref="Resolve"/> certainly gives a string: not plain, tagged as a string, or plain and starting
    /// with a character that starts none of the null/boolean words, numbers or timestamps.
    /// </summary>
    internal static bool IsCertainlyString(YamlScalar scalar) =>
        scalar.Style != ScalarStyle.Plain || scalar.Tag is StringTag or BinaryTag || PlainIsCertainlyString(scalar.Value);

    /// <summary>The JSON key an untagged key scalar becomes (see <see cref="YamlScalar.MapKey"/>), without a node.</summary>
    internal static string? MapKeyOf(string text, ScalarStyle style) =>
        style != ScalarStyle.Plain || PlainIsCertainlyString(text) ? text : ResolvePlain(text).AsMapKey(text);

    private static bool PlainIsCertainlyString(string text)
    {
        return text.Length > 0 && text[0] switch
        {
            >= '0' and <= '9' => false,
            '+' or '-' or '.' or '~' => false,
            'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' => false,
            _ => true,
        };
    }

    /// <summary>How goyaml v2 reads an unquoted, untagged scalar.</summary>
    public static ResolvedScalar ResolvePlain(string text)
    {
        if (Known.TryGetValue(text, out var known))
        {
            return known;
        }

        var first = text[0];
        if (first == '.')
        {
            return YamlStyleFloat.IsMatch(text) && TryParseFloat(text, out var dotFloat)
                ? ResolvedScalar.Float(dotFloat)
                : ResolvedScalar.String(text);
        }

        if (first is not ('+' or '-') && !IsDigit(first))
        {
            return ResolvedScalar.String(text);
        }

        if (TimestampPattern.IsMatch(text))
        {
            return ResolvedScalar.Timestamp(text);
        }

        var plain = text.IndexOf('_') >= 0 ? text.Replace("_", string.Empty) : text;
        if (GoInteger.TryParse(plain, out var signed, out var unsigned, out var isUnsigned))
        {
            return isUnsigned ? ResolvedScalar.UInt(unsigned) : ResolvedScalar.Int(signed);
        }

        if (YamlStyleFloat.IsMatch(plain) && TryParseFloat(plain, out var number))
        {
            return ResolvedScalar.Float(number);
        }

        return ResolvedScalar.String(text);
    }

    private static bool TryParseFloat(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && !double.IsInfinity(value);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static Dictionary<string, ResolvedScalar> BuildKnown()
    {
        var known = new Dictionary<string, ResolvedScalar>(StringComparer.Ordinal);
        foreach (var s in new[] { "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" })
        {
            known[s] = ResolvedScalar.True;
        }

        foreach (var s in new[] { "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" })
        {
            known[s] = ResolvedScalar.False;
        }

        foreach (var s in new[] { string.Empty, "~", "null", "Null", "NULL" })
        {
            known[s] = ResolvedScalar.Null;
        }

        foreach (var s in new[] { ".nan", ".NaN", ".NAN" })
        {
            known[s] = ResolvedScalar.Float(double.NaN);
        }

        foreach (var s in new[] { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" })
        {
            known[s] = ResolvedScalar.Float(double.PositiveInfinity);
        }

        foreach (var s in new[] { "-.inf", "-.Inf", "-.INF" })
        {
            known[s] = ResolvedScalar.Float(double.NegativeInfinity);
        }

        return known;
    }
}
