namespace ManifestLint.Model;

/// <summary>
/// The API's rule for ConfigMap and Secret keys (<c>IsConfigMapKey</c>, docs/kubernetes-behaviour.md#config-keys). It also applies to
/// <c>configMapKeyRef.key</c> and <c>secretKeyRef.key</c>, but not to <c>items[].key</c> (docs/kubernetes-behaviour.md#volume-items-and-modes).
/// </summary>
public static class ConfigKeyRules
{
    /// <summary><c>DNS1123SubdomainMaxLength</c>, which IsConfigMapKey borrows.</summary>
    public const int MaxLength = 253;

    public static bool IsValid(string key)
    {
        // The common case without a regex or a list: every key of every ConfigMap and Secret of a run comes here.
        if (key.Length is 0 or > MaxLength || key[0] == '.' && (key.Length == 1 || key[1] == '.'))
        {
            return false;
        }

        return HasOnlyKeyCharacters(key);
    }

    /// <summary>
    /// The API's <c>^[-._a-zA-Z0-9]+$</c> (Go: <c>$</c> is the end of the text, so unlike .NET's <c>$</c> a final
    /// line break does not pass), for a non-empty key.
    /// </summary>
    private static bool HasOnlyKeyCharacters(string key)
    {
        foreach (var c in key)
        {
            if (!(c is '-' or '.' or '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return key.Length > 0;
    }

    /// <summary>Every reason the API gives for rejecting <paramref name="key"/>, as phrases; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string key)
    {
        if (IsValid(key))
        {
            return Array.Empty<string>();
        }

        var problems = new List<string>(1);
        if (key.Length > MaxLength)
        {
            problems.Add($"it is {key.Length} characters long, more than {MaxLength}");
        }

        if (!HasOnlyKeyCharacters(key))
        {
            problems.Add(key.Length == 0
                ? "it is empty"
                : "it may only contain letters, digits, '-', '_' and '.'");
        }

        // hasChDirPrefix: names starting with '..' are the kubelet's own (..data, ..2024_01_02...) in a volume.
        if (key == ".")
        {
            problems.Add("it must not be '.'");
        }
        else if (key == "..")
        {
            problems.Add("it must not be '..'");
        }
        else if (key.StartsWith("..", StringComparison.Ordinal))
        {
            problems.Add("it must not start with '..' (the kubelet reserves such names in volumes)");
        }

        return problems;
    }

    /// <summary>A valid key close to <paramref name="key"/> (other characters become '-', leading dots trimmed), or null.</summary>
    public static string? Suggest(string key)
    {
        var builder = new System.Text.StringBuilder(key.Length);
        foreach (var c in key)
        {
            var allowed = c is '-' or '.' or '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
            var next = allowed ? c : '-';
            if (next == '-' && builder.Length > 0 && builder[builder.Length - 1] == '-' && !allowed)
            {
                continue;
            }

            builder.Append(next);
        }

        var suggestion = builder.ToString().Trim('-');
        while (suggestion.StartsWith("..", StringComparison.Ordinal))
        {
            suggestion = suggestion.Substring(1);
        }

        if (suggestion.Length > MaxLength)
        {
            suggestion = suggestion.Substring(0, MaxLength);
        }

        return suggestion.Length > 0 && suggestion != key && IsValid(suggestion) ? suggestion : null;
    }
}
