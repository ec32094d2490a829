namespace ManifestLint.Model;

/// <summary>Kubernetes' name formats (apimachinery <c>IsDNS1123Subdomain</c>, <c>IsDNS1123Label</c>, docs/kubernetes-behaviour.md#names).</summary>
public static class ObjectNames
{
    public const int SubdomainMaxLength = 253;

    public const int LabelMaxLength = 63;

    /// <summary>
    /// True for a lowercase RFC 1123 subdomain: at most 253 characters, dot-separated labels of <c>[a-z0-9-]</c>
    /// that start and end with an alphanumeric. ConfigMap and Secret names must be one.
    /// </summary>
    public static bool IsDns1123Subdomain(string name)
    {
        if (name.Length == 0 || name.Length > SubdomainMaxLength)
        {
            return false;
        }

        var labelStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != '.')
            {
                continue;
            }

            if (!IsLabelText(name, labelStart, i - labelStart))
            {
                return false;
            }

            labelStart = i + 1;
        }

        return true;
    }

    /// <summary>
    /// The valid name closest to <paramref name="name"/>: lower case, other characters turned into '-', each
    /// dot-separated part trimmed to start and end with a letter or digit; null when nothing valid is left.
    /// </summary>
    public static string? SuggestDns1123Subdomain(string name)
    {
        var parts = new List<string>();
        foreach (var rawPart in name.ToLowerInvariant().Split('.'))
        {
            var builder = new System.Text.StringBuilder(rawPart.Length);
            foreach (var c in rawPart)
            {
                var next = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-';
                if (next == '-' && builder.Length > 0 && builder[builder.Length - 1] == '-')
                {
                    continue;
                }

                builder.Append(next);
            }

            var part = builder.ToString().Trim('-');
            if (part.Length > 0)
            {
                parts.Add(part);
            }
        }

        var suggestion = string.Join(".", parts);
        if (suggestion.Length > SubdomainMaxLength)
        {
            suggestion = suggestion.Substring(0, SubdomainMaxLength).TrimEnd('-', '.');
        }

        return suggestion.Length > 0 && suggestion != name && IsDns1123Subdomain(suggestion) ? suggestion : null;
    }

    /// <summary>True for a lowercase RFC 1123 label (volume names): at most 63 characters, no dots.</summary>
    public static bool IsDns1123Label(string name) =>
        name.Length is > 0 and <= LabelMaxLength && IsLabelText(name, 0, name.Length);

    private static bool IsLabelText(string text, int start, int length)
    {
        if (length == 0 || !IsAlphanumeric(text[start]) || !IsAlphanumeric(text[start + length - 1]))
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            if (!IsAlphanumeric(text[i]) && text[i] != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
