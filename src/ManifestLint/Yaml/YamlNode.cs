namespace ManifestLint.Yaml;

public enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A node of a parsed YAML document with its source range. The tree is built once from parser events
/// and never changes; aliases share the anchored node instead of copying it.
/// </summary>
public abstract class YamlNode
{
    // Anchors and tags are rare: one field for both keeps every scalar of every tree 8 bytes smaller.
    private readonly NodeDecorations? _decorations;

    private protected YamlNode(SourceRange range, string? anchor, string? tag = null)
    {
        Range = range;
        if (anchor is not null || tag is not null)
        {
            _decorations = new NodeDecorations(anchor, tag);
        }
    }

    public SourceRange Range { get; }

    public SourcePosition Start => Range.Start;

    public string? Anchor => _decorations?.Anchor;

    private protected string? NodeTag => _decorations?.Tag;

    public abstract YamlNodeKind Kind { get; }

    /// <summary>Number of nodes in this subtree with aliases expanded, saturating at <see cref="int.MaxValue"/>.</summary>
    public abstract int ExpandedSize { get; }

    /// <summary>The YAML type name a user would recognise, for messages.</summary>
    public abstract string TypeName { get; }
}

internal sealed class NodeDecorations
{
    public NodeDecorations(string? anchor, string? tag)
    {
        Anchor = anchor;
        Tag = tag;
    }

    public string? Anchor { get; }

    public string? Tag { get; }
}
