namespace ManifestLint.Model;

/// <summary>How a path repeats an earlier one: spelled the same (the API compares raw strings), or only equal
/// once normalised (the API lets it pass, the node then puts both in one place).</summary>
public enum PathRepeat
{
    Exact,
    Normalized,
}

/// <summary>
/// Finds, in source order, the first entry each new path repeats. Used for mountPaths of one container (docs/kubernetes-behaviour.md#volume-mounts) and
/// item paths of one volume (docs/kubernetes-behaviour.md#volume-items-and-modes), where Kubernetes checks the raw spelling but the node acts on the cleaned path.
/// </summary>
public sealed class PathRepeats<T>
    where T : class
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _normalized = new(StringComparer.Ordinal);

    /// <summary>The earlier entry <paramref name="path"/> repeats and how, or null after recording a new path.</summary>
    public (T First, PathRepeat How)? Add(string path, string normalized, T entry)
    {
        if (_exact.TryGetValue(path, out var first))
        {
            return (first, PathRepeat.Exact);
        }

        if (_normalized.TryGetValue(normalized, out first))
        {
            return (first, PathRepeat.Normalized);
        }

        _exact[path] = entry;
        _normalized[normalized] = entry;
        return null;
    }
}
