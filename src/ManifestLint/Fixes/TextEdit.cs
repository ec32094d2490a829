namespace ManifestLint.Fixes;

/// <summary>
/// Replaces the characters [<see cref="Start"/>, <see cref="End"/>) of a file's text (the offsets of the YAML nodes,
/// in UTF-16 code units after any byte order mark) with <see cref="NewText"/>. Everything outside the range stays as
/// it is, byte for byte: a fix never re-serialises YAML.
/// </summary>
public readonly record struct TextEdit(int Start, int End, string NewText)
{
    public int Length => End - Start;

    /// <summary>True when the two edits touch the same characters (or insert at the same place).</summary>
    public bool Overlaps(TextEdit other) =>
        Start < other.End && other.Start < End || (Start == other.Start && (Length == 0 || other.Length == 0));
}
