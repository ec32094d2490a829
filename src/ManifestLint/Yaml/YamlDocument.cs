namespace ManifestLint.Yaml;

/// <summary>One document of a YAML stream.</summary>
public sealed class YamlDocument
{
    internal YamlDocument(int index, YamlNode? root, SourceRange range, IReadOnlyList<DuplicateKey> duplicateKeys, bool hasAliases = false)
    {
        HasAliases = hasAliases;
        Index = index;
        Root = root;
        Range = range;
        DuplicateKeys = duplicateKeys;
    }

    /// <summary>0-based position of the document in its file.</summary>
    public int Index { get; }

    /// <summary>The root node; null for an empty document.</summary>
    public YamlNode? Root { get; }

    public SourceRange Range { get; }

    /// <summary>
    /// Keys written twice in one mapping (kubectl keeps the last, docs/kubernetes-behaviour.md#yaml-decoding).
    /// </summary>
    public IReadOnlyList<DuplicateKey> DuplicateKeys { get; }

    /// <summary>True when an alias (<c>*name</c>) occurs: a node may then appear at more than one place of the tree.</summary>
    public bool HasAliases { get; }
}

/// <summary>A key written again in the same mapping: <see cref="First"/> is overridden by <see cref="Second"/>.</summary>
public sealed record DuplicateKey(YamlEntry First, YamlEntry Second);
