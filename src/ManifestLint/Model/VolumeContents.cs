namespace ManifestLint.Model;

/// <summary>What a configMap, secret or projected volume holds, as far as the linted set tells.</summary>
public static class VolumeContents
{
    /// <summary>
    /// Every definition in the linted set of the ConfigMap or Secret a projection reads, in the pod's namespace
    /// (references never cross namespaces, §14). Empty for other projections and unknown objects.
    /// </summary>
    public static IReadOnlyList<KubeObject> FindSource(this LintedSet set, VolumeProjection projection)
    {
        if (projection.Reference is not { Name: { Length: > 0 } name } reference)
        {
            return Array.Empty<KubeObject>();
        }

        return set.Find(reference.KindName, projection.Volume.Pod.Owner.Namespace, name);
    }

    /// <summary>
    /// True when the volume reads only ConfigMaps and Secrets and every one of them is in the set with
    /// <c>immutable: true</c> in every definition, so its files can never change (§6).
    /// </summary>
    public static bool IsImmutable(this LintedSet set, Volume volume)
    {
        if (volume.Projections.Count == 0)
        {
            return false;
        }

        foreach (var projection in volume.Projections)
        {
            var found = set.FindSource(projection);
            if (found.Count == 0)
            {
                // Downward API files, tokens and unknown objects can change.
                return false;
            }

            foreach (var obj in found)
            {
                if (ConfigData.From(obj) is not { Immutable: true })
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The files the volume shows at its mount path (its item paths, or the keys of the object found in the set),
    /// sorted; null when the set does not tell.
    /// </summary>
    public static IReadOnlyList<string>? KnownEntries(this LintedSet set, Volume volume)
    {
        if (volume.Projections.Count == 0)
        {
            return null;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var projection in volume.Projections)
        {
            if (projection.Items.Count > 0)
            {
                foreach (var item in projection.Items)
                {
                    if (!string.IsNullOrEmpty(item.Path))
                    {
                        names.Add(VolumePath.Clean(item.Path!));
                    }
                }

                continue;
            }

            var found = set.FindSource(projection);
            if (found.Count == 0 || ConfigData.From(found[0]) is not { } data)
            {
                return null;
            }

            foreach (var key in data.VolumeKeys)
            {
                names.Add(key);
            }
        }

        return names.ToArray();
    }
}
