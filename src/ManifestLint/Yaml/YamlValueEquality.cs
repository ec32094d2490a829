namespace ManifestLint.Yaml;

/// <summary>
/// Whether two nodes reach the API as the same JSON value (kubectl's view: resolved scalars, the last of duplicate
/// keys, key order irrelevant), however they are written.
/// </summary>
public static class YamlValueEquality
{
    private const int MaxDepth = 256;

    public static bool SameValue(YamlNode a, YamlNode b) => SameValue(a, b, 0);

    private static bool SameValue(YamlNode a, YamlNode b, int depth)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (depth > MaxDepth)
        {
            return false;
        }

        switch (a)
        {
            case YamlScalar left when b is YamlScalar right:
                return left.Resolved.Type == right.Resolved.Type && left.Resolved.Json == right.Resolved.Json;
            case YamlSequence left when b is YamlSequence right:
                if (left.Count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!SameValue(left[i], right[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case YamlMapping left when b is YamlMapping right:
                var leftEntries = left.JsonEntries();
                if (leftEntries.Count != right.JsonEntries().Count)
                {
                    return false;
                }

                foreach (var entry in leftEntries)
                {
                    if (right.GetEntry(entry.Name!) is not { } other || !SameValue(entry.Value, other.Value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
