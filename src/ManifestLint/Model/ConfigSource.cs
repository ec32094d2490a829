using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>Where a ConfigMap or Secret that pods can consume comes from.</summary>
public enum ConfigOrigin
{
    /// <summary>A ConfigMap or Secret object written in a manifest of the set.</summary>
    Manifest,

    /// <summary>A kustomize <c>configMapGenerator</c>/<c>secretGenerator</c> entry.</summary>
    Generator,

    /// <summary>Made at run time by a controller from another object of the set (a cert-manager Certificate).</summary>
    Producer,

    /// <summary>Present in every namespace of a cluster that runs some component (<c>kube-root-ca.crt</c>).</summary>
    Implicit,
}

/// <summary>
/// One definition of a ConfigMap or Secret that pods can consume: an object of the linted set, an entry of a
/// kustomize <c>configMapGenerator</c>/<c>secretGenerator</c>, an object a controller makes from another object
/// of the set, or an object every namespace has. It records the keys each consumer sees: an environment variable
/// reads ConfigMap <c>data</c> only, or Secret <c>data</c> and <c>stringData</c>; a volume projects every key,
/// <c>binaryData</c> included (docs/kubernetes-behaviour.md#binarydata-base64, docs/kubernetes-behaviour.md#missing-env-reference, docs/kubernetes-behaviour.md#items-missing-key).
/// </summary>
public sealed class ConfigSource
{
    // A large run keeps one ConfigSource per ConfigMap and Secret for the whole run: keys as exact arrays (one shared
    // by both consumers when they see the same keys), and sets made only for the sources a reference asks about.
    private readonly string[] _environmentKeys;
    private readonly string[] _volumeKeys;
    private HashSet<string>? _environmentKeySet;
    private HashSet<string>? _volumeKeySet;

    // The ConfigMap or Secret object, for where its keys are written (asked only for a finding's related locations:
    // a dropped tree is read again then); null for other origins. The graph holds no node of it.
    private KubeObject? _object;

    internal ConfigSource(
        ConfigKind kind,
        string name,
        string? @namespace,
        SourceFile? file,
        SourceRange? nameRange,
        List<string> environmentKeys,
        List<string> volumeKeys,
        bool keysKnown,
        bool immutable,
        bool extendsBase,
        ConfigOrigin origin,
        string? madeBy = null)
    {
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        File = file;
        NameRange = nameRange;
        _environmentKeys = environmentKeys.ToArray();
        _volumeKeys = volumeKeys.SequenceEqual(environmentKeys, StringComparer.Ordinal) ? _environmentKeys : volumeKeys.ToArray();
        KeysKnown = keysKnown;
        Immutable = immutable;
        ExtendsBase = extendsBase;
        Origin = origin;
        MadeBy = madeBy;
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

    /// <summary>The file that defines it: the object's manifest, the kustomization, the producer's manifest; null for implicit objects.</summary>
    public SourceFile? File { get; }

    /// <summary>
    /// Where the definition names itself in <see cref="File"/>: <c>metadata.name</c>, the generator entry's
    /// <c>name</c>, the producer's field that gives the name; null for implicit objects. The graph keeps places, not
    /// YAML nodes: it outlives the trees it was read from.
    /// </summary>
    public SourceRange? NameRange { get; }

    /// <summary>True for a ConfigMap or Secret written in a manifest without <c>metadata.namespace</c> (it takes the default).</summary>
    public bool WrittenWithoutNamespace { get; private init; }

    public ConfigOrigin Origin { get; }

    public bool IsGenerated => Origin == ConfigOrigin.Generator;

    /// <summary>
    /// True when references from every namespace see it: a generated source (kustomize moves it and the workloads
    /// of its build into one namespace), an implicit object, or what a cluster-wide producer makes.
    /// </summary>
    public bool InEveryNamespace => Namespace is null || (Origin is ConfigOrigin.Generator && !IsBuilt) || Origin is ConfigOrigin.Implicit;

    /// <summary>True for what a kustomize build made: its name and namespace are the built ones.</summary>
    public bool IsBuilt { get; private init; }

    /// <summary>
    /// True for a built generator's object whose name kustomize ends with its content hash (<c>app-config-5fgh2k8m9t</c>);
    /// <see cref="Name"/> is the name without it, as the build's references are.
    /// </summary>
    public bool IsHashSuffixed { get; private init; }

    /// <summary>What makes a producer's or an implicit object: <c>Certificate cert-manager/web</c>, <c>istiod</c>.</summary>
    public string? MadeBy { get; }

    /// <summary>
    /// True when the name is only a word a workload that may create objects is given (RBAC tells no more): enough
    /// not to call a reference missing, never offered as "did you mean".
    /// </summary>
    public bool IsGuessed { get; private init; }

    /// <summary>Keys an environment variable (<c>configMapKeyRef</c>, <c>envFrom</c>) can read, in source order.</summary>
    public IReadOnlyList<string> EnvironmentKeys => _environmentKeys;

    /// <summary>Keys a volume projects as files, in source order.</summary>
    public IReadOnlyList<string> VolumeKeys => _volumeKeys;

    /// <summary>
    /// False when some keys cannot be known: an unreadable kustomize <c>envs</c> file, a data field that is not a
    /// mapping, a service-account token Secret (the token controller fills it in).
    /// </summary>
    public bool KeysKnown { get; }

    /// <summary>
    /// True when pods never see a changed content: <c>immutable: true</c> (a generator's <c>options.immutable</c>),
    /// or a kustomize generator with its content hash in the name, which a change renames (the pods roll).
    /// </summary>
    public bool Immutable { get; }

    /// <summary>A generator with <c>behavior: merge</c>: it only adds keys to a base defined elsewhere.</summary>
    public bool ExtendsBase { get; }

    /// <summary>
    /// <c>ConfigMap default/app</c>, <c>ConfigMap app (configMapGenerator of base/kustomization.yaml)</c>,
    /// <c>Secret web/web-tls (made by Certificate web/web)</c>, <c>ConfigMap kube-root-ca.crt (made by ...)</c>.
    /// </summary>
    public string DisplayName => Origin switch
    {
        ConfigOrigin.Generator when IsBuilt => $"{KindName} {Namespace}/{Name} ({(Kind == ConfigKind.ConfigMap ? "configMapGenerator" : "secretGenerator")} of {File!.DisplayPath})",
        ConfigOrigin.Generator => $"{KindName} {Name} ({(Kind == ConfigKind.ConfigMap ? "configMapGenerator" : "secretGenerator")} of {File!.DisplayPath})",
        ConfigOrigin.Producer => $"{KindName} {(Namespace is null ? string.Empty : Namespace + "/")}{Name} (made by {MadeBy})",
        ConfigOrigin.Implicit => $"{KindName} {Name} (made by {MadeBy})",
        _ => $"{KindName} {Namespace}/{Name}",
    };

    public bool HasEnvironmentKey(string key) => KeySet(ref _environmentKeySet, _environmentKeys).Contains(key);

    /// <summary>
    /// Where an environment variable's key is written: the key of <c>data</c> Kubernetes keeps (the last), else that
    /// of <c>stringData</c>; for a generator or a producer that makes the key, where it names the object; null when
    /// the definition does not make the key or shows no place.
    /// </summary>
    public (SourceFile File, SourceRange Range)? EnvironmentKeyPlace(string key)
    {
        if (_object is { } obj)
        {
            var data = ConfigData.From(obj);
            return (data?.Data?.GetEntry(key) ?? data?.StringData?.GetEntry(key)) is { } entry
                ? (obj.Origins is null ? obj.File : obj.FileOf(entry.Key), entry.KeyRange)
                : null;
        }

        return File is { } file && NameRange is { } range && HasEnvironmentKey(key) ? (file, range) : null;
    }

    public bool HasVolumeKey(string key) =>
        ReferenceEquals(_volumeKeys, _environmentKeys) ? HasEnvironmentKey(key) : KeySet(ref _volumeKeySet, _volumeKeys).Contains(key);

    private static HashSet<string> KeySet(ref HashSet<string>? set, string[] keys) =>
        Volatile.Read(ref set) ?? LazyInitializer.EnsureInitialized(ref set, () => new HashSet<string>(keys, StringComparer.Ordinal))!;

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
            // binaryData is projected into volumes but never reaches environment variables (docs/kubernetes-behaviour.md#binarydata-base64, docs/kubernetes-behaviour.md#missing-env-reference).
            known &= AddKeys(obj.Root, "binaryData", data.BinaryData, null, volume);
        }
        else
        {
            // stringData is merged into data when the Secret is written. (The token controller's keys of a
            // service-account-token Secret come from the knowledge table, as a producer.)
            known &= AddKeys(obj.Root, "stringData", data.StringData, environment, volume);
        }

        return new ConfigSource(data.Kind, obj.Name, obj.Namespace, obj.FileOf(obj.NameNode), obj.NameNode.Range,
            environment, volume, known, data.Immutable, extendsBase: false, ConfigOrigin.Manifest)
        {
            WrittenWithoutNamespace = !obj.HasExplicitNamespace,
            _object = obj,
        };
    }

    /// <summary>What a generator of a kustomize build makes, with its built name and namespace.</summary>
    internal static ConfigSource FromBuildGenerator(Kustomize.GeneratedObject made, string @namespace) =>
        new(made.Kind, made.Name, @namespace, made.File, made.NameNode.Range,
            new List<string>(made.Keys), new List<string>(made.Keys), made.KeysKnown, made.Immutable || made.Hashed, extendsBase: false, ConfigOrigin.Generator)
        {
            IsBuilt = true,
            IsHashSuffixed = made.Hashed,
        };

    /// <summary>What a controller makes from an object of the set.</summary>
    internal static ConfigSource FromProducer(Knowledge.ProducedObject made, string? madeBy = null, bool guessed = false)
    {
        var keys = made.Keys ?? Array.Empty<string>();
        return new ConfigSource(made.Kind, made.Name, made.Namespace, made.Anchor is null ? made.Producer.File : made.Producer.FileOf(made.Anchor), made.Anchor?.Range,
            new List<string>(keys), new List<string>(keys), made.Keys is not null, immutable: false, extendsBase: false,
            ConfigOrigin.Producer, madeBy ?? made.Producer.DisplayName)
        {
            IsGuessed = guessed,
        };
    }

    /// <summary>An object every namespace has; it has no location in the set.</summary>
    internal static ConfigSource FromImplicit(Knowledge.ImplicitObject implicitObject)
    {
        var keys = implicitObject.Keys ?? Array.Empty<string>();
        return new ConfigSource(implicitObject.Kind, implicitObject.Name, null, null, null,
            new List<string>(keys), new List<string>(keys), implicitObject.Keys is not null, immutable: false, extendsBase: false,
            ConfigOrigin.Implicit, implicitObject.MadeBy);
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
