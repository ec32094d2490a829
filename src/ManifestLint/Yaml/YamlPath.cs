using System.Text;

namespace ManifestLint.Yaml;

/// <summary>
/// The path from a root to a node, written so that it survives unrelated edits: mapping keys by name, list
/// items by their <c>name</c> field where they have one (<c>containers[app].env[LOG_LEVEL]</c>), else by index.
/// Used for fingerprints that must not change when an object moves within or between files.
/// </summary>
public static class YamlPath
{
    private const int MaxDepth = 512;

    public static string? Of(YamlNode root, YamlNode target)
    {
        var segments = new List<string>();
        return Find(root, target, segments, 0) ? Join(segments) : null;
    }

    private static bool Find(YamlNode node, YamlNode target, List<string> segments, int depth)
    {
        if (ReferenceEquals(node, target))
        {
            return true;
        }

        if (depth > MaxDepth || node.ExpandedSize == 1)
        {
            return false;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    var name = entry.Name ?? (entry.Key as YamlScalar)?.Value ?? "?";
                    if (ReferenceEquals(entry.Key, target))
                    {
                        segments.Add(Key(name));
                        return true;
                    }

                    segments.Add(Key(name));
                    if (Find(entry.Value, target, segments, depth + 1))
                    {
                        return true;
                    }

                    segments.RemoveAt(segments.Count - 1);
                }

                return false;

            case YamlSequence sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    var item = sequence[i];
                    var itemName = (item as YamlMapping)?.GetString("name");
                    segments.Add("[" + (itemName ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "]");
                    if (Find(item, target, segments, depth + 1))
                    {
                        return true;
                    }

                    segments.RemoveAt(segments.Count - 1);
                }

                return false;

            default:
                return false;
        }
    }

    private static readonly char[] SpecialCharacters = { '.', '[', ']' };

    private static string Key(string name) => name.Length == 0 || name.IndexOfAny(SpecialCharacters) >= 0 ? "['" + name + "']" : name;

    private static string Join(List<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            if (builder.Length > 0 && segment[0] != '[')
            {
                builder.Append('.');
            }

            builder.Append(segment);
        }

        return builder.ToString();
    }
}
