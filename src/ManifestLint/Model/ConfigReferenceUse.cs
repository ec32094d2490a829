namespace ManifestLint.Model;

/// <summary>The four places a pod spec names a ConfigMap or Secret.</summary>
public enum ConfigReferenceSite
{
    /// <summary><c>env[].valueFrom.configMapKeyRef</c> / <c>secretKeyRef</c>.</summary>
    EnvKey,

    /// <summary><c>envFrom[].configMapRef</c> / <c>secretRef</c>.</summary>
    EnvFrom,

    /// <summary><c>volumes[].configMap</c> / <c>secret</c>.</summary>
    Volume,

    /// <summary><c>volumes[].projected.sources[].configMap</c> / <c>secret</c>.</summary>
    ProjectedSource,
}

/// <summary>
/// One reference of a pod spec to a ConfigMap or Secret, with where it sits: the container that reads it into
/// its environment, or the volume (and projected source) that mounts it.
/// </summary>
public sealed class ConfigReferenceUse
{
    private ConfigReferenceUse(PodSpec pod, ObjectReference reference, ConfigReferenceSite site, Container? container, EnvVar? envVar, EnvFromSource? envFrom, VolumeProjection? projection)
    {
        Pod = pod;
        Reference = reference;
        Site = site;
        Container = container;
        EnvVar = envVar;
        EnvFrom = envFrom;
        Projection = projection;
    }

    public PodSpec Pod { get; }

    public ObjectReference Reference { get; }

    public ConfigReferenceSite Site { get; }

    /// <summary>The container whose environment reads it; null for volumes.</summary>
    public Container? Container { get; }

    public EnvVar? EnvVar { get; }

    public EnvFromSource? EnvFrom { get; }

    /// <summary>The volume source (or projected source) that reads it; null for environment references.</summary>
    public VolumeProjection? Projection { get; }

    public Volume? Volume => Projection?.Volume;

    public bool IsVolume => Projection is not null;

    /// <summary>The YAML path of the mapping that holds the reference's name.</summary>
    public string Path => Site switch
    {
        ConfigReferenceSite.EnvKey => $"{EnvVar!.Path}.valueFrom.{(Reference.Kind == ConfigKind.ConfigMap ? "configMapKeyRef" : "secretKeyRef")}",
        ConfigReferenceSite.EnvFrom => $"{EnvFrom!.Path}.{(Reference.Kind == ConfigKind.ConfigMap ? "configMapRef" : "secretRef")}",
        ConfigReferenceSite.ProjectedSource => $"{Projection!.Path}.{(Reference.Kind == ConfigKind.ConfigMap ? "configMap" : "secret")}",
        _ => Projection!.Path,
    };

    internal static IReadOnlyList<ConfigReferenceUse> Collect(PodSpec pod)
    {
        var uses = new List<ConfigReferenceUse>();
        foreach (var container in pod.Containers)
        {
            foreach (var envVar in container.Env)
            {
                if (envVar.KeyReference is { } reference)
                {
                    uses.Add(new ConfigReferenceUse(pod, reference, ConfigReferenceSite.EnvKey, container, envVar, null, null));
                }
            }

            foreach (var envFrom in container.EnvFrom)
            {
                if (envFrom.Reference is { } reference)
                {
                    uses.Add(new ConfigReferenceUse(pod, reference, ConfigReferenceSite.EnvFrom, container, null, envFrom, null));
                }
            }
        }

        foreach (var volume in pod.Volumes)
        {
            foreach (var projection in volume.Projections)
            {
                if (projection.Reference is { } reference)
                {
                    var site = projection.SourceIndex < 0 ? ConfigReferenceSite.Volume : ConfigReferenceSite.ProjectedSource;
                    uses.Add(new ConfigReferenceUse(pod, reference, site, null, null, null, projection));
                }
            }
        }

        return uses;
    }
}
