namespace ManifestLint.Loading;

/// <summary>
/// Expands the paths a user gives into manifest files: directories recursively (<c>*.yaml</c>, <c>*.yml</c>,
/// <c>*.json</c> and kustomize's extension-less <c>Kustomization</c>), skipping VCS, build and package folders,
/// never following a directory link twice, in ordinal order so that runs are reproducible.
/// </summary>
public static class ManifestFileFinder
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "node_modules",
    };

    private const int MaxDirectoryDepth = 64;

    public static bool IsManifestFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
               || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
               || extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
               || fileName == "Kustomization";
    }

    /// <summary>
    /// Manifests that a tool fills in before applying (<c>cluster.yaml.template</c> for envsubst, <c>.yaml.tmpl</c>):
    /// found in folders and loaded as context, so the objects they define (a database Cluster whose Secret a
    /// Deployment reads) exist for references, but their own findings (placeholders such as <c>${NAME}</c>) are not
    /// reported. Named on the command line, such a file is linted like any other.
    /// </summary>
    public static bool IsContextOnlyFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (!extension.Equals(".template", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".tmpl", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var inner = Path.GetExtension(Path.GetFileNameWithoutExtension(fileName));
        return inner.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || inner.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The manifest files below <paramref name="directory"/>, and the folders that could not be read.</summary>
    public static IReadOnlyList<string> FindFiles(string directory, ICollection<InputError> problems) =>
        FindFiles(directory, problems, problems);

    /// <summary>
    /// The manifest files below <paramref name="directory"/>; when <paramref name="directory"/> itself cannot be read
    /// that goes to <paramref name="problems"/> (the user named it), a sub-folder that cannot be read goes to
    /// <paramref name="skippedFolders"/> (reported and skipped).
    /// </summary>
    public static IReadOnlyList<string> FindFiles(string directory, ICollection<InputError> problems, ICollection<InputError> skippedFolders)
    {
        var files = new List<string>();
        var full = Path.GetFullPath(directory);
        var walk = new WalkState(Loading.RealPath.Of(full) ?? full, problems, skippedFolders);
        Walk(full, files, walk, depth: 0);
        return files;
    }

    /// <summary>
    /// What one walk shares: the real path of the folder the user named (links that lead out of it are not followed: a
    /// pull request's <c>link -&gt; /</c> would walk <c>/proc</c>, <c>link -&gt; ../secrets</c> would print files the
    /// run was never asked to read), the real folders already walked, and where problems and skips go. Every skip
    /// carries its reason (<c>skipped</c> starts with the summary's group: "unreadable", "link", "too deep", "name").
    /// </summary>
    private sealed record WalkState(string Root, ICollection<InputError> Problems, ICollection<InputError> Skipped)
    {
        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);
    }

    private static void Walk(string directory, List<string> files, WalkState walk, int depth)
    {
        if (!walk.Visited.Add(Loading.RealPath.Of(directory) ?? directory))
        {
            return;
        }

        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            if (depth == 0)
            {
                walk.Problems.Add(new InputError(directory, "cannot read the directory: " + e.Message));
            }
            else
            {
                walk.Skipped.Add(new InputError(directory, "unreadable: cannot read the directory: " + e.Message));
            }

            return;
        }

        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            FileAttributes attributes;
            try
            {
                attributes = File.GetAttributes(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A name that is not UTF-8 comes back with U+FFFD in it and can no longer be opened by that name.
                var reason = name.IndexOf('\uFFFD') >= 0 ? "name: the file name is not valid UTF-8, so it cannot be opened" : "unreadable: " + e.Message;
                if (name.IndexOf('\uFFFD') >= 0 || IsManifestFileName(name))
                {
                    walk.Skipped.Add(new InputError(entry, reason));
                }

                continue;
            }

            var isDirectory = (attributes & FileAttributes.Directory) != 0;
            if (isDirectory ? SkippedDirectories.Contains(name) : !IsManifestFileName(name) && !IsContextOnlyFileName(name))
            {
                continue;
            }

            if ((attributes & FileAttributes.ReparsePoint) != 0 && LeavesTheTree(entry, walk) is { } escape)
            {
                walk.Skipped.Add(new InputError(entry, escape));
                continue;
            }

            if (!isDirectory)
            {
                files.Add(entry);
            }
            else if (depth + 1 > MaxDirectoryDepth)
            {
                walk.Skipped.Add(new InputError(entry, $"too deep: more than {MaxDirectoryDepth} folders below the folder named"));
            }
            else
            {
                Walk(entry, files, walk, depth + 1);
            }
        }
    }

    /// <summary>Why a link found in the walk is not followed, or null when it stays inside the named folder.</summary>
    private static string? LeavesTheTree(string link, WalkState walk)
    {
        var real = Loading.RealPath.Of(link);
        if (real is null)
        {
            return "link: a symbolic link that loops or cannot be read";
        }

        return Loading.RealPath.IsUnder(real, walk.Root) ? null : $"link: a symbolic link that leads out of the folder named (to {real}); not followed";
    }
}
