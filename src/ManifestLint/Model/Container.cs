using ManifestLint.Yaml;

namespace ManifestLint.Model;

public enum ContainerKind
{
    Init,
    Regular,
    Ephemeral,
}

public sealed class Container
{
    private IReadOnlyList<EnvVar>? _env;
    private IReadOnlyList<EnvFromSource>? _envFrom;
    private IReadOnlyList<VolumeMount>? _mounts;

    internal Container(PodSpec pod, YamlMapping node, ContainerKind kind, int index)
    {
        Pod = pod;
        Node = node;
        Kind = kind;
        Index = index;
        NameNode = node.GetScalar("name");
        Name = node.GetString("name");
    }

    public PodSpec Pod { get; }

    public YamlMapping Node { get; }

    public ContainerKind Kind { get; }

    /// <summary>Position in its own list (<c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c>).</summary>
    public int Index { get; }

    public YamlScalar? NameNode { get; }

    public string? Name { get; }

    public string ListName => ListNameOf(Kind);

    public string Path => $"{Pod.Path}.{ListName}[{Index}]";

    /// <summary><c>init container 'setup'</c> or <c>container 'app'</c>, for messages.</summary>
    public string DisplayName => Kind switch
    {
        ContainerKind.Init => $"init container '{Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}'",
        ContainerKind.Ephemeral => $"ephemeral container '{Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}'",
        _ => $"container '{Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}'",
    };

    public IReadOnlyList<EnvVar> Env => _env ??= ReadList(Node, "env", (m, i) => new EnvVar(this, m, i));

    public IReadOnlyList<EnvFromSource> EnvFrom => _envFrom ??= ReadList(Node, "envFrom", (m, i) => new EnvFromSource(this, m, i));

    public IReadOnlyList<VolumeMount> VolumeMounts => _mounts ??= ReadList(Node, "volumeMounts", (m, i) => new VolumeMount(this, m, i));

    public YamlSequence? Command => Node.GetSequence("command");

    public YamlSequence? Args => Node.GetSequence("args");

    /// <summary>The last <see cref="ContainerEnvironment"/> built for this container (see <see cref="ContainerEnvironment.Of"/>).</summary>
    internal ContainerEnvironment? CachedEnvironment { get; set; }

    public static string ListNameOf(ContainerKind kind) => kind switch
    {
        ContainerKind.Init => "initContainers",
        ContainerKind.Ephemeral => "ephemeralContainers",
        _ => "containers",
    };

    internal static IReadOnlyList<T> ReadList<T>(YamlMapping node, string field, Func<YamlMapping, int, T> create)
    {
        if (node[field] is not YamlSequence sequence || sequence.Count == 0)
        {
            return Array.Empty<T>();
        }

        var list = new List<T>(sequence.Count);
        for (var i = 0; i < sequence.Count; i++)
        {
            if (sequence[i] is YamlMapping mapping && !PatchDirectives.IsDirectiveElement(mapping))
            {
                list.Add(create(mapping, i));
            }
        }

        return list;
    }
}
