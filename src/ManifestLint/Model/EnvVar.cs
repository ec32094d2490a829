using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>An <c>env</c> entry.</summary>
public sealed class EnvVar
{
    internal EnvVar(Container container, YamlMapping node, int index)
    {
        Container = container;
        Node = node;
        Index = index;
        NameNode = node.GetScalar("name");
        Name = node.GetString("name");
        ValueNode = node.GetScalar("value");
        ValueFrom = node.GetMapping("valueFrom");
        if (ValueFrom?.GetMapping("configMapKeyRef") is { } configMapKeyRef)
        {
            KeyReference = new ObjectReference(ConfigKind.ConfigMap, configMapKeyRef, "name");
        }
        else if (ValueFrom?.GetMapping("secretKeyRef") is { } secretKeyRef)
        {
            KeyReference = new ObjectReference(ConfigKind.Secret, secretKeyRef, "name");
        }
    }

    public Container Container { get; }

    public YamlMapping Node { get; }

    public int Index { get; }

    public YamlScalar? NameNode { get; }

    public string? Name { get; }

    public YamlScalar? ValueNode { get; }

    public YamlMapping? ValueFrom { get; }

    /// <summary>The <c>configMapKeyRef</c> or <c>secretKeyRef</c>, if that is the source.</summary>
    public ObjectReference? KeyReference { get; }

    public string Path => $"{Container.Path}.env[{Index}]";
}

/// <summary>An <c>envFrom</c> entry.</summary>
public sealed class EnvFromSource
{
    internal EnvFromSource(Container container, YamlMapping node, int index)
    {
        Container = container;
        Node = node;
        Index = index;
        PrefixNode = node.GetScalar("prefix");
        Prefix = node.GetString("prefix") ?? string.Empty;
        if (node.GetMapping("configMapRef") is { } configMapRef)
        {
            Reference = new ObjectReference(ConfigKind.ConfigMap, configMapRef, "name");
        }
        else if (node.GetMapping("secretRef") is { } secretRef)
        {
            Reference = new ObjectReference(ConfigKind.Secret, secretRef, "name");
        }
    }

    public Container Container { get; }

    public YamlMapping Node { get; }

    public int Index { get; }

    public YamlScalar? PrefixNode { get; }

    public string Prefix { get; }

    public ObjectReference? Reference { get; }

    public string Path => $"{Container.Path}.envFrom[{Index}]";
}
