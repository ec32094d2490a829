using System.Text;

namespace ManifestLint.Model;

/// <summary>
/// The path rules of volumes and mounts: how a mountPath ends up in the container (docs/kubernetes-behaviour.md#volume-mounts) and what the API and the
/// kubelet accept in <c>items[].path</c>, <c>subPath</c> and <c>subPathExpr</c> (docs/kubernetes-behaviour.md#volume-items-and-modes, docs/kubernetes-behaviour.md#volume-mounts).
/// </summary>
public static class VolumePath
{
    /// <summary>The kubelet's atomic writer refuses longer item paths (docs/kubernetes-behaviour.md#volume-items-and-modes).</summary>
    public const int MaxPathBytes = 4096;

    /// <summary>The kubelet's atomic writer refuses longer path elements, Linux's NAME_MAX (docs/kubernetes-behaviour.md#volume-items-and-modes).</summary>
    public const int MaxElementBytes = 255;

    /// <summary>
    /// The path a mount really lands on: the kubelet prefixes <c>/</c> to a relative mountPath (MakeAbsolutePath)
    /// and the runtime resolves <c>.</c>, <c>..</c>, doubled and trailing slashes, so <c>etc/app/</c> is
    /// <c>/etc/app</c>.
    /// </summary>
    public static string NormalizeMountPath(string mountPath) =>
        Clean(mountPath.StartsWith("/", StringComparison.Ordinal) ? mountPath : "/" + mountPath);

    /// <summary>Go's <c>path.Clean</c>: the shortest lexically equal path.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element.Length == 0 || element == ".")
            {
                continue;
            }

            if (element == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(element);
                }

                continue;
            }

            parts.Add(element);
        }

        var joined = string.Join("/", parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>
    /// Why an <c>items[].path</c> is refused: by the API (<c>ValidateLocalNonReservedPath</c>: absolute, a
    /// <c>..</c> element, a leading <c>..</c>) or by the kubelet when it writes the files (length limits).
    /// Empty when the path is fine.
    /// </summary>
    public static IReadOnlyList<string> ItemPathProblems(string path)
    {
        var problems = DescendingPathProblems(path);

        // ..data and the timestamped directories are the kubelet's own entries (docs/kubernetes-behaviour.md#atomic-writer).
        if (path.StartsWith("..", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal))
        {
            problems.Add("starts with '..', which is reserved for the kubelet's own entries (..data), so the API rejects it");
        }

        AddLengthProblems(path, problems);
        return problems;
    }

    /// <summary>
    /// Why a <c>subPath</c> or <c>subPathExpr</c> is refused (<c>validateLocalDescendingPath</c>: absolute or a
    /// <c>..</c> element; a leading <c>..x</c> is allowed here). Length limits apply to a literal subPath only:
    /// a subPathExpr is measured after expansion.
    /// </summary>
    public static IReadOnlyList<string> SubPathProblems(string path, bool checkLengths)
    {
        var problems = DescendingPathProblems(path);
        if (checkLengths)
        {
            AddLengthProblems(path, problems);
        }

        return problems;
    }

    private static List<string> DescendingPathProblems(string path)
    {
        var problems = new List<string>();
        if (path.StartsWith("/", StringComparison.Ordinal))
        {
            problems.Add("is absolute, and the API requires a path relative to the volume");
        }

        if (Array.IndexOf(path.Split('/'), "..") >= 0)
        {
            problems.Add("has a '..' element, which the API rejects because it could leave the volume");
        }

        return problems;
    }

    private static void AddLengthProblems(string path, List<string> problems)
    {
        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes > MaxPathBytes)
        {
            problems.Add($"is {bytes} bytes long, and the kubelet refuses paths over {MaxPathBytes} when it mounts the volume");
        }

        foreach (var element in path.Split('/'))
        {
            var elementBytes = Encoding.UTF8.GetByteCount(element);
            if (elementBytes > MaxElementBytes)
            {
                problems.Add($"has an element of {elementBytes} bytes, and the kubelet refuses file names over {MaxElementBytes} when it mounts the volume");
                break;
            }
        }
    }
}
