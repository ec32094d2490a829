using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>The two kinds a pod spec can point at for configuration.</summary>
public enum ConfigKind
{
    ConfigMap,
    Secret,
}

/// <summary>
/// A reference from a pod spec to a ConfigMap or Secret: a <c>configMapKeyRef</c>/<c>secretKeyRef</c>, an
/// envFrom <c>configMapRef</c>/<c>secretRef</c>, a <c>configMap</c>/<c>secret</c> volume or projected source.
/// </summary>
public sealed class ObjectReference
{
    internal ObjectReference(ConfigKind kind, YamlMapping node, string nameField)
    {
        Kind = kind;
        Node = node;
        NameNode = node.GetScalar(nameField);
        Name = node.GetString(nameField);
        OptionalNode = node.GetScalar("optional");
        KeyNode = node.GetScalar("key");
        Key = node.GetString("key");
    }

    public ConfigKind Kind { get; }

    /// <summary>The mapping that holds <c>name</c> (or <c>secretName</c>), <c>optional</c> and for key refs <c>key</c>.</summary>
    public YamlMapping Node { get; }

    public YamlScalar? NameNode { get; }

    public string? Name { get; }

    public YamlScalar? OptionalNode { get; }

    /// <summary>True only for <c>optional: true</c> as Kubernetes reads it (<c>yes</c> and <c>on</c> too).</summary>
    public bool Optional => OptionalNode?.Resolved is { Type: ScalarType.Bool, Bool: true };

    public YamlScalar? KeyNode { get; }

    public string? Key { get; }

    public string KindName => Kind == ConfigKind.ConfigMap ? "ConfigMap" : "Secret";

    internal static ConfigKind? KindOfField(string field) => field switch
    {
        "configMap" or "configMapRef" or "configMapKeyRef" => ConfigKind.ConfigMap,
        "secret" or "secretRef" or "secretKeyRef" => ConfigKind.Secret,
        _ => null,
    };
}
