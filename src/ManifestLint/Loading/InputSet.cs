namespace ManifestLint.Loading;

/// <summary>What one run lints: paths (files or directories), optional standard input, and context paths.</summary>
public sealed record InputSet
{
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

    /// <summary>Paths loaded only to resolve references; their own findings are not reported.</summary>
    public IReadOnlyList<string> ContextPaths { get; init; } = Array.Empty<string>();

    /// <summary>Text read from standard input (<c>-</c>), if any.</summary>
    public string? StandardInput { get; init; }

    /// <summary>The name shown for standard input (<c>--stdin-filename</c>).</summary>
    public string StandardInputName { get; init; } = "<stdin>";

    /// <summary>The default of <see cref="MaxTotalBytes"/>: a run takes about 11 times its input in memory.</summary>
    public const long DefaultMaxTotalBytes = 128L * 1024 * 1024;

    /// <summary>
    /// The most one run reads in all (<c>--limit max_total_bytes=...</c>): each file is within the per-file limit, but
    /// seven 30 MB files took 2.3 GB. Files are counted in path order; those past the budget get ML0007 and are not read.
    /// </summary>
    public long MaxTotalBytes { get; init; } = DefaultMaxTotalBytes;

    /// <summary>
    /// Files not to lint (<c>--exclude</c>), whether found in a folder or named; context paths are not filtered, so an
    /// excluded vendored bundle given as <c>--context</c> still resolves references.
    /// </summary>
    public PathExclusions Exclusions { get; init; } = PathExclusions.None;

    /// <summary>The directory display paths are made relative to.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
}

/// <summary>A path the user named that could not be linted (missing or unreadable): exit code 2.</summary>
public sealed record InputError(string Path, string Message);
