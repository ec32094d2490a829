using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// The data of a ConfigMap or Secret: ConfigMap <c>data</c>/<c>binaryData</c>, Secret <c>data</c> (base64) and
/// <c>stringData</c>, and <c>immutable</c>.
/// </summary>
public sealed class ConfigData
{
    private ConfigData(KubeObject owner, ConfigKind kind)
    {
        Owner = owner;
        Kind = kind;
        Data = owner.Root.GetMapping("data");
        BinaryData = kind == ConfigKind.ConfigMap ? owner.Root.GetMapping("binaryData") : null;
        StringData = kind == ConfigKind.Secret ? owner.Root.GetMapping("stringData") : null;
        ImmutableNode = owner.Root.GetScalar("immutable");
    }

    public KubeObject Owner { get; }

    public ConfigKind Kind { get; }

    /// <summary>ConfigMap <c>data</c> (strings) or Secret <c>data</c> (base64).</summary>
    public YamlMapping? Data { get; }

    /// <summary>ConfigMap <c>binaryData</c> (base64); null for Secrets.</summary>
    public YamlMapping? BinaryData { get; }

    /// <summary>Secret <c>stringData</c> (plain strings merged into data on write); null for ConfigMaps.</summary>
    public YamlMapping? StringData { get; }

    public YamlScalar? ImmutableNode { get; }

    public bool Immutable => ImmutableNode?.Resolved is { Type: ScalarType.Bool, Bool: true };

    /// <summary>The keys an environment variable can read: ConfigMap <c>data</c>; Secret <c>data</c> and <c>stringData</c>.</summary>
    public IEnumerable<string> EnvironmentKeys => Kind == ConfigKind.ConfigMap
        ? KeysOf(Data)
        : KeysOf(Data).Concat(KeysOf(StringData));

    /// <summary>The keys a volume can project: every key of every data map.</summary>
    public IEnumerable<string> VolumeKeys => KeysOf(Data).Concat(KeysOf(BinaryData)).Concat(KeysOf(StringData));

    public static ConfigData? From(KubeObject obj) => obj.Kind switch
    {
        "ConfigMap" => new ConfigData(obj, ConfigKind.ConfigMap),
        "Secret" => new ConfigData(obj, ConfigKind.Secret),
        _ => null,
    };

    private static IEnumerable<string> KeysOf(YamlMapping? mapping)
    {
        if (mapping is null)
        {
            yield break;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Name is not null)
            {
                yield return entry.Name;
            }
        }
    }
}
