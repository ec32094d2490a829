using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>How a reference reads a ConfigMap or Secret, which decides whether a container ever sees a change.</summary>
public enum ReferenceEdgeKind
{
    /// <summary><c>env[].valueFrom.configMapKeyRef</c>/<c>secretKeyRef</c>: read once, when the container starts.</summary>
    EnvironmentVariable,

    /// <summary><c>envFrom[].configMapRef</c>/<c>secretRef</c>: read once, when the container starts.</summary>
    EnvFrom,

    /// <summary>A <c>subPath</c>/<c>subPathExpr</c> mount: a bind mount of one file that is never updated (docs/kubernetes-behaviour.md#subpath-not-updated, docs/kubernetes-behaviour.md#atomic-writer).</summary>
    SubPathMount,

    /// <summary>A whole-volume mount: the kubelet swaps in new content when the object changes.</summary>
    VolumeMount,

    /// <summary>A configMap, secret or projected volume that no container mounts: named, but never set up (docs/kubernetes-behaviour.md#missing-volume-source).</summary>
    UnmountedVolume,

    /// <summary><c>imagePullSecrets</c> of a pod spec or a ServiceAccount, and a ServiceAccount's <c>secrets</c>.</summary>
    ServiceAccountOrPullSecret,

    /// <summary>The credentials Secret of a storage volume plugin (<c>secretRef</c>, <c>nodePublishSecretRef</c>).</summary>
    VolumePluginSecret,
}

/// <summary>One place of the set that names a ConfigMap or Secret: an edge of the <see cref="ReferenceGraph"/>.</summary>
public sealed class ReferenceEdge
{
    private ReferenceEdge(ReferenceEdgeKind kind, ObjectIdentity target, Owner owner, YamlNode node, string? containerName)
    {
        Kind = kind;
        Target = target;
        OwnerName = owner.Name;
        OwnerIdentity = owner.Object.Identity;
        File = owner.Object.FileOf(node);
        Range = node.Range;
        ContainerName = containerName;
    }

    /// <summary>The object that holds references, with its name for messages made once for all of them (and only if it has one).</summary>
    private sealed class Owner
    {
        private string? _name;

        public Owner(KubeObject obj) => Object = obj;

        public KubeObject Object { get; }

        public string Name => _name ??= Object.DisplayName;

        public string Namespace => Object.Namespace;
    }

    public ReferenceEdgeKind Kind { get; }

    /// <summary>What it names, in the namespace where Kubernetes looks it up (the pod's, docs/kubernetes-behaviour.md#namespaces).</summary>
    public ObjectIdentity Target { get; }

    /// <summary>The object that holds the reference, as messages name it (<c>Deployment default/web</c>).</summary>
    public string OwnerName { get; }

    /// <summary>The object that holds the reference (<c>?</c> for a missing kind or name).</summary>
    public ObjectIdentity OwnerIdentity { get; }

    /// <summary>The file of the YAML node a finding about this use points at (the env entry, the mount, the name).</summary>
    public SourceFile File { get; }

    /// <summary>Where that node is written. The graph keeps places, not nodes: it outlives the trees it was read from.</summary>
    public SourceRange Range { get; }

    /// <summary>The container that reads the object, as messages name it; null for unmounted volumes and secret names.</summary>
    public string? ContainerName { get; }

    /// <summary>True when a container reads the object when it starts or while it runs.</summary>
    public bool IsContainerUse => ContainerName is not null;

    /// <summary>True when the container sees later changes of the object (only whole-volume mounts do).</summary>
    public bool SeesUpdates => Kind == ReferenceEdgeKind.VolumeMount;

    /// <summary>The references one object holds: its pod specs', then (for a ServiceAccount) the secrets it hands on.</summary>
    internal static IReadOnlyList<ReferenceEdge> Of(KubeObject obj)
    {
        List<ReferenceEdge>? edges = null;
        var owner = new Owner(obj);
        foreach (var pod in obj.PodSpecs)
        {
            AddPod(edges ??= new List<ReferenceEdge>(), pod, owner);
        }

        // A ServiceAccount hands its image pull secrets to every pod that runs as it.
        if (obj.IsKind("ServiceAccount"))
        {
            foreach (var field in new[] { "imagePullSecrets", "secrets" })
            {
                foreach (var item in obj.Root.GetSequence(field)?.Items ?? default)
                {
                    if (item is YamlMapping mapping && mapping.GetScalar("name") is { Value.Length: > 0 } name)
                    {
                        (edges ??= new List<ReferenceEdge>()).Add(new ReferenceEdge(ReferenceEdgeKind.ServiceAccountOrPullSecret, Secret(obj.Namespace, name.Value), owner, name, null));
                    }
                }
            }
        }

        return edges is null || edges.Count == 0 ? Array.Empty<ReferenceEdge>() : edges.ToArray();
    }

    private static void AddPod(List<ReferenceEdge> edges, PodSpec pod, Owner owner)
    {
        var ns = owner.Namespace;
        foreach (var podContainer in pod.Containers)
        {
            var container = podContainer.DisplayName;
            foreach (var env in podContainer.Env)
            {
                Add(edges, ReferenceEdgeKind.EnvironmentVariable, ns, env.KeyReference, owner, env.Node, container);
            }

            foreach (var envFrom in podContainer.EnvFrom)
            {
                Add(edges, ReferenceEdgeKind.EnvFrom, ns, envFrom.Reference, owner, envFrom.Node, container);
            }

            foreach (var mount in podContainer.VolumeMounts)
            {
                var kind = mount.SubPath is not null || !string.IsNullOrEmpty(mount.SubPathExpr)
                    ? ReferenceEdgeKind.SubPathMount
                    : ReferenceEdgeKind.VolumeMount;
                foreach (var projection in pod.FindVolume(mount.Name)?.Projections ?? Array.Empty<VolumeProjection>())
                {
                    Add(edges, kind, ns, projection.Reference, owner, mount.Node, container);
                }
            }
        }

        foreach (var volume in pod.Volumes)
        {
            if (pod.IsUsed(volume))
            {
                continue;
            }

            foreach (var projection in volume.Projections)
            {
                Add(edges, ReferenceEdgeKind.UnmountedVolume, ns, projection.Reference, owner, (YamlNode?)projection.Reference?.NameNode ?? volume.Node, null);
            }
        }

        foreach (var name in pod.ImagePullSecretNames)
        {
            edges.Add(new ReferenceEdge(ReferenceEdgeKind.ServiceAccountOrPullSecret, Secret(ns, name.Value), owner, name, null));
        }

        foreach (var name in pod.VolumePluginSecretNames)
        {
            edges.Add(new ReferenceEdge(ReferenceEdgeKind.VolumePluginSecret, Secret(ns, name.Value), owner, name, null));
        }
    }

    private static void Add(List<ReferenceEdge> edges, ReferenceEdgeKind kind, string ns, ObjectReference? reference, Owner owner, YamlNode node, string? container)
    {
        if (reference?.Name is { Length: > 0 } name)
        {
            edges.Add(new ReferenceEdge(kind, new ObjectIdentity(reference.KindName, ns, name), owner, node, container));
        }
    }

    private static ObjectIdentity Secret(string ns, string name) => new("Secret", ns, name);
}
