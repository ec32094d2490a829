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

    /// <summary>The directory display paths are made relative to.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
}

/// <summary>A path the user named that could not be linted (missing or unreadable): exit code 2.</summary>
public sealed record InputError(string Path, string Message);
