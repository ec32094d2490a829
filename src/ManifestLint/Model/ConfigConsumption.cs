using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>How a container reads a ConfigMap or Secret, which decides whether it ever sees a change.</summary>
public enum ConfigUseKind
{
    /// <summary><c>env[].valueFrom.configMapKeyRef</c>/<c>secretKeyRef</c>: read once, when the container starts.</summary>
    EnvironmentVariable,

    /// <summary><c>envFrom[].configMapRef</c>/<c>secretRef</c>: read once, when the container starts.</summary>
    EnvFrom,

    /// <summary>A <c>subPath</c>/<c>subPathExpr</c> mount: a bind mount of one file that is never updated (§10e, §11).</summary>
    SubPathMount,

    /// <summary>A whole-volume mount: the kubelet swaps in new content when the object changes.</summary>
    VolumeMount,
}

/// <summary>One place where a container of the set reads a ConfigMap or Secret.</summary>
public sealed record ConfigUse(ConfigUseKind Kind, Container Container, YamlNode Node)
{
    /// <summary>True when the container sees later changes of the object (only whole-volume mounts do).</summary>
    public bool SeesUpdates => Kind == ConfigUseKind.VolumeMount;
}

/// <summary>
/// Every use of every ConfigMap and Secret by the containers of the set, by the identity of the object read
/// (a pod reads objects of its own namespace only, §14). Volumes no container mounts are not uses: the kubelet
/// skips them (§10c). Built once per run with one pass over the pod specs.
/// </summary>
public sealed class ConfigConsumption
{
    private readonly Dictionary<ObjectIdentity, List<ConfigUse>> _uses = new();

    private ConfigConsumption()
    {
    }

    public IReadOnlyList<ConfigUse> UsesOf(ObjectIdentity identity) =>
        _uses.TryGetValue(identity, out var list) ? list : Array.Empty<ConfigUse>();

    public static ConfigConsumption Build(LintedSet set)
    {
        var consumption = new ConfigConsumption();
        foreach (var obj in set.Objects)
        {
            foreach (var pod in obj.PodSpecs)
            {
                consumption.Add(pod);
            }
        }

        return consumption;
    }

    private void Add(PodSpec pod)
    {
        var ns = pod.Owner.Namespace;
        foreach (var container in pod.Containers)
        {
            foreach (var env in container.Env)
            {
                Add(ns, env.KeyReference, ConfigUseKind.EnvironmentVariable, container, env.Node);
            }

            foreach (var envFrom in container.EnvFrom)
            {
                Add(ns, envFrom.Reference, ConfigUseKind.EnvFrom, container, envFrom.Node);
            }

            foreach (var mount in container.VolumeMounts)
            {
                var kind = mount.SubPath is not null || !string.IsNullOrEmpty(mount.SubPathExpr)
                    ? ConfigUseKind.SubPathMount
                    : ConfigUseKind.VolumeMount;
                foreach (var projection in pod.FindVolume(mount.Name)?.Projections ?? Array.Empty<VolumeProjection>())
                {
                    Add(ns, projection.Reference, kind, container, mount.Node);
                }
            }
        }
    }

    private void Add(string ns, ObjectReference? reference, ConfigUseKind kind, Container container, YamlNode node)
    {
        if (reference?.Name is not { Length: > 0 } name)
        {
            return;
        }

        var identity = new ObjectIdentity(reference.KindName, ns, name);
        if (!_uses.TryGetValue(identity, out var list))
        {
            _uses[identity] = list = new List<ConfigUse>(1);
        }

        list.Add(new ConfigUse(kind, container, node));
    }
}
