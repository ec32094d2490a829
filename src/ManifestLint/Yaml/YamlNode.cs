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
    private protected YamlNode(SourceRange range, string? anchor)
    {
        Range = range;
        Anchor = anchor;
    }

    public SourceRange Range { get; }

    public SourcePosition Start => Range.Start;

    public string? Anchor { get; }

    public abstract YamlNodeKind Kind { get; }

    /// <summary>Number of nodes in this subtree with aliases expanded, saturating at <see cref="int.MaxValue"/>.</summary>
    public abstract int ExpandedSize { get; }

    /// <summary>The YAML type name a user would recognise, for messages.</summary>
    public abstract string TypeName { get; }
}
