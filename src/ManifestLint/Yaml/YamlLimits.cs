namespace ManifestLint.Yaml;

/// <summary>
/// Safety limits for untrusted input. Defaults are generous for real manifests (the largest file in the
/// corpus is 2 MB and nests about 30 levels deep) and stop hostile ones early.
/// </summary>
public sealed record YamlLimits
{
    public static YamlLimits Default { get; } = new();

    /// <summary>Largest file read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Most nodes one document may reach through aliases (a "billion laughs" bomb expands to billions).</summary>
    public int MaxAliasExpansion { get; init; } = 1_000_000;

    /// <summary>Most nodes one file may hold.</summary>
    public int MaxNodes { get; init; } = 5_000_000;

    /// <summary>
    /// Longest line, in characters. The longest line in the real-world corpus has 4,371 (a TLS certificate);
    /// 4 Mi still lets a minified JSON list through, while a multi-megabyte single line is reported, not shown.
    /// </summary>
    public int MaxLineLength { get; init; } = 4 * 1024 * 1024;
}
