using ManifestLint.Model.Knowledge;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// The one model of what will exist at deploy time, built once per linted set and asked by every rule that wants to
/// know whether a ConfigMap or Secret exists, which keys it has, whether it can change, and who reads it.
/// <para>
/// Nodes are <see cref="ConfigSource"/>s: the objects of the manifests, kustomize generators, what controllers make
/// from objects of the set (the knowledge table's producers, and workloads that RBAC lets create a named object),
/// and objects every namespace has (<c>kube-root-ca.crt</c>). Edges are <see cref="ReferenceEdge"/>s: every place a
/// pod spec (or a ServiceAccount) names one, with its YAML node. Lookups go through dictionaries, so resolving every
/// reference of the set is linear.
/// </para>
/// </summary>
public sealed class ReferenceGraph
{
    private readonly Dictionary<(ConfigKind Kind, string Namespace, string Name), List<ConfigSource>> _byNamespace = new();
    private readonly Dictionary<(ConfigKind Kind, string Name), List<ConfigSource>> _namespacedByName = new();
    private readonly Dictionary<(ConfigKind Kind, string Name), List<ConfigSource>> _everywhere = new();
    private readonly Dictionary<(ConfigKind Kind, string Namespace), List<string>> _namesByNamespace = new();
    private readonly Dictionary<ConfigKind, List<string>> _namesEverywhere = new();
    private readonly Dictionary<ObjectIdentity, List<ReferenceEdge>> _edges = new();

    // "Did you mean" asks for the names of one namespace once per missing reference; they are listed once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ConfigKind Kind, string Namespace), string[]> _visibleNames = new();

    // The graphs of the sets deployed beside this one (files outside every kustomize build, builds that share no file
    // with this one): what they define exists too. Only their own definitions are asked, never their context.
    private readonly IReadOnlyList<ReferenceGraph> _context = Array.Empty<ReferenceGraph>();

    private ReferenceGraph(ReferenceGraph own, IReadOnlyList<ReferenceGraph> context)
    {
        All = own.All;
        Edges = own.Edges;
        _byNamespace = own._byNamespace;
        _namespacedByName = own._namespacedByName;
        _everywhere = own._everywhere;
        _namesByNamespace = own._namesByNamespace;
        _namesEverywhere = own._namesEverywhere;
        _edges = own._edges;
        _context = context;
    }

    /// <summary>This graph, seeing also what the <paramref name="context"/> graphs define and who reads it there.</summary>
    internal ReferenceGraph WithContext(IReadOnlyList<ReferenceGraph> context) => context.Count == 0 ? this : new ReferenceGraph(this, context);

    private ReferenceGraph(IReadOnlyList<ConfigSource> all, IReadOnlyList<ReferenceEdge> edges)
    {
        All = all;
        Edges = edges;
        foreach (var source in all)
        {
            if (source.InEveryNamespace)
            {
                if (Add(_everywhere, (source.Kind, source.Name), source) && !source.IsGuessed)
                {
                    AddName(_namesEverywhere, source.Kind, source.Name);
                }

                continue;
            }

            var ns = source.Namespace!;
            if (Add(_byNamespace, (source.Kind, ns, source.Name), source) && !source.IsGuessed)
            {
                AddName(_namesByNamespace, (source.Kind, ns), source.Name);
            }

            // "In another namespace" (ML1008, an error) is said only of objects the manifests place there: where a
            // producer's namespace comes from is less certain (kustomize may move it with the workload).
            if (source.Origin == ConfigOrigin.Manifest)
            {
                Add(_namespacedByName, (source.Kind, source.Name), source);
            }
        }

        foreach (var edge in edges)
        {
            if (!_edges.TryGetValue(edge.Target, out var list))
            {
                _edges[edge.Target] = list = new List<ReferenceEdge>(1);
            }

            list.Add(edge);
        }
    }

    /// <summary>Every node: manifests first in set order, then generators, producers and implicit objects.</summary>
    public IReadOnlyList<ConfigSource> All { get; }

    /// <summary>Every reference of the set, in object order.</summary>
    public IReadOnlyList<ReferenceEdge> Edges { get; }

    /// <summary>
    /// What a pod in <paramref name="namespace"/> gets for a reference to <paramref name="name"/>: every definition
    /// in that namespace plus every one that exists in all namespaces; null when there is none.
    /// </summary>
    public ConfigSourceGroup? Find(ConfigKind kind, string @namespace, string name)
    {
        _byNamespace.TryGetValue((kind, @namespace, name), out var local);
        _everywhere.TryGetValue((kind, name), out var everywhere);
        IReadOnlyList<ConfigSource>? definitions = local is null ? everywhere : everywhere is null ? local : local.Concat(everywhere).ToList();

        // What the sets deployed beside this one define, graph by graph; most references find nothing there, and then
        // nothing is allocated (a repository with 21 kustomize builds asks up to 21 graphs per reference).
        List<ConfigSource>? found = null;
        foreach (var other in _context)
        {
            if (other._byNamespace.TryGetValue((kind, @namespace, name), out var theirs))
            {
                (found ??= new List<ConfigSource>()).AddRange(theirs);
            }

            if (other._everywhere.TryGetValue((kind, name), out var theirsEverywhere))
            {
                foreach (var source in theirsEverywhere)
                {
                    // Objects every namespace has are in every graph already.
                    if (source.Origin != ConfigOrigin.Implicit)
                    {
                        (found ??= new List<ConfigSource>()).Add(source);
                    }
                }
            }
        }

        if (found is not null)
        {
            definitions = definitions is null ? found : definitions.Concat(found).ToList();
        }

        return definitions is null ? null : new ConfigSourceGroup(kind, @namespace, name, definitions);
    }

    /// <summary>Manifest objects of that kind and name that exist only in other namespaces than <paramref name="namespace"/>.</summary>
    public IReadOnlyList<ConfigSource> FindInOtherNamespaces(ConfigKind kind, string @namespace, string name)
    {
        var others = new List<ConfigSource>();
        foreach (var graph in _context.Prepend(this))
        {
            if (!graph._namespacedByName.TryGetValue((kind, name), out var all))
            {
                continue;
            }

            foreach (var source in all)
            {
                if (!string.Equals(source.Namespace, @namespace, StringComparison.Ordinal))
                {
                    others.Add(source);
                }
            }
        }

        return others;
    }

    /// <summary>The distinct names a pod in <paramref name="namespace"/> can reference (for "did you mean").</summary>
    public IReadOnlyList<string> NamesVisibleFrom(ConfigKind kind, string @namespace) =>
        _visibleNames.GetOrAdd((kind, @namespace), key => CollectVisibleNames(key.Kind, key.Namespace));

    private string[] CollectVisibleNames(ConfigKind kind, string @namespace)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var graph in _context.Prepend(this))
        {
            if (graph._namesByNamespace.TryGetValue((kind, @namespace), out var local))
            {
                names.AddRange(local.Where(seen.Add));
            }

            if (graph._namesEverywhere.TryGetValue(kind, out var everywhere))
            {
                names.AddRange(everywhere.Where(seen.Add));
            }
        }

        return names.ToArray();
    }

    /// <summary>Every reference to the object with this identity, in object order.</summary>
    public IReadOnlyList<ReferenceEdge> ReferencesTo(ObjectIdentity identity)
    {
        var own = _edges.TryGetValue(identity, out var list) ? list : (IReadOnlyList<ReferenceEdge>)Array.Empty<ReferenceEdge>();
        foreach (var other in _context)
        {
            if (other._edges.TryGetValue(identity, out var theirs))
            {
                own = own.Concat(theirs).ToList();
            }
        }

        return own;
    }

    /// <summary>
    /// The ConfigMap or Secret a volume projection reads, as a pod of the projection's namespace sees it; null for
    /// other projections (downward API, tokens) and objects no definition of the graph makes.
    /// </summary>
    public ConfigSourceGroup? Find(VolumeProjection projection) =>
        projection.Reference is { Name: { Length: > 0 } name } reference
            ? Find(reference.Kind, projection.Volume.Pod.Owner.Namespace, name)
            : null;

    /// <summary>
    /// True when the volume reads only ConfigMaps and Secrets of the graph and none of them can change under a running
    /// pod (immutable, or a kustomize generator whose hash suffix renames it on every change, docs/kubernetes-behaviour.md#immutable).
    /// </summary>
    public bool IsImmutable(Volume volume)
    {
        if (volume.Projections.Count == 0)
        {
            return false;
        }

        foreach (var projection in volume.Projections)
        {
            // Downward API files, tokens and objects the graph does not hold can change.
            if (Find(projection) is not { Immutable: true })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The files the volume shows at its mount path (its item paths, or the keys of the object), sorted; null when
    /// the graph does not tell.
    /// </summary>
    public IReadOnlyList<string>? KnownEntries(Volume volume)
    {
        if (volume.Projections.Count == 0)
        {
            return null;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var projection in volume.Projections)
        {
            if (projection.Items.Count > 0)
            {
                foreach (var item in projection.Items)
                {
                    if (!string.IsNullOrEmpty(item.Path))
                    {
                        names.Add(VolumePath.Clean(item.Path!));
                    }
                }

                continue;
            }

            if (Find(projection) is not { KeysKnown: true } group)
            {
                return null;
            }

            foreach (var key in group.VolumeKeys)
            {
                names.Add(key);
            }
        }

        return names.ToArray();
    }

    internal static ReferenceGraph Build(LintedSet set, KnowledgeTable knowledge)
    {
        var all = new List<ConfigSource>();
        var edges = new List<ReferenceEdge>();
        foreach (var obj in set.Objects)
        {
            var facts = GraphFacts.Of(obj, knowledge);
            if (facts.Definition is { } source)
            {
                all.Add(source);
            }

            edges.AddRange(facts.Edges);
        }

        foreach (var kustomization in set.Kustomizations)
        {
            all.AddRange(KustomizeGenerator.Read(kustomization));
        }

        all.AddRange(set.BuiltSources);

        foreach (var obj in set.Objects)
        {
            all.AddRange(GraphFacts.Of(obj, knowledge).Produced);
        }

        all.AddRange(RuntimeCreatedObjects.Find(set, knowledge));
        foreach (var implicitObject in knowledge.Implicit)
        {
            all.Add(ConfigSource.FromImplicit(implicitObject));
        }

        return new ReferenceGraph(all, edges);
    }

    /// <summary>Adds a definition; true when it is the first of its key.</summary>
    private static bool Add<TKey>(Dictionary<TKey, List<ConfigSource>> index, TKey key, ConfigSource source)
        where TKey : notnull
    {
        var first = !index.TryGetValue(key, out var list);
        if (first)
        {
            index[key] = list = new List<ConfigSource>(1);
        }

        list!.Add(source);
        return first;
    }

    private static void AddName<TKey>(Dictionary<TKey, List<string>> index, TKey key, string name)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<string>();
        }

        list.Add(name);
    }
}

/// <summary>
/// Every definition a reference from one namespace resolves to. Several definitions (alternative versions of
/// one manifest, a base plus a <c>behavior: merge</c> generator, a ConfigMap plus the CA bundle a controller injects)
/// count as one object whose keys are the union: a key is present when any definition has it.
/// </summary>
public sealed class ConfigSourceGroup
{
    internal ConfigSourceGroup(ConfigKind kind, string @namespace, string name, IReadOnlyList<ConfigSource> definitions)
    {
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Definitions = definitions;
    }

    public ConfigKind Kind { get; }

    /// <summary>The namespace the reference was resolved from (the pod's).</summary>
    public string Namespace { get; }

    public string Name { get; }

    public IReadOnlyList<ConfigSource> Definitions { get; }

    public string KindName => Kind == ConfigKind.ConfigMap ? "ConfigMap" : "Secret";

    /// <summary><c>ConfigMap default/app</c>.</summary>
    public string DisplayName => $"{KindName} {Namespace}/{Name}";

    /// <summary>
    /// False when some key of some definition cannot be known, or when the only definitions are
    /// <c>behavior: merge</c> generators whose base is outside the set: then no key may be called missing.
    /// </summary>
    public bool KeysKnown
    {
        get
        {
            var hasBase = false;
            foreach (var definition in Definitions)
            {
                if (!definition.KeysKnown)
                {
                    return false;
                }

                hasBase |= !definition.ExtendsBase;
            }

            return hasBase;
        }
    }

    /// <summary>True when no definition can change under a running pod (see <see cref="ConfigSource.Immutable"/>).</summary>
    public bool Immutable
    {
        get
        {
            foreach (var definition in Definitions)
            {
                if (!definition.Immutable)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool HasEnvironmentKey(string key)
    {
        foreach (var definition in Definitions)
        {
            if (definition.HasEnvironmentKey(key))
            {
                return true;
            }
        }

        return false;
    }

    public bool HasVolumeKey(string key)
    {
        foreach (var definition in Definitions)
        {
            if (definition.HasVolumeKey(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The distinct keys environment variables can read, in definition order.</summary>
    public IReadOnlyList<string> EnvironmentKeys => Union(d => d.EnvironmentKeys);

    /// <summary>The distinct keys a volume projects as files, in definition order.</summary>
    public IReadOnlyList<string> VolumeKeys => Union(d => d.VolumeKeys);

    public override string ToString() => DisplayName;

    private IReadOnlyList<string> Union(Func<ConfigSource, IReadOnlyList<string>> keys)
    {
        if (Definitions.Count == 1)
        {
            return keys(Definitions[0]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var union = new List<string>();
        foreach (var definition in Definitions)
        {
            foreach (var key in keys(definition))
            {
                if (seen.Add(key))
                {
                    union.Add(key);
                }
            }
        }

        return union;
    }
}
