namespace ManifestLint.Loading;

/// <summary>
/// Where a path really leads once every symbolic link in it is followed, and whether that stays under a root: what a
/// pull request cannot be allowed to escape (a link <c>tree/root -&gt; /</c> walks <c>/proc</c>; <c>passwd.env -&gt;
/// /etc/passwd</c> prints a line of it in a message).
/// </summary>
public static class RealPath
{
    // As the kernel's limit on links followed in one lookup (ELOOP).
    private const int MaxLinks = 40;

    /// <summary>
    /// The absolute path with every link resolved (each component, as realpath(3) does), or null when a link loops or
    /// cannot be read. A missing last part is kept as written. Without link support (netstandard2.0) the full path.
    /// </summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
#if NET
        var links = 0;
        return Resolve(full, ref links);
#else
        return full;
#endif
    }

    /// <summary>True when <paramref name="path"/> (a real path) is <paramref name="root"/> (a real path) or below it.</summary>
    public static bool IsUnder(string path, string root)
    {
        var comparison = IgnoresCase() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (path.Length == trimmed.Length)
        {
            return string.Equals(path, trimmed, comparison);
        }

        return path.StartsWith(trimmed + Path.DirectorySeparatorChar, comparison) || (trimmed.Length == 0 && path.StartsWith(Path.DirectorySeparatorChar.ToString(), comparison));
    }

    /// <summary>
    /// The real path of <paramref name="path"/> when it stays under the real path of <paramref name="root"/>, else null
    /// (with the reason): kustomize refuses <c>envs</c> and <c>files</c> outside the kustomization root, and so must
    /// anything that reads a file a manifest names.
    /// </summary>
    public static string? Within(string path, string root, out string? reason)
    {
        var realRoot = Of(root);
        var real = Of(path);
        if (realRoot is null || real is null)
        {
            reason = "a symbolic link in the path loops or cannot be read";
            return null;
        }

        if (!IsUnder(real, realRoot))
        {
            reason = $"it leads outside {root} (to {real})";
            return null;
        }

        reason = null;
        return real;
    }

    private static bool IgnoresCase() => Path.DirectorySeparatorChar == '\\';

#if NET
    private static string? Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the link's folder; what follows the link is appended to where it leads.
            var resolved = Resolve(Path.GetFullPath(Path.Combine(current, target)), ref links);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }
#endif
}
