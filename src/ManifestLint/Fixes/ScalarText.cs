using ManifestLint.Yaml;

namespace ManifestLint.Fixes;

/// <summary>Writes a string as YAML scalar text that reads back as exactly that string.</summary>
public static class ScalarText
{
    /// <summary>
    /// A JSON string is a YAML double-quoted scalar with the same value (goyaml reads the same escapes), and kubectl
    /// sends exactly that string.
    /// </summary>
    public static string DoubleQuoted(string value) => JsonText.Quote(value);

    public static string SingleQuoted(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>
    /// True when <paramref name="value"/> written plain reads back as the same string in Kubernetes' YAML: the
    /// characters of names and keys only, and no null, boolean, number or timestamp.
    /// </summary>
    public static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || value[0] is '-' or '.' && value.Length == 1)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/'))
            {
                return false;
            }
        }

        return value[0] != '-' && ScalarResolver.ResolvePlain(value).Type == ScalarType.String;
    }

    /// <summary>Digits with an optional sign, underscores and a 0x/0o/0b prefix: nothing YAML could read otherwise.</summary>
    public static bool IsNumberLiteral(string value)
    {
        foreach (var c in value)
        {
            if (!(c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F') or 'x' or 'X' or 'o' or 'O' or '_' or '+' or '-'))
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
