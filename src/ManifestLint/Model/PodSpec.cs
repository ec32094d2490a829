using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>A pod spec wherever it sits (a Pod's <c>spec</c>, a workload's template, a CronJob's job template).</summary>
public sealed class PodSpec
{
    private IReadOnlyList<Container>? _containers;
    private IReadOnlyList<Volume>? _volumes;

    internal PodSpec(KubeObject owner, YamlMapping node, string path)
    {
        Owner = owner;
        Node = node;
        Path = path;
    }

    public KubeObject Owner { get; }

    public YamlMapping Node { get; }

    /// <summary>The YAML path from the object's root, e.g. <c>spec.template.spec</c>.</summary>
    public string Path { get; }

    /// <summary>Init containers first (they run first), then containers, then ephemeral containers.</summary>
    public IReadOnlyList<Container> Containers => _containers ??= ReadContainers();

    public IReadOnlyList<Volume> Volumes => _volumes ??= ReadVolumes();

    /// <summary>The volume Kubernetes would use for a mount of <paramref name="name"/>: the first of that name.</summary>
    public Volume? FindVolume(string? name)
    {
        if (name is null)
        {
            return null;
        }

        foreach (var volume in Volumes)
        {
            if (string.Equals(volume.Name, name, StringComparison.Ordinal))
            {
                return volume;
            }
        }

        return null;
    }

    private IReadOnlyList<Container> ReadContainers()
    {
        var list = new List<Container>();
        foreach (var kind in new[] { ContainerKind.Init, ContainerKind.Regular, ContainerKind.Ephemeral })
        {
            var listName = Container.ListNameOf(kind);
            if (Node[listName] is not YamlSequence sequence)
            {
                continue;
            }

            for (var i = 0; i < sequence.Count; i++)
            {
                if (sequence[i] is YamlMapping mapping)
                {
                    list.Add(new Container(this, mapping, kind, i));
                }
            }
        }

        return list;
    }

    private IReadOnlyList<Volume> ReadVolumes()
    {
        if (Node["volumes"] is not YamlSequence sequence)
        {
            return Array.Empty<Volume>();
        }

        var list = new List<Volume>(sequence.Count);
        for (var i = 0; i < sequence.Count; i++)
        {
            if (sequence[i] is YamlMapping mapping)
            {
                list.Add(new Volume(this, mapping, i));
            }
        }

        return list;
    }
}
