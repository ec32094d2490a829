using ManifestLint.Yaml;
using YamlDotNet.Core;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// Builds changed copies of immutable YAML trees for kustomize builds. Only the path from the root to a change is
/// copied; every other node is shared with the source tree, so that it keeps its place in its file.
/// </summary>
internal static class TreeEdit
{
    /// <summary>A string scalar that stands where <paramref name="at"/> was written (a name with its prefix).</summary>
    public static YamlScalar Scalar(string value, SourceRange at) => new(at, null, value, ScalarStyle.DoubleQuoted, null);

    public static YamlMapping Mapping(SourceRange range, IReadOnlyList<YamlEntry> entries)
    {
        var size = 1L;
        foreach (var entry in entries)
        {
            size += 1 + entry.Value.ExpandedSize;
        }

        return new YamlMapping(range, null, entries.ToArray(), (int)Math.Min(size, int.MaxValue), hasRepeatedNames: false, hasUnnamedEntries: entries.Any(e => e.Name is null));
    }

    public static YamlSequence Sequence(SourceRange range, IReadOnlyList<YamlNode> items)
    {
        var size = 1L;
        foreach (var item in items)
        {
            size += item.ExpandedSize;
        }

        return new YamlSequence(range, null, items.ToArray(), (int)Math.Min(size, int.MaxValue));
    }

    /// <summary>An entry whose key is written at <paramref name="keyRange"/> (a key the build adds).</summary>
    public static YamlEntry Entry(string name, YamlNode value, SourceRange keyRange) =>
        new(keyRange, name, ScalarStyle.Plain, value, name);

    /// <summary>The same key with another value.</summary>
    public static YamlEntry WithValue(YamlEntry entry, YamlNode value) => new(entry.Key, value, entry.Name, merged: false);

    /// <summary>The mapping with <paramref name="name"/> set to <paramref name="value"/> (replaced in place, or added last).</summary>
    public static YamlMapping Set(YamlMapping mapping, string name, YamlNode value, SourceRange keyRangeIfNew)
    {
        var entries = new List<YamlEntry>(mapping.EffectiveEntries());
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Name == name)
            {
                entries[i] = WithValue(entries[i], value);
                return Mapping(mapping.Range, entries);
            }
        }

        entries.Add(Entry(name, value, keyRangeIfNew));
        return Mapping(mapping.Range, entries);
    }

    public static YamlMapping Remove(YamlMapping mapping, string name)
    {
        var entries = mapping.EffectiveEntries().Where(e => e.Name != name).ToList();
        return Mapping(mapping.Range, entries);
    }

    /// <summary>
    /// The tree with the node at <paramref name="path"/> (mapping names and sequence indexes) replaced by what
    /// <paramref name="change"/> returns; null when the path does not exist. Mappings missing on the way are created
    /// when <paramref name="create"/> is true (located at <paramref name="createdAt"/>).
    /// </summary>
    public static YamlNode? Replace(YamlNode root, IReadOnlyList<object> path, int index, Func<YamlNode?, YamlNode?> change, bool create, SourceRange createdAt, Loading.SourceFile createdIn, NodeOrigins origins)
    {
        if (index == path.Count)
        {
            return change(root);
        }

        switch (path[index], root)
        {
            case (string name, YamlMapping mapping):
            {
                var child = mapping[name];
                if (child is null && !(create || index == path.Count - 1))
                {
                    return null;
                }

                if (child is null && index < path.Count - 1)
                {
                    child = path[index + 1] is string ? Mapping(createdAt, Array.Empty<YamlEntry>()) : Sequence(createdAt, Array.Empty<YamlNode>());
                    origins.Graft(child, createdIn);
                }

                var changed = Replace(child!, path, index + 1, change, create, createdAt, createdIn, origins);
                if (changed is null && index < path.Count - 1)
                {
                    return null;
                }

                return origins.Replaced(mapping, changed is null ? Remove(mapping, name) : Set(mapping, name, changed, createdAt));
            }

            case (int position, YamlSequence sequence) when position >= 0 && position < sequence.Count:
            {
                var changed = Replace(sequence[position], path, index + 1, change, create, createdAt, createdIn, origins);
                if (changed is null && index < path.Count - 1)
                {
                    return null;
                }

                var items = sequence.Items.ToList();
                if (changed is null)
                {
                    items.RemoveAt(position);
                }
                else
                {
                    items[position] = changed;
                }

                return origins.Replaced(sequence, Sequence(sequence.Range, items));
            }

            default:
                return null;
        }
    }

    /// <summary>The scalar text of a node (a number's digits, a boolean's word); null for mappings, sequences and null.</summary>
    public static string? Text(YamlNode? node) => node is YamlScalar { ResolvedType: not ScalarType.Null } scalar ? scalar.Value : null;
}
