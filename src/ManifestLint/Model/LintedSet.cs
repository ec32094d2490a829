using ManifestLint.Loading;
using ManifestLint.Model.Knowledge;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// Every object of one run, by file, with the kustomizations, the knowledge table and the reference graph built
/// from them (which answers "does it exist, which keys, who reads it"). A ConfigMap in one file satisfies a pod in
/// another; an object defined several times (alternative versions in one folder) is present once per definition.
/// </summary>
public sealed class LintedSet
{
    private readonly Dictionary<SourceFile, List<KubeObject>> _byFile = new();
    private readonly Lazy<ReferenceGraph> _ownGraph;
    private readonly Lazy<ReferenceGraph> _graph;
    private IReadOnlyList<LintedSet> _context = Array.Empty<LintedSet>();

    // Read on first use: a run over built-in kinds that asks no reference question (one small file in pre-commit)
    // never parses the table.
    private readonly Lazy<KnowledgeTable> _knowledge;
    private readonly Lazy<HashSet<string>> _patchFiles;
    private readonly Lazy<HashSet<string>> _kustomizeVariables;

    internal LintedSet(IReadOnlyList<SourceFile> files, IReadOnlyList<KubeObject> objects, IReadOnlyList<Kustomization> kustomizations, string defaultNamespace, Lazy<KnowledgeTable> knowledge, Kustomize.KustomizeBuild? build = null)
    {
        Files = files;
        Objects = objects;
        Kustomizations = kustomizations;
        DefaultNamespace = defaultNamespace;
        KustomizeBuild = build;
        BuiltSources = build?.Generated ?? Array.Empty<ConfigSource>();
        _knowledge = knowledge;
        _ownGraph = new Lazy<ReferenceGraph>(() => ReferenceGraph.Build(this, knowledge.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        _graph = new Lazy<ReferenceGraph>(() => _ownGraph.Value.WithContext(_context.Select(c => c._ownGraph.Value).ToArray()), LazyThreadSafetyMode.ExecutionAndPublication);
        _kustomizeVariables = new Lazy<HashSet<string>>(() => new HashSet<string>(kustomizations.SelectMany(k => k.VariableNames).Concat(build?.VariableNames ?? Array.Empty<string>()), StringComparer.Ordinal), LazyThreadSafetyMode.ExecutionAndPublication);
        _patchFiles = new Lazy<HashSet<string>>(() => new HashSet<string>(kustomizations.SelectMany(k => k.PatchFiles), StringComparer.Ordinal), LazyThreadSafetyMode.ExecutionAndPublication);
        foreach (var obj in objects)
        {
            Add(_byFile, obj.File, obj);
        }
    }

    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>
    /// The files by full path (a finding's location names its file by path): built once, for the collector, the
    /// suppressions and the reporters alike.
    /// </summary>
    public IReadOnlyDictionary<string, SourceFile> FilesByPath => _filesByPath ??= IndexFiles(Files);

    private IReadOnlyDictionary<string, SourceFile>? _filesByPath;

    private static Dictionary<string, SourceFile> IndexFiles(IReadOnlyList<SourceFile> files)
    {
        var byPath = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            byPath[file.Path] = file;
        }

        return byPath;
    }

    /// <summary>Every document (or list item) that has <c>apiVersion</c> or <c>kind</c>, in file and document order.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    public IReadOnlyList<Kustomization> Kustomizations { get; }

    /// <summary>The kustomize build whose objects this set holds; null for files linted as written.</summary>
    public Kustomize.KustomizeBuild? KustomizeBuild { get; }

    /// <summary>The ConfigMaps and Secrets the build's generators make (empty outside a build).</summary>
    public IReadOnlyList<ConfigSource> BuiltSources { get; }

    /// <summary>
    /// Sets deployed beside this one (the files outside every build, builds that share no file with this one): what
    /// they define exists for this set's references. Set before the graph is first asked.
    /// </summary>
    internal void SeeAlso(IReadOnlyList<LintedSet> context) => _context = context;

    public string DefaultNamespace { get; }

    /// <summary>What the run knows about producers, implicit objects and custom resources (the engine's table and the user's).</summary>
    public KnowledgeTable Knowledge => _knowledge.Value;

    /// <summary>
    /// What will exist at deploy time and who reads it: every ConfigMap and Secret pods can consume (manifests,
    /// kustomize generators, producers, implicit objects) and every reference to one, built on first use and shared
    /// by every rule of the run.
    /// </summary>
    public ReferenceGraph Graph => _graph.Value;

    /// <summary>
    /// True for an object in a file a kustomization applies as a patch: a fragment (a Deployment that adds one
    /// container field, a volume without its mount) that only makes sense merged into its base.
    /// </summary>
    public bool IsKustomizePatch(KubeObject obj) => _patchFiles.Value.Contains(obj.File.Path);

    /// <summary>
    /// True when a kustomization of the set declares <paramref name="name"/> in its <c>vars:</c>: kustomize replaces
    /// <c>$(name)</c> in env values, command and args before the API sees them. (Until kustomize builds are modelled
    /// one by one, a var of any kustomization of the set counts.)
    /// </summary>
    public bool IsKustomizeVariable(string name) => _kustomizeVariables.Value.Contains(name);

    /// <summary>The objects of one file, in document order.</summary>
    public IReadOnlyList<KubeObject> ObjectsIn(SourceFile file) =>
        _byFile.TryGetValue(file, out var list) ? list : Array.Empty<KubeObject>();

    /// <summary>The object whose YAML contains the character at <paramref name="offset"/> of <paramref name="file"/>.</summary>
    public KubeObject? ObjectAt(SourceFile file, int offset)
    {
        foreach (var obj in ObjectsIn(file))
        {
            if (obj.Root.Range.Contains(offset))
            {
                return obj;
            }
        }

        return null;
    }

    public IEnumerable<KubeObject> OfKind(string kind)
    {
        foreach (var obj in Objects)
        {
            if (obj.IsKind(kind))
            {
                yield return obj;
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<KubeObject>> index, TKey key, KubeObject obj)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<KubeObject>(1);
        }

        list.Add(obj);
    }

    /// <summary>The same objects without those of <paramref name="paths"/> (the files kustomize builds read), already classified.</summary>
    internal LintedSet Without(ISet<string> paths) => new(
        Files.Where(f => !paths.Contains(f.Path)).ToArray(),
        Objects.Where(o => !paths.Contains(o.File.Path)).ToArray(),
        Kustomizations.Where(k => !paths.Contains(k.File.Path)).ToArray(),
        DefaultNamespace,
        _knowledge);

    /// <summary>The set of one kustomize build: its built objects, read from <paramref name="files"/>.</summary>
    public static LintedSet FromBuild(Kustomize.KustomizeBuild build, IReadOnlyList<SourceFile> files, string defaultNamespace, KnowledgeTable? knowledge = null)
    {
        var table = knowledge is null ? new Lazy<KnowledgeTable>(() => KnowledgeTable.Default) : new Lazy<KnowledgeTable>(() => knowledge);
        var objects = build.Objects.ToList();
        Classify(objects, table);
        return new LintedSet(files, objects, Array.Empty<Kustomization>(), defaultNamespace, table, build);
    }

    /// <summary>Builds the set from read files: documents become objects, <c>*List</c> kinds are expanded.</summary>
    public static LintedSet Build(IReadOnlyList<SourceFile> files, string defaultNamespace) =>
        Build(files, _ => defaultNamespace);

    /// <summary>Builds the set with a default namespace per file (configuration may differ by folder).</summary>
    public static LintedSet Build(IReadOnlyList<SourceFile> files, Func<SourceFile, string> defaultNamespaceOf, KnowledgeTable? knowledge = null) =>
        Build(files, defaultNamespaceOf, knowledge, null);

    /// <summary>
    /// Builds the set from read files, taking the objects of a file from <paramref name="read"/> when the run already
    /// read them (a large run reads each file's objects as it parses it, and drops the trees, see <see cref="FileObjects"/>).
    /// </summary>
    internal static LintedSet Build(IReadOnlyList<SourceFile> files, Func<SourceFile, string> defaultNamespaceOf, KnowledgeTable? knowledge, IReadOnlyDictionary<SourceFile, FileObjects>? read)
    {
        var table = knowledge is null ? new Lazy<KnowledgeTable>(() => KnowledgeTable.Default) : new Lazy<KnowledgeTable>(() => knowledge);
        var objects = new List<KubeObject>();
        var kustomizations = new List<Kustomization>();
        foreach (var file in files)
        {
            var contents = read is not null && read.TryGetValue(file, out var known) ? known : FileObjects.Read(file, defaultNamespaceOf(file));
            objects.AddRange(contents.Objects);
            kustomizations.AddRange(contents.Kustomizations);
        }

        Classify(objects, table);
        return new LintedSet(files, objects, kustomizations, files.Count > 0 ? defaultNamespaceOf(files[0]) : "default", table);
    }

    /// <summary>
    /// Tells each object whether an API server would know its kind (built-in, a CRD of the set, a group the knowledge
    /// table names) and where a custom resource keeps its pod specs.
    /// </summary>
    private static void Classify(List<KubeObject> objects, Lazy<KnowledgeTable> knowledge)
    {
        var defined = new HashSet<(string Group, string Kind)>();
        foreach (var obj in objects)
        {
            if (obj.DefinedKind is { } kind)
            {
                defined.Add(kind);
            }
        }

        foreach (var obj in objects)
        {
            var group = ApiGroup.Of(obj.ApiVersion);
            if (BuiltInApiGroups.Contains(group))
            {
                obj.Api = ObjectApi.BuiltIn;
                continue;
            }

            obj.Api = (obj.Kind is not null && defined.Contains((group, obj.Kind))) || knowledge.Value.IsKnownGroup(group) ? ObjectApi.KnownCustom : ObjectApi.Unknown;
            LocatePodSpecs(obj, knowledge.Value);
        }
    }

    /// <summary>Where a custom resource keeps its pod specs, from the knowledge table (none for built-in kinds).</summary>
    internal static void LocatePodSpecs(KubeObject obj, KnowledgeTable knowledge)
    {
        var group = ApiGroup.Of(obj.ApiVersion);
        if (!BuiltInApiGroups.Contains(group) && obj.Kind is not null)
        {
            obj.PodSpecPaths = knowledge.PodSpecPaths(group, obj.Kind);
        }
    }

    /// <summary><c>List</c> and every <c>*List</c> kind (<c>ConfigMapList</c>, <c>RoleList</c>) wrap their objects in <c>items</c>.</summary>
    public static bool IsListKind(string? kind) => kind is not null && kind.EndsWith("List", StringComparison.Ordinal);
}
