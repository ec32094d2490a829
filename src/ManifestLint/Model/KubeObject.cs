using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// A Kubernetes object: a read-only view over one YAML mapping (a document, or an item of a <c>*List</c>).
/// Nothing is copied; every accessor reads the node tree.
/// <para>
/// Its identity (kind, name, namespace) is kept; its tree can be dropped (<see cref="ReleaseTree"/>) once the run has
/// taken what it needs from it, and is read again from the file when asked. Everything computed from the tree (pod
/// specs, the payload, schema violations) goes with it, so that no one mixes nodes of two parses of one object.
/// </para>
/// </summary>
public sealed class KubeObject
{
    private readonly int _documentIndex;
    private readonly int _itemIndex;
    private TreeState? _tree;

    /// <summary>The object's nodes and what was computed from them: dropped and rebuilt together.</summary>
    private sealed class TreeState
    {
        public TreeState(YamlDocument document, YamlMapping root)
        {
            Document = document;
            Root = root;
            Metadata = root.GetMapping("metadata");
            NameNode = Metadata?.GetScalar("name");
            NamespaceNode = Metadata?.GetScalar("namespace");
        }

        public YamlDocument Document { get; }

        public YamlMapping Root { get; }

        public YamlMapping? Metadata { get; }

        public YamlScalar? NameNode { get; }

        public YamlScalar? NamespaceNode { get; }

        // Computed once per object and shared by the rules that need them (a field, not a ConditionalWeakTable: the
        // table's lock was contended by the rule threads). Racing threads compute the same value; one is kept.
        public IReadOnlyList<PodSpec>? PodSpecs;
        public ConfigPayload? Payload;
        public IReadOnlyList<Schema.SchemaViolation>? SchemaViolations;
    }

    /// <summary>Where a custom resource keeps its pod specs, from the knowledge table; null for other kinds.</summary>
    internal IReadOnlyList<Knowledge.FieldPath>? PodSpecPaths;

    internal KubeObject(SourceFile file, YamlDocument document, YamlMapping root, string path, string defaultNamespace)
    {
        File = file;
        _tree = new TreeState(document, root);
        _documentIndex = document.Index;
        _itemIndex = ItemIndex(path);
        Path = path;
        ApiVersion = root.GetString("apiVersion");
        Kind = root.GetString("kind");
        Name = Metadata?.GetString("name");
        var explicitNamespace = Metadata?.GetString("namespace");
        SuppressionAnnotations = ReadSuppressionAnnotations(Metadata);
        if (Kind == "CustomResourceDefinition" && root.GetMapping("spec") is { } spec
            && spec.GetString("group") is { } group && spec.GetMapping("names")?.GetString("kind") is { } definedKind)
        {
            DefinedKind = (group, definedKind);
        }
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

    public YamlDocument Document => Tree.Document;

    public YamlMapping Root => Tree.Root;

    /// <summary>The YAML path of <see cref="Root"/> in its document: empty, or <c>items[3]</c> inside a list.</summary>
    public string Path { get; }

    public string? ApiVersion { get; }

    public string? Kind { get; }

    public YamlMapping? Metadata => Tree.Metadata;

    public YamlScalar? NameNode => Tree.NameNode;

    public string? Name { get; }

    public YamlScalar? NamespaceNode => Tree.NamespaceNode;

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
    public IReadOnlyList<PodSpec> PodSpecs
    {
        get
        {
            var tree = Tree;
            return tree.PodSpecs ??= PodSpecLocator.Find(this);
        }
    }

    internal ConfigPayload PayloadOnce(Func<KubeObject, ConfigPayload> compute)
    {
        var tree = Tree;
        return LazyInitializer.EnsureInitialized(ref tree.Payload, () => compute(this))!;
    }

    internal IReadOnlyList<Schema.SchemaViolation> SchemaViolationsOnce(Func<KubeObject, IReadOnlyList<Schema.SchemaViolation>> compute)
    {
        var tree = Tree;
        return LazyInitializer.EnsureInitialized(ref tree.SchemaViolations, () => compute(this))!;
    }

    /// <summary>Prefix of the annotation that silences one rule for the object: <c>ignore-check.manifestlint.io/ML3004</c>.</summary>
    public const string IgnoreCheckPrefix = "ignore-check.manifestlint.io/";

    /// <summary>The annotation that silences every rule for the object.</summary>
    public const string IgnoreAll = "manifestlint.io/ignore-all";

    /// <summary>
    /// The object's annotations that silence findings (<see cref="IgnoreCheckPrefix"/>, <see cref="IgnoreAll"/>) with
    /// their reasons, kept without the tree; null when it has none (nearly always).
    /// </summary>
    public IReadOnlyDictionary<string, string>? SuppressionAnnotations { get; }

    private static Dictionary<string, string>? ReadSuppressionAnnotations(YamlMapping? metadata)
    {
        Dictionary<string, string>? found = null;
        foreach (var entry in metadata?.GetMapping("annotations")?.Entries ?? default)
        {
            // The last of a key written twice counts, as kubectl keeps it.
            if (entry.Name is { } key && (key == IgnoreAll || key.StartsWith(IgnoreCheckPrefix, StringComparison.Ordinal)))
            {
                (found ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = (entry.Value as YamlScalar)?.Value ?? string.Empty;
            }
        }

        return found;
    }

    /// <summary>For a CustomResourceDefinition, the API group and kind it defines; null for other objects.</summary>
    public (string Group, string Kind)? DefinedKind { get; }

    /// <summary>What the object gives the reference graph, taken once while its tree is in memory (<see cref="GraphFacts.Of"/>).</summary>
    internal GraphFacts? Facts;

    /// <summary>True for an object read as written from its file (not made by a kustomize build): its tree can be read again.</summary>
    internal bool IsAsWritten { get; init; }

    /// <summary>True while the tree is in memory.</summary>
    internal bool HasTree => Volatile.Read(ref _tree) is not null;

    /// <summary>
    /// Drops the tree and what was computed from it; the next use reads it again from the file. Only an object as
    /// written in a file that can be parsed again is dropped (a kustomize build's objects are made, not read).
    /// <para>
    /// The run keeps one rule: a file's objects are dropped only by the worker that took their facts or ran their
    /// rules, after it is done with them (<c>Engine/TreeRelease.cs</c>). Another thread may read a dropped object
    /// again at any time (a finding's related location in another file), but never drops it, so a value computed
    /// from the tree (pod specs, payload, schema violations) never mixes nodes of two parses.
    /// </para>
    /// </summary>
    internal void ReleaseTree()
    {
        if (IsAsWritten && File.CanRelease)
        {
            Volatile.Write(ref _tree, null);
        }
    }

    private TreeState Tree => Volatile.Read(ref _tree) ?? Reread();

    private TreeState Reread()
    {
        var document = File.Documents[_documentIndex];
        if (document.Index != _documentIndex || document.Root is not YamlMapping root)
        {
            throw new InvalidOperationException($"{File.DisplayPath}: document {_documentIndex} is not the one read first");
        }

        if (_itemIndex >= 0)
        {
            root = root.GetSequence("items")?[_itemIndex] as YamlMapping
                ?? throw new InvalidOperationException($"{File.DisplayPath}: {Path} is not the one read first");
        }

        var tree = new TreeState(document, root);
        return Interlocked.CompareExchange(ref _tree, tree, null) ?? tree;
    }

    private static int ItemIndex(string path) =>
        path.StartsWith("items[", StringComparison.Ordinal) && path.EndsWith("]", StringComparison.Ordinal)
            ? int.Parse(path.Substring(6, path.Length - 7), System.Globalization.CultureInfo.InvariantCulture)
            : -1;

    public override string ToString() => DisplayName;
}
