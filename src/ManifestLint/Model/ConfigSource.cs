using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// One definition of a ConfigMap or Secret that pods can consume: an object of the linted set, or an entry of a
/// kustomize <c>configMapGenerator</c>/<c>secretGenerator</c>. It records the keys each consumer sees: an
/// environment variable reads ConfigMap <c>data</c> only, or Secret <c>data</c> and <c>stringData</c>; a volume
/// projects every key, <c>binaryData</c> included (ground truth §5, §10a, §10d).
/// </summary>
public sealed class ConfigSource
{
    private readonly List<string> _environmentKeys;
    private readonly List<string> _volumeKeys;
    private readonly HashSet<string> _environmentKeySet;
    private readonly HashSet<string> _volumeKeySet;

    internal ConfigSource(
        ConfigKind kind,
        string name,
        string? @namespace,
        SourceFile file,
        YamlNode nameNode,
        KubeObject? obj,
        Kustomization? kustomization,
        List<string> environmentKeys,
        List<string> volumeKeys,
        bool keysKnown,
        bool immutable,
        bool extendsBase)
    {
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        File = file;
        NameNode = nameNode;
        Object = obj;
        Kustomization = kustomization;
        _environmentKeys = environmentKeys;
        _volumeKeys = volumeKeys;
        _environmentKeySet = new HashSet<string>(environmentKeys, StringComparer.Ordinal);
        _volumeKeySet = new HashSet<string>(volumeKeys, StringComparer.Ordinal);
        KeysKnown = keysKnown;
        Immutable = immutable;
        ExtendsBase = extendsBase;
    }

    public ConfigKind Kind { get; }

    public string KindName => Kind == ConfigKind.ConfigMap ? "ConfigMap" : "Secret";

    public string Name { get; }

    /// <summary>
    /// The object's namespace (the run's default when it names none). For a generated source, the namespace its
    /// kustomization or generator entry declares, or null; lookups ignore it, because kustomize's namespace
    /// transformer moves the generated object and the workloads of the same build together, so unrendered it
    /// serves every namespace.
    /// </summary>
    public string? Namespace { get; }

    /// <summary>The file that defines it: the object's manifest or the kustomization.</summary>
    public SourceFile File { get; }

    /// <summary>Where the definition names itself: <c>metadata.name</c>, or the generator entry's <c>name</c>.</summary>
    public YamlNode NameNode { get; }

    /// <summary>The ConfigMap or Secret object; null for a generated source.</summary>
    public KubeObject? Object { get; }

    /// <summary>The kustomization whose generator defines it; null for an object.</summary>
    public Kustomization? Kustomization { get; }

    public bool IsGenerated => Kustomization is not null;

    /// <summary>Keys an environment variable (<c>configMapKeyRef</c>, <c>envFrom</c>) can read, in source order.</summary>
    public IReadOnlyList<string> EnvironmentKeys => _environmentKeys;

    /// <summary>Keys a volume projects as files, in source order.</summary>
    public IReadOnlyList<string> VolumeKeys => _volumeKeys;

    /// <summary>
    /// False when some keys cannot be known: an unreadable kustomize <c>envs</c> file, a data field that is not a
    /// mapping, a service-account token Secret (the token controller fills it in).
    /// </summary>
    public bool KeysKnown { get; }

    /// <summary><c>immutable: true</c> (a generator's <c>options.immutable</c>).</summary>
    public bool Immutable { get; }

    /// <summary>A generator with <c>behavior: merge</c>: it only adds keys to a base defined elsewhere.</summary>
    public bool ExtendsBase { get; }

    /// <summary><c>ConfigMap default/app</c>, or <c>ConfigMap app (configMapGenerator of base/kustomization.yaml)</c>.</summary>
    public string DisplayName => IsGenerated
        ? $"{KindName} {Name} ({(Kind == ConfigKind.ConfigMap ? "configMapGenerator" : "secretGenerator")} of {File.DisplayPath})"
        : $"{KindName} {Namespace}/{Name}";

    public bool HasEnvironmentKey(string key) => _environmentKeySet.Contains(key);

    public bool HasVolumeKey(string key) => _volumeKeySet.Contains(key);

    public override string ToString() => DisplayName;

    /// <summary>The definition an object of kind ConfigMap or Secret makes; null for other kinds or unnamed objects.</summary>
    internal static ConfigSource? FromObject(KubeObject obj)
    {
        if (obj.Name is null || obj.NameNode is null || ConfigData.From(obj) is not { } data)
        {
            return null;
        }

        var environment = new List<string>();
        var volume = new List<string>();
        var known = true;
        known &= AddKeys(obj.Root, "data", data.Data, environment, volume);
        if (data.Kind == ConfigKind.ConfigMap)
        {
            // binaryData is projected into volumes but never reaches environment variables (§5, §10a).
            known &= AddKeys(obj.Root, "binaryData", data.BinaryData, null, volume);
        }
        else
        {
            // stringData is merged into data when the Secret is written.
            known &= AddKeys(obj.Root, "stringData", data.StringData, environment, volume);

            // The token controller adds token, ca.crt and namespace to these Secrets after they are created.
            known &= obj.Root.GetString("type") != "kubernetes.io/service-account-token";
        }

        return new ConfigSource(data.Kind, obj.Name, obj.Namespace, obj.File, obj.NameNode, obj, null,
            environment, volume, known, data.Immutable, extendsBase: false);
    }

    /// <summary>Adds the keys of one data map; false when the field is there but is not a mapping (keys unknown).</summary>
    private static bool AddKeys(YamlMapping root, string field, YamlMapping? map, List<string>? environment, List<string> volume)
    {
        if (map is null)
        {
            // Absent or null is an empty map; any other shape is rejected by the API (ML0005) and tells us nothing.
            return root[field] is null or YamlScalar { ResolvedType: ScalarType.Null };
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Name is null)
            {
                continue;
            }

            environment?.Add(entry.Name);
            volume.Add(entry.Name);
        }

        return true;
    }
}
