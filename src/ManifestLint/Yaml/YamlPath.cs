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

    // An object with many findings (an 8 MB ConfigMap with 300,000 invalid keys) asks for a path per finding; a walk
    // from the root for each was quadratic. After a few look-ups in one tree, its nodes are indexed once.
    private const int LookupsBeforeIndex = 8;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlNode, PathCache> Caches = new();

    public static string? Of(YamlNode root, YamlNode target)
    {
        var cache = Caches.GetValue(root, _ => new PathCache());
        var index = cache.IndexAfterLookup(root);
        if (index is not null && index.TryFind(target, out var indexed))
        {
            return Join(indexed);
        }

        return Search(root, target);
    }

    /// <summary>The path found by walking from the root, without the index (what the index must agree with).</summary>
    internal static string? Search(YamlNode root, YamlNode target)
    {
        // The search keeps the entries and item indexes it walks through; names are written only for the one path
        // found (a finding's path is computed for every finding, the walk visits most of an object).
        var steps = new List<(YamlEntry? Entry, int Index, YamlNode? Item)>();
        return Find(root, target, steps, 0) ? Join(steps) : null;
    }

    private sealed class PathCache
    {
        private int _lookups;
        private PathIndex? _index;

        public PathIndex? IndexAfterLookup(YamlNode root)
        {
            lock (this)
            {
                if (_index is null && ++_lookups > LookupsBeforeIndex)
                {
                    _index = new PathIndex(root);
                }

                return _index;
            }
        }
    }

    /// <summary>
    /// Every node of one tree with the step that first reaches it, in the order <see cref="Find"/> searches (so both
    /// give the same path where aliases make several), each shared subtree indexed once.
    /// </summary>
    private sealed class PathIndex
    {
        private readonly Dictionary<YamlNode, Step> _nodes = new(); // nodes compare by reference
        private readonly Dictionary<int, Step> _keysByOffset = new();

        public PathIndex(YamlNode root) => Add(root, 0);

        public bool TryFind(YamlNode target, out List<(YamlEntry? Entry, int Index, YamlNode? Item)> steps)
        {
            steps = new List<(YamlEntry? Entry, int Index, YamlNode? Item)>();
            Step step;
            if (!_nodes.TryGetValue(target, out step))
            {
                // Key nodes are built on demand, so they are found through their entry, by where they start.
                if (!_keysByOffset.TryGetValue(target.Range.Start.Offset, out step) || step.Entry is null || !step.Entry.HasKey(target))
                {
                    return false;
                }
            }

            while (step.Parent is not null)
            {
                steps.Add((step.Entry, step.Index, step.Item));
                step = _nodes[step.Parent];
            }

            steps.Reverse();
            return true;
        }

        private void Add(YamlNode root, int depth)
        {
            _nodes[root] = default;
            Visit(root, depth);
        }

        private void Visit(YamlNode node, int depth)
        {
            if (depth > MaxDepth || node.ExpandedSize == 1)
            {
                return;
            }

            switch (node)
            {
                case YamlMapping mapping:
                    var entries = mapping.Entries;
                    for (var i = 0; i < entries.Count; i++)
                    {
                        var entry = entries[i];
                        var step = new Step(node, entry, 0, null);
                        AddFirst(_keysByOffset, entry.KeyStartOffset, step);
                        if (AddFirst(_nodes, entry.Value, step))
                        {
                            Visit(entry.Value, depth + 1);
                        }
                    }

                    break;

                case YamlSequence sequence:
                    for (var i = 0; i < sequence.Count; i++)
                    {
                        var item = sequence[i];
                        if (AddFirst(_nodes, item, new Step(node, null, i, item)))
                        {
                            Visit(item, depth + 1);
                        }
                    }

                    break;
            }
        }

        /// <summary>The first step that reaches a node is its path, as in <see cref="Find"/> (netstandard2.0 has no TryAdd).</summary>
        private static bool AddFirst<TKey>(Dictionary<TKey, Step> map, TKey key, Step step)
            where TKey : notnull
        {
            if (map.ContainsKey(key))
            {
                return false;
            }

            map[key] = step;
            return true;
        }

        private readonly record struct Step(YamlNode? Parent, YamlEntry? Entry, int Index, YamlNode? Item);
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
