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

    public static ConfigData? From(KubeObject obj) => obj.Kind switch
    {
        "ConfigMap" => new ConfigData(obj, ConfigKind.ConfigMap),
        "Secret" => new ConfigData(obj, ConfigKind.Secret),
        _ => null,
    };
}
