using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>A <c>volumeMounts</c> entry.</summary>
public sealed class VolumeMount
{
    internal VolumeMount(Container container, YamlMapping node, int index)
    {
        Container = container;
        Node = node;
        Index = index;
        NameNode = node.GetScalar("name");
        Name = node.GetString("name");
        MountPathNode = node.GetScalar("mountPath");
        MountPath = node.GetString("mountPath");
        SubPathNode = node.GetScalar("subPath");
        var subPath = node.GetString("subPath");
        SubPath = string.IsNullOrEmpty(subPath) ? null : subPath;
        SubPathExprNode = node.GetScalar("subPathExpr");
        SubPathExpr = node.GetString("subPathExpr");
        ReadOnlyNode = node.GetScalar("readOnly");
    }

    public Container Container { get; }

    public YamlMapping Node { get; }

    public int Index { get; }

    public YamlScalar? NameNode { get; }

    public string? Name { get; }

    public YamlScalar? MountPathNode { get; }

    public string? MountPath { get; }

    public YamlScalar? SubPathNode { get; }

    /// <summary>The subPath, or null when absent or empty (an empty subPath means the whole volume).</summary>
    public string? SubPath { get; }

    public YamlScalar? SubPathExprNode { get; }

    public string? SubPathExpr { get; }

    public YamlScalar? ReadOnlyNode { get; }

    public string Path => $"{Container.Path}.volumeMounts[{Index}]";
}
