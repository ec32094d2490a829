namespace ManifestLint.Yaml;

/// <summary>A point in a source text: 1-based line and column (UTF-16 code units), 0-based offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    public static SourcePosition Start { get; } = new(1, 1, 0);

    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A range of a source text; <see cref="End"/> is exclusive.</summary>
public readonly record struct SourceRange(SourcePosition Start, SourcePosition End)
{
    public int Length => End.Offset - Start.Offset;

    public bool Contains(int offset) => offset >= Start.Offset && offset < End.Offset;

    public override string ToString() => $"{Start}-{End}";
}
