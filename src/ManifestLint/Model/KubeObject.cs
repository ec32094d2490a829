using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// A Kubernetes object: a read-only view over one YAML mapping (a document, or an item of a <c>*List</c>).
/// Nothing is copied; every accessor reads the node tree.
/// </summary>
public sealed class KubeObject
{
    private IReadOnlyList<PodSpec>? _podSpecs;

    // Computed once per object and shared by the rules that need them (a field, not a ConditionalWeakTable: the
    // table's lock was contended by the rule threads). Racing threads compute the same value; one is kept.
    internal ConfigPayload? PayloadMemo;
    internal IReadOnlyList<Schema.SchemaViolation>? SchemaViolationsMemo;

    /// <summary>Where a custom resource keeps its pod specs, from the knowledge table; null for other kinds.</summary>
    internal IReadOnlyList<Knowledge.FieldPath>? PodSpecPaths;

    internal KubeObject(SourceFile file, YamlDocument document, YamlMapping root, string path, string defaultNamespace)
    {
        File = file;
        Document = document;
        Root = root;
        Path = path;
        ApiVersion = root.GetString("apiVersion");
        Kind = root.GetString("kind");
        Metadata = root.GetMapping("metadata");
        NameNode = Metadata?.GetScalar("name");
        Name = Metadata?.GetString("name");
        NamespaceNode = Metadata?.GetScalar("namespace");
        var explicitNamespace = Metadata?.GetString("namespace");
        HasExplicitNamespace = !string.IsNullOrEmpty(explicitNamespace);
        Namespace = HasExplicitNamespace ? explicitNamespace! : defaultNamespace;
    }

    /// <summary>The file the object was written in (for a built object, the file of its resource document).</summary>
    public SourceFile File { get; }

    /// <summary>
    /// For an object a kustomize build changed: the nodes it took from other files (patches, the kustomization).
    /// Null for an object as written.
    /// </summary>
    public Kustomize.NodeOrigins? Origins { get; internal init; }

    /// <summary>The kustomize build this object comes out of; null for an object linted as written.</summary>
    public Kustomize.KustomizeBuild? Build { get; internal set; }

    /// <summary>The file <paramref name="node"/> of this object was written in: <see cref="File"/>, or a patch's or kustomization's.</summary>
    public SourceFile FileOf(YamlNode node) => Origins is null ? File : Origins.FileOf(Root, File, node);

    public YamlDocument Document { get; }

    public YamlMapping Root { get; }

    /// <summary>The YAML path of <see cref="Root"/> in its document: empty, or <c>items[3]</c> inside a list.</summary>
    public string Path { get; }

    public string? ApiVersion { get; }

    public string? Kind { get; }

    public YamlMapping? Metadata { get; }

    public YamlScalar? NameNode { get; }

    public string? Name { get; }

    public YamlScalar? NamespaceNode { get; }

    /// <summary>The object's namespace, or the run's default namespace when it names none.</summary>
    public string Namespace { get; }

    public bool HasExplicitNamespace { get; }

    public ObjectIdentity Identity => new(Kind ?? "?", Namespace, Name ?? "?");

    /// <summary><c>Deployment default/web</c>, as messages name objects.</summary>
    public string DisplayName => $"{Kind} {Namespace}/{Name ?? "(unnamed)"}";

    /// <summary>The node a finding about the whole object points at: <c>metadata.name</c>, else the kind.</summary>
    public YamlNode AnchorNode => (YamlNode?)NameNode ?? Metadata ?? (YamlNode?)Root.GetEntry("kind")?.Key ?? Root;

    /// <summary>Whether an API server would know this kind; set when the linted set is built.</summary>
    public Knowledge.ObjectApi Api { get; internal set; } = Knowledge.ObjectApi.BuiltIn;

    public bool IsKind(string kind) => string.Equals(Kind, kind, StringComparison.Ordinal);

    /// <summary>The pod specs this object embeds (docs/kubernetes-behaviour.md#pod-templates): none for most kinds, one for workloads.</summary>
    public IReadOnlyList<PodSpec> PodSpecs => _podSpecs ??= PodSpecLocator.Find(this);

    public override string ToString() => DisplayName;
}
