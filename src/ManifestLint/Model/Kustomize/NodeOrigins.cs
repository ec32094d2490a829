using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// Where the nodes of a built object were written. A kustomize build merges one object from several files: the
/// base resource, the patches that set fields, the kustomization whose <c>namespace:</c> or generator made a value.
/// Every node the build grafted from another file than the object's own is recorded here with that file; every node
/// below it comes from the same file unless it is recorded itself.
/// </summary>
public sealed class NodeOrigins
{
    private readonly Dictionary<YamlNode, SourceFile> _grafts = new(NodeIdentityComparer.Instance);

    internal int Count => _grafts.Count;

    internal void Graft(YamlNode node, SourceFile file) => _grafts[node] = file;

    /// <summary>
    /// Records that <paramref name="replacement"/> (a merged copy) stands where <paramref name="original"/> was
    /// written: it is in the same file. Returns the replacement.
    /// </summary>
    internal T Replaced<T>(YamlNode original, T replacement)
        where T : YamlNode
    {
        if (_grafts.TryGetValue(original, out var file))
        {
            _grafts[replacement] = file;
        }

        return replacement;
    }

    internal bool TryGet(YamlNode node, out SourceFile file) => _grafts.TryGetValue(node, out file!);

    /// <summary>
    /// The file <paramref name="node"/> of the tree under <paramref name="root"/> was written in (the file of the
    /// nearest recorded graft above it); <paramref name="home"/> when it is not in the tree.
    /// </summary>
    public SourceFile FileOf(YamlNode root, SourceFile home, YamlNode node)
    {
        if (_grafts.Count == 0)
        {
            return home;
        }

        if (_grafts.TryGetValue(node, out var direct))
        {
            return direct;
        }

        var visited = new HashSet<YamlNode>(NodeIdentityComparer.Instance);
        return Find(root, home, node, visited, 0) ?? home;
    }

    private SourceFile? Find(YamlNode current, SourceFile file, YamlNode target, HashSet<YamlNode> visited, int depth)
    {
        if (_grafts.TryGetValue(current, out var grafted))
        {
            file = grafted;
        }

        if (ReferenceEquals(current, target))
        {
            return file;
        }

        if (depth > 256 || !visited.Add(current))
        {
            return null;
        }

        switch (current)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (entry.HasKey(target))
                    {
                        // A key was written with its value.
                        return _grafts.TryGetValue(entry.Value, out var keyFile) ? keyFile : file;
                    }

                    if (Find(entry.Value, file, target, visited, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (Find(item, file, target, visited, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }
}
