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
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(Path.GetFullPath(directory), files, visited, problems, skippedFolders, depth: 0);
        return files;
    }

    private static void Walk(string directory, List<string> files, HashSet<string> visited, ICollection<InputError> problems, ICollection<InputError> skippedFolders, int depth)
    {
        if (depth > MaxDirectoryDepth || !visited.Add(RealPath(directory)))
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
            (depth == 0 ? problems : skippedFolders).Add(new InputError(directory, "cannot read the directory: " + e.Message));
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
                continue;
            }

            if ((attributes & FileAttributes.Directory) != 0)
            {
                if (!SkippedDirectories.Contains(name))
                {
                    Walk(entry, files, visited, problems, skippedFolders, depth + 1);
                }
            }
            else if (IsManifestFileName(name))
            {
                files.Add(entry);
            }
        }
    }

    private static string RealPath(string directory)
    {
#if NET
        try
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                return target.FullName.TrimEnd(Path.DirectorySeparatorChar);
            }
        }
        catch (IOException)
        {
            return directory;
        }
#endif
        return directory.TrimEnd(Path.DirectorySeparatorChar);
    }
}
