using System.Text.RegularExpressions;

namespace ManifestLint.Model;

/// <summary>The API's rule for object names such as a ConfigMap's or Secret's (<c>IsDNS1123Subdomain</c>, §2).</summary>
public static class ObjectNameRules
{
    public const int MaxSubdomainLength = 253;

    private static readonly Regex SubdomainPattern = new(
        @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant);

    public static bool IsDnsSubdomain(string name) =>
        name.Length <= MaxSubdomainLength && SubdomainPattern.IsMatch(name);

    /// <summary>
    /// The valid name closest to <paramref name="name"/>: lower case, other characters turned into '-', each
    /// dot-separated part trimmed to start and end with a letter or digit; null when nothing valid is left.
    /// </summary>
    public static string? SuggestDnsSubdomain(string name)
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
        if (suggestion.Length > MaxSubdomainLength)
        {
            suggestion = suggestion.Substring(0, MaxSubdomainLength).TrimEnd('-', '.');
        }

        return suggestion.Length > 0 && suggestion != name && IsDnsSubdomain(suggestion) ? suggestion : null;
    }
}
