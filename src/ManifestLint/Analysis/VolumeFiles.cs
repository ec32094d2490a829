using ManifestLint.Model;
using ManifestLint.Yaml;

namespace ManifestLint.Analysis;

/// <summary>
/// The files a configMap, secret or projected volume shows, when every source behind it is known: a source without
/// <c>items</c> projects every key (data and binaryData, docs/kubernetes-behaviour.md#items-missing-key); with
/// <c>items</c>, only their paths (an optional source skips items whose key is missing). Projected downward API,
/// service account token and trust bundle sources add their paths.
/// </summary>
public sealed class VolumeFiles
{
    private readonly HashSet<string> _files;

    private VolumeFiles(HashSet<string> files, IReadOnlyList<ConfigSourceGroup> sources)
    {
        _files = files;
        Sources = sources;
    }

    /// <summary>Every file path, relative to the volume root, without leading or trailing slashes.</summary>
    public IReadOnlyCollection<string> Files => _files;

    /// <summary>The ConfigMaps and Secrets behind the volume.</summary>
    public IReadOnlyList<ConfigSourceGroup> Sources { get; }

    /// <summary>
    /// The volume's files, or null when they cannot be known: another volume type, a source outside the set
    /// or with unknown keys, a projected source type this tool does not model.
    /// </summary>
    public static VolumeFiles? Of(Volume volume, LintedSet set, LintOptions options)
    {
        if (volume.SourceKind is not (VolumeSourceKind.ConfigMap or VolumeSourceKind.Secret or VolumeSourceKind.Projected) || volume.Projections.Count == 0)
        {
            return null;
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<ConfigSourceGroup>();
        var uses = volume.Pod.ConfigReferences;
        foreach (var projection in volume.Projections)
        {
            if (projection.Reference is { } reference)
            {
                var use = uses.FirstOrDefault(u => ReferenceEquals(u.Reference, reference));
                if (use is null || ConfigReferenceResolver.Resolve(use, set, options) is not { Kind: ReferenceResolutionKind.Found, Target: { KeysKnown: true } target })
                {
                    return null;
                }

                sources.Add(target);
                AddConfigFiles(projection, target, files);
            }
            else if (!AddOtherFiles(projection, files))
            {
                return null;
            }
        }

        return new VolumeFiles(files, sources);
    }

    /// <summary>True when <paramref name="path"/> (clean, relative) is a file of the volume or a directory above one.</summary>
    public bool Contains(string path)
    {
        if (_files.Contains(path))
        {
            return true;
        }

        var prefix = path + "/";
        foreach (var file in _files)
        {
            if (file.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A path as the kubelet joins it under the volume root: empty and "." segments dropped. Null for paths the
    /// kubelet refuses anyway (absolute, or with a ".." segment: ML3007) and for the whole volume.
    /// </summary>
    public static string? Clean(string path)
    {
        if (path.StartsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                return null;
            }

            segments.Add(segment);
        }

        return segments.Count == 0 ? null : string.Join("/", segments);
    }

    private static void AddConfigFiles(VolumeProjection projection, ConfigSourceGroup target, HashSet<string> files)
    {
        if (projection.Items.Count == 0)
        {
            foreach (var key in target.VolumeKeys)
            {
                files.Add(key);
            }

            return;
        }

        var optional = projection.Reference!.Optional;
        foreach (var item in projection.Items)
        {
            // A missing key of an optional source is skipped; of a required one the mount fails (ML1003).
            if (item.Path is { } path && Clean(path) is { } clean && (!optional || (item.Key is { } key && target.HasVolumeKey(key))))
            {
                files.Add(clean);
            }
        }
    }

    /// <summary>Adds the paths of a downward API, service account token, trust bundle or pod certificate source; false for anything else.</summary>
    private static bool AddOtherFiles(VolumeProjection projection, HashSet<string> files)
    {
        if (projection.Kind == VolumeSourceKind.DownwardApi)
        {
            foreach (var item in projection.Items)
            {
                AddPath(item.Path, files);
            }

            return true;
        }

        var source = projection.Node;
        if (source.GetMapping("serviceAccountToken") is { } token)
        {
            AddPath(token.GetString("path"), files);
            return true;
        }

        if (source.GetMapping("clusterTrustBundle") is { } bundle)
        {
            AddPath(bundle.GetString("path"), files);
            return true;
        }

        if (source.GetMapping("podCertificate") is { } certificate)
        {
            AddPath(certificate.GetString("credentialBundlePath"), files);
            AddPath(certificate.GetString("keyPath"), files);
            AddPath(certificate.GetString("certificateChainPath"), files);
            return true;
        }

        return false;
    }

    private static void AddPath(string? path, HashSet<string> files)
    {
        if (path is not null && Clean(path) is { } clean)
        {
            files.Add(clean);
        }
    }
}
