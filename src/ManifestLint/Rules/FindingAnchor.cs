using ManifestLint.Yaml;

namespace ManifestLint.Rules;

/// <summary>Where a finding about a whole entry points: the first key written in it, like the API's field path.</summary>
internal static class FindingAnchor
{
    /// <summary>The first key written in <paramref name="mapping"/> (not one merged in by <c>&lt;&lt;</c>), else the mapping itself.</summary>
    public static YamlNode FirstKey(YamlMapping mapping)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!entry.IsMerged)
            {
                return entry.Key;
            }
        }

        return mapping.Entries.Count > 0 ? mapping.Entries[0].Key : mapping;
    }
}
