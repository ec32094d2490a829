using ManifestLint.Yaml;

namespace ManifestLint.Model;

public enum VolumeSourceKind
{
    None,
    ConfigMap,
    Secret,
    Projected,
    DownwardApi,
    Other,
}

/// <summary>A pod volume. ConfigMap, Secret and projected volumes expose their sources as projections.</summary>
public sealed class Volume
{
    private static readonly string[] SourceFields = { "configMap", "secret", "projected", "downwardAPI" };

    internal Volume(PodSpec pod, YamlMapping node, int index)
    {
        Pod = pod;
        Node = node;
        Index = index;
        NameNode = node.GetScalar("name");
        Name = node.GetString("name");
        foreach (var entry in node.Entries)
        {
            if (entry.Name is null or "name" || PatchDirectives.IsDirectiveKey(entry.Name))
            {
                continue;
            }

            var kind = entry.Name switch
            {
                "configMap" => VolumeSourceKind.ConfigMap,
                "secret" => VolumeSourceKind.Secret,
                "projected" => VolumeSourceKind.Projected,
                "downwardAPI" => VolumeSourceKind.DownwardApi,
                _ => VolumeSourceKind.Other,
            };
            if (SourceKind == VolumeSourceKind.None || Array.IndexOf(SourceFields, entry.Name) >= 0)
            {
                SourceKind = kind;
                SourceName = entry.Name;
                Source = entry.Value as YamlMapping;
            }
        }

        Projections = ReadProjections();
    }

    public PodSpec Pod { get; }

    public YamlMapping Node { get; }

    public int Index { get; }

    public YamlScalar? NameNode { get; }

    public string? Name { get; }

    public VolumeSourceKind SourceKind { get; }

    /// <summary>The field that names the source: <c>configMap</c>, <c>emptyDir</c>, <c>persistentVolumeClaim</c>...</summary>
    public string? SourceName { get; }

    /// <summary>The source's mapping (<c>configMap: {...}</c>), if it is a mapping.</summary>
    public YamlMapping? Source { get; }

    /// <summary><c>defaultMode</c> of a configMap, secret, downwardAPI or projected volume.</summary>
    public YamlNode? DefaultModeNode => Source?["defaultMode"];

    /// <summary>
    /// What the volume projects: one entry for a configMap, secret or downwardAPI volume, one per source of a
    /// projected volume. Empty for other volume types.
    /// </summary>
    public IReadOnlyList<VolumeProjection> Projections { get; }

    /// <summary>True for configMap, secret, projected and downwardAPI volumes, which the kubelet always mounts read-only.</summary>
    public bool IsAlwaysReadOnly => SourceKind is VolumeSourceKind.ConfigMap or VolumeSourceKind.Secret
        or VolumeSourceKind.Projected or VolumeSourceKind.DownwardApi;

    public string Path => $"{Pod.Path}.volumes[{Index}]";

    private IReadOnlyList<VolumeProjection> ReadProjections()
    {
        if (Source is null)
        {
            return Array.Empty<VolumeProjection>();
        }

        switch (SourceKind)
        {
            case VolumeSourceKind.ConfigMap:
                return new[] { new VolumeProjection(this, -1, VolumeSourceKind.ConfigMap, Source) };
            case VolumeSourceKind.Secret:
                return new[] { new VolumeProjection(this, -1, VolumeSourceKind.Secret, Source) };
            case VolumeSourceKind.DownwardApi:
                return new[] { new VolumeProjection(this, -1, VolumeSourceKind.DownwardApi, Source) };
            case VolumeSourceKind.Projected when Source["sources"] is YamlSequence sources:
                var list = new List<VolumeProjection>(sources.Count);
                for (var i = 0; i < sources.Count; i++)
                {
                    if (sources[i] is not YamlMapping source || PatchDirectives.IsDirectiveElement(source))
                    {
                        continue;
                    }

                    var (kind, node) = source.GetMapping("configMap") is { } cm ? (VolumeSourceKind.ConfigMap, cm)
                        : source.GetMapping("secret") is { } secret ? (VolumeSourceKind.Secret, secret)
                        : source.GetMapping("downwardAPI") is { } downward ? (VolumeSourceKind.DownwardApi, downward)
                        : (VolumeSourceKind.Other, source);
                    list.Add(new VolumeProjection(this, i, kind, node));
                }

                return list;
            default:
                return Array.Empty<VolumeProjection>();
        }
    }
}

/// <summary>One thing a volume projects: a ConfigMap, a Secret, downward API fields, or another projected source.</summary>
public sealed class VolumeProjection
{
    internal VolumeProjection(Volume volume, int sourceIndex, VolumeSourceKind kind, YamlMapping node)
    {
        Volume = volume;
        SourceIndex = sourceIndex;
        Kind = kind;
        Node = node;
        Reference = kind switch
        {
            VolumeSourceKind.ConfigMap => new ObjectReference(ConfigKind.ConfigMap, node, "name"),
            // A secret volume names its Secret with `secretName`; a projected secret source with `name`.
            VolumeSourceKind.Secret => new ObjectReference(ConfigKind.Secret, node, sourceIndex < 0 ? "secretName" : "name"),
            _ => null,
        };
        Items = Container.ReadList(node, "items", (m, i) => new KeyToPath(this, m, i));
    }

    public Volume Volume { get; }

    /// <summary>Index in <c>projected.sources</c>, or -1 for a plain volume.</summary>
    public int SourceIndex { get; }

    public VolumeSourceKind Kind { get; }

    /// <summary>The configMap/secret/downwardAPI mapping (for other projected sources, the source entry).</summary>
    public YamlMapping Node { get; }

    /// <summary>The ConfigMap or Secret this projection reads, if any.</summary>
    public ObjectReference? Reference { get; }

    public YamlSequence? ItemsNode => Node.GetSequence("items");

    public IReadOnlyList<KeyToPath> Items { get; }

    public string Path => SourceIndex < 0
        ? $"{Volume.Path}.{Volume.SourceName}"
        : $"{Volume.Path}.projected.sources[{SourceIndex}]";
}

/// <summary>An <c>items</c> entry: <c>key</c> (or downward API field), <c>path</c>, <c>mode</c>.</summary>
public sealed class KeyToPath
{
    internal KeyToPath(VolumeProjection projection, YamlMapping node, int index)
    {
        Projection = projection;
        Node = node;
        Index = index;
        KeyNode = node.GetScalar("key");
        Key = node.GetString("key");
        PathNode = node.GetScalar("path");
        Path = node.GetString("path");
    }

    public VolumeProjection Projection { get; }

    public YamlMapping Node { get; }

    public int Index { get; }

    public YamlScalar? KeyNode { get; }

    public string? Key { get; }

    public YamlScalar? PathNode { get; }

    public string? Path { get; }

    public YamlNode? ModeNode => Node["mode"];
}
