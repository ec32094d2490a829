namespace ManifestLint.Yaml;

public sealed class YamlSequence : YamlNode
{
    private readonly int _expandedSize;

    internal YamlSequence(SourceRange range, string? anchor, YamlNode[] items, int expandedSize)
        : base(range, anchor)
    {
        Items = new NodeList<YamlNode>(items);
        _expandedSize = expandedSize;
    }

    public NodeList<YamlNode> Items { get; }

    public int Count => Items.Count;

    public YamlNode this[int index] => Items[index];

    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    public override int ExpandedSize => _expandedSize;

    public override string TypeName => "sequence";
}
