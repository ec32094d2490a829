namespace ManifestLint.Yaml;

public sealed class YamlSequence : YamlNode
{
    private readonly int _expandedSize;

    internal YamlSequence(SourceRange range, string? anchor, IReadOnlyList<YamlNode> items, int expandedSize)
        : base(range, anchor)
    {
        Items = items;
        _expandedSize = expandedSize;
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public int Count => Items.Count;

    public YamlNode this[int index] => Items[index];

    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    public override int ExpandedSize => _expandedSize;

    public override string TypeName => "sequence";
}
