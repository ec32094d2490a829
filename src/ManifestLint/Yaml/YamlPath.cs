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
        // The search keeps the entries and item indexes it walks through; names are written only for the one path
        // found (a finding's path is computed for every finding, the walk visits most of an object).
        var steps = new List<(YamlEntry? Entry, int Index, YamlNode? Item)>();
        return Find(root, target, steps, 0) ? Join(steps) : null;
    }

    private static bool Find(YamlNode node, YamlNode target, List<(YamlEntry? Entry, int Index, YamlNode? Item)> steps, int depth)
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
                var entries = mapping.Entries;
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = entries[i];
                    steps.Add((entry, 0, null));
                    if (entry.HasKey(target) || Find(entry.Value, target, steps, depth + 1))
                    {
                        return true;
                    }

                    steps.RemoveAt(steps.Count - 1);
                }

                return false;

            case YamlSequence sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    var item = sequence[i];
                    steps.Add((null, i, item));
                    if (Find(item, target, steps, depth + 1))
                    {
                        return true;
                    }

                    steps.RemoveAt(steps.Count - 1);
                }

                return false;

            default:
                return false;
        }
    }

    private static readonly char[] SpecialCharacters = { '.', '[', ']' };

    private static string Key(string name) => name.Length == 0 || name.IndexOfAny(SpecialCharacters) >= 0 ? "['" + name + "']" : name;

    private static string Join(List<(YamlEntry? Entry, int Index, YamlNode? Item)> steps)
    {
        var builder = new StringBuilder();
        foreach (var step in steps)
        {
            if (step.Entry is { } entry)
            {
                var key = Key(entry.Name ?? (entry.Key as YamlScalar)?.Value ?? "?");
                if (builder.Length > 0 && key[0] != '[')
                {
                    builder.Append('.');
                }

                builder.Append(key);
            }
            else
            {
                var itemName = (step.Item as YamlMapping)?.GetString("name");
                builder.Append('[').Append(itemName ?? step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return builder.ToString();
    }
}
