using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Loading;

/// <summary>
/// <c>--exclude GLOB</c>: vendored charts and third-party bundles that the repository does not own. A glob is matched,
/// as in .gitignore, against the path relative to the working directory ('/' separators) and against every folder
/// above the file, so <c>vendor</c>, <c>vendor/**</c> and <c>charts/*/crds</c> exclude what they name; a glob without
/// '/' matches a file or folder name at any depth. <c>*</c> and <c>?</c> stay within one name, <c>**</c> crosses folders.
/// </summary>
public sealed class PathExclusions
{
    public static readonly PathExclusions None = new(Array.Empty<string>());

    private readonly Regex[] _patterns;

    public PathExclusions(IEnumerable<string> globs)
    {
        _patterns = globs.Where(g => g.Trim().Length > 0).Select(ToRegex).ToArray();
    }

    public bool IsEmpty => _patterns.Length == 0;

    /// <summary>True when <paramref name="fullPath"/> or a folder above it (below <paramref name="workingDirectory"/>) matches.</summary>
    public bool Excludes(string fullPath, string workingDirectory)
    {
        if (_patterns.Length == 0)
        {
            return false;
        }

        var relative = PathRelativeTo(fullPath, workingDirectory).Replace('\\', '/');
        var candidate = relative;
        while (candidate.Length > 0)
        {
            foreach (var pattern in _patterns)
            {
                if (pattern.IsMatch(candidate))
                {
                    return true;
                }
            }

            var slash = candidate.LastIndexOf('/');
            candidate = slash > 0 ? candidate.Substring(0, slash) : string.Empty;
        }

        return false;
    }

    private static string PathRelativeTo(string fullPath, string workingDirectory)
    {
        var root = workingDirectory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? workingDirectory : workingDirectory + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length) : fullPath.TrimStart('/');
    }

    private static Regex ToRegex(string glob)
    {
        var text = glob.Trim().Replace('\\', '/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text.Substring(2);
        }

        text = text.TrimEnd('/');
        var anyDepth = text.IndexOf('/') < 0;
        var regex = new StringBuilder(anyDepth ? "^(?:.*/)?" : "^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                // '**/' matches zero or more folders; a trailing '**' everything below.
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
