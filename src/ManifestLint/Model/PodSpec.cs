using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>A pod spec wherever it sits (a Pod's <c>spec</c>, a workload's template, a CronJob's job template).</summary>
public sealed class PodSpec
{
    private IReadOnlyList<Container>? _containers;
    private IReadOnlyList<Volume>? _volumes;
    private IReadOnlyList<ConfigReferenceUse>? _configReferences;
    private Dictionary<string, List<VolumeMount>>? _mountsByVolume;
    private HashSet<string>? _deviceVolumes;

    /// <summary>ConfigReferenceProblems.Find's answer for one set and options, shared by the ML1 rules.</summary>
    internal object? ReferenceProblemsMemo;

    internal PodSpec(KubeObject owner, YamlMapping node, string path)
    {
        Owner = owner;
        Node = node;
        Path = path;
    }

    public KubeObject Owner { get; }

    public YamlMapping Node { get; }

    /// <summary>The YAML path from the object's root, e.g. <c>spec.template.spec</c>.</summary>
    public string Path { get; }

    /// <summary>Init containers first (they run first), then containers, then ephemeral containers.</summary>
    public IReadOnlyList<Container> Containers => _containers ??= ReadContainers();

    public IReadOnlyList<Volume> Volumes => _volumes ??= ReadVolumes();

    /// <summary>Every reference to a ConfigMap or Secret: env key refs and envFrom of every container, then volumes and projected sources.</summary>
    public IReadOnlyList<ConfigReferenceUse> ConfigReferences => _configReferences ??= ConfigReferenceUse.Collect(this);

    /// <summary>The names in <c>imagePullSecrets</c>, the other way a pod spec names Secrets.</summary>
    public IEnumerable<YamlScalar> ImagePullSecretNames
    {
        get
        {
            if (Node.GetSequence("imagePullSecrets") is not { } secrets)
            {
                yield break;
            }

            foreach (var item in secrets.Items)
            {
                if (item is YamlMapping mapping && mapping.GetScalar("name") is { ResolvedType: not ScalarType.Null } name)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>
    /// The Secrets that storage volume plugins read for credentials: <c>secretRef.name</c> (cephfs, rbd, iscsi,
    /// flexVolume, scaleIO, storageos), <c>nodePublishSecretRef.name</c> (csi) and <c>secretName</c> (azureFile).
    /// </summary>
    public IEnumerable<YamlScalar> VolumePluginSecretNames
    {
        get
        {
            foreach (var volume in Volumes)
            {
                if (volume.SourceKind != VolumeSourceKind.Other || volume.Source is not { } source)
                {
                    continue;
                }

                foreach (var entry in source.Entries)
                {
                    var name = entry.Name switch
                    {
                        "secretRef" or "nodePublishSecretRef" => (entry.Value as YamlMapping)?.GetScalar("name"),
                        "secretName" => entry.Value as YamlScalar,
                        _ => null,
                    };
                    if (name is { ResolvedType: not ScalarType.Null })
                    {
                        yield return name;
                    }
                }
            }
        }
    }

    /// <summary>The <c>volumeMounts</c> of every container (init, regular, ephemeral) that name <paramref name="volumeName"/>.</summary>
    public IReadOnlyList<VolumeMount> MountsOf(string? volumeName)
    {
        if (volumeName is null)
        {
            return Array.Empty<VolumeMount>();
        }

        _mountsByVolume ??= IndexMounts();
        return _mountsByVolume.TryGetValue(volumeName, out var mounts) ? mounts : Array.Empty<VolumeMount>();
    }

    /// <summary>
    /// True when some container mounts the volume (<c>volumeMounts</c>) or attaches it as a block device
    /// (<c>volumeDevices</c>). The kubelet skips a volume no container uses (docs/kubernetes-behaviour.md#missing-volume-source).
    /// </summary>
    public bool IsUsed(Volume volume)
    {
        if (volume.Name is null)
        {
            return false;
        }

        if (MountsOf(volume.Name).Count > 0)
        {
            return true;
        }

        _deviceVolumes ??= IndexDevices();
        return _deviceVolumes.Contains(volume.Name);
    }

    /// <summary>
    /// The volume names a StatefulSet's <c>volumeClaimTemplates</c> add to every pod it creates; mounts may name
    /// them although the template's <c>volumes</c> does not.
    /// </summary>
    public IEnumerable<string> ClaimTemplateVolumeNames
    {
        get
        {
            if (!Owner.IsKind("StatefulSet") || Owner.Root.GetMapping("spec")?.GetSequence("volumeClaimTemplates") is not { } templates)
            {
                yield break;
            }

            foreach (var template in templates.Items)
            {
                if (template is YamlMapping mapping && mapping.GetMapping("metadata")?.GetString("name") is { } name)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>The volume Kubernetes would use for a mount of <paramref name="name"/>: the first of that name.</summary>
    public Volume? FindVolume(string? name)
    {
        if (name is null)
        {
            return null;
        }

        foreach (var volume in Volumes)
        {
            if (string.Equals(volume.Name, name, StringComparison.Ordinal))
            {
                return volume;
            }
        }

        return null;
    }

    private Dictionary<string, List<VolumeMount>> IndexMounts()
    {
        var index = new Dictionary<string, List<VolumeMount>>(StringComparer.Ordinal);
        foreach (var container in Containers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.Name is null)
                {
                    continue;
                }

                if (!index.TryGetValue(mount.Name, out var list))
                {
                    index[mount.Name] = list = new List<VolumeMount>(1);
                }

                list.Add(mount);
            }
        }

        return index;
    }

    private HashSet<string> IndexDevices()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in Containers)
        {
            if (container.Node.GetSequence("volumeDevices") is not { } devices)
            {
                continue;
            }

            foreach (var device in devices.Items)
            {
                if (device is YamlMapping mapping && mapping.GetString("name") is { } name)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    private IReadOnlyList<Container> ReadContainers()
    {
        var list = new List<Container>();
        foreach (var kind in new[] { ContainerKind.Init, ContainerKind.Regular, ContainerKind.Ephemeral })
        {
            var listName = Container.ListNameOf(kind);
            if (Node[listName] is not YamlSequence sequence)
            {
                continue;
            }

            for (var i = 0; i < sequence.Count; i++)
            {
                if (sequence[i] is YamlMapping mapping && !PatchDirectives.IsDirectiveElement(mapping))
                {
                    list.Add(new Container(this, mapping, kind, i));
                }
            }
        }

        return list;
    }

    private IReadOnlyList<Volume> ReadVolumes()
    {
        if (Node["volumes"] is not YamlSequence sequence)
        {
            return Array.Empty<Volume>();
        }

        var list = new List<Volume>(sequence.Count);
        for (var i = 0; i < sequence.Count; i++)
        {
            if (sequence[i] is YamlMapping mapping && !PatchDirectives.IsDirectiveElement(mapping))
            {
                list.Add(new Volume(this, mapping, i));
            }
        }

        return list;
    }
}
