using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>Where a variable of a container's environment comes from.</summary>
public enum EnvironmentOrigin
{
    /// <summary>A key of an <c>envFrom</c> source (after its prefix).</summary>
    EnvFrom,

    /// <summary>An <c>env</c> entry.</summary>
    Env,
}

/// <summary>
/// One definition of a variable, in the order the kubelet applies them: every key of every envFrom source, then
/// every env entry. A definition replaces the one it <see cref="Hides"/>.
/// </summary>
public sealed class EnvironmentVariable
{
    internal EnvironmentVariable(string name, int order, EnvFromKeys? source, string? key, EnvVar? entry, EnvironmentVariable? hides)
    {
        Name = name;
        Order = order;
        Source = source;
        Key = key;
        Entry = entry;
        Hides = hides;
    }

    public string Name { get; }

    /// <summary>Position in the kubelet's order (envFrom keys first, then env entries).</summary>
    public int Order { get; }

    public EnvironmentOrigin Origin => Entry is null ? EnvironmentOrigin.EnvFrom : EnvironmentOrigin.Env;

    /// <summary>The envFrom source of an <see cref="EnvironmentOrigin.EnvFrom"/> variable.</summary>
    public EnvFromKeys? Source { get; }

    /// <summary>The ConfigMap/Secret key before the prefix, for envFrom variables.</summary>
    public string? Key { get; }

    /// <summary>The env entry of an <see cref="EnvironmentOrigin.Env"/> variable.</summary>
    public EnvVar? Entry { get; }

    /// <summary>The earlier definition of the same name that this one replaces, or null.</summary>
    public EnvironmentVariable? Hides { get; }

    /// <summary>The node that defines it: the env entry's name, or the envFrom source's name.</summary>
    public YamlNode? Node => Entry is not null ? Entry.NameNode : Source?.Source.Reference?.NameNode;

    /// <summary>True for an env entry that sets the variable to the empty string: no valueFrom, and no value or <c>""</c>.</summary>
    public bool IsKnownEmpty => Entry is { ValueFrom: null } entry
        && (entry.ValueNode is null or { ResolvedType: ScalarType.Null } || entry.ValueNode is { IsResolvedString: true, Value.Length: 0 });
}

/// <summary>
/// What one envFrom entry brings in: the keys of the referenced ConfigMap (<c>data</c>) or Secret (<c>data</c> and
/// <c>stringData</c>) as the <see cref="ReferenceGraph"/> knows them in the pod's namespace, whatever made it (a
/// manifest, a kustomize generator, a producer). A source whose keys nobody can list is unknown.
/// </summary>
public sealed class EnvFromKeys
{
    internal EnvFromKeys(EnvFromSource source, ConfigSourceGroup? target)
    {
        Source = source;
        Target = target;
        Keys = target is { KeysKnown: true } ? target.EnvironmentKeys : Array.Empty<string>();
    }

    public EnvFromSource Source { get; }

    /// <summary>The definitions of the referenced object; null when the graph has none.</summary>
    public ConfigSourceGroup? Target { get; }

    /// <summary>True when every key the source brings is known, so <see cref="Keys"/> is everything it brings.</summary>
    public bool IsKnown => Target is { KeysKnown: true };

    /// <summary>Distinct keys in order of appearance (before the prefix); empty when unknown.</summary>
    public IReadOnlyList<string> Keys { get; }

    public string Prefix => Source.Prefix;

    /// <summary><c>ConfigMap default/app</c>, for messages.</summary>
    public string DisplayName => Source.Reference is { } reference
        ? $"{reference.KindName} {Source.Container.Pod.Owner.Namespace}/{reference.Name}"
        : $"envFrom[{Source.Index}]";

    /// <summary>The variable name a key becomes.</summary>
    public string VariableName(string key) => Prefix + key;
}

/// <summary>
/// A container's environment as the kubelet builds it (<c>makeEnvironmentVariables</c>, docs/kubernetes-behaviour.md#environment): envFrom sources
/// first, in order, each key under its prefix, a later source overwriting an earlier one; then env entries in
/// order, overwriting envFrom and earlier entries. <c>$(NAME)</c> in an env value sees only what is defined before
/// the entry; in <c>command</c>/<c>args</c> it sees the whole environment. Service-link variables come on top.
/// </summary>
public sealed class ContainerEnvironment
{
    private readonly Dictionary<string, List<EnvironmentVariable>> _byName;
    private readonly Dictionary<EnvVar, EnvironmentVariable> _byEntry;

    private ContainerEnvironment(Container container, LintedSet set, IReadOnlyList<EnvFromKeys> sources, IReadOnlyList<EnvironmentVariable> definitions, Dictionary<string, List<EnvironmentVariable>> byName, Dictionary<EnvVar, EnvironmentVariable> byEntry)
    {
        Container = container;
        Set = set;
        Sources = sources;
        Definitions = definitions;
        _byName = byName;
        _byEntry = byEntry;
        var enableServiceLinks = container.Pod.Node.GetScalar("enableServiceLinks")?.Resolved;
        ServiceLinksEnabled = enableServiceLinks is not { Type: ScalarType.Bool, Bool: false };
        foreach (var source in sources)
        {
            if (!source.IsKnown && source.Source.Reference is not null)
            {
                HasUnknownSources = true;
            }
        }
    }

    public Container Container { get; }

    public LintedSet Set { get; }

    /// <summary>One per envFrom entry, in order.</summary>
    public IReadOnlyList<EnvFromKeys> Sources { get; }

    /// <summary>Every definition in the kubelet's order.</summary>
    public IReadOnlyList<EnvironmentVariable> Definitions { get; }

    /// <summary>True when some envFrom source is outside the set: the container may have variables nobody can list.</summary>
    public bool HasUnknownSources { get; }

    /// <summary>False when the pod sets <c>enableServiceLinks: false</c>: then only <c>KUBERNETES_*</c> are added.</summary>
    public bool ServiceLinksEnabled { get; }

    /// <summary>The environment of <paramref name="container"/>, built once per container and set.</summary>
    public static ContainerEnvironment Of(Container container, LintedSet set)
    {
        var cached = container.CachedEnvironment;
        if (cached is not null && ReferenceEquals(cached.Set, set))
        {
            return cached;
        }

        var built = Build(container, set);
        container.CachedEnvironment = built;
        return built;
    }

    /// <summary>The definition that wins for <paramref name="name"/>, or null when the container does not define it.</summary>
    public EnvironmentVariable? Find(string name) =>
        _byName.TryGetValue(name, out var list) ? list[list.Count - 1] : null;

    /// <summary>Every definition of <paramref name="name"/> in order.</summary>
    public IReadOnlyList<EnvironmentVariable> DefinitionsOf(string name) =>
        _byName.TryGetValue(name, out var list) ? list : Array.Empty<EnvironmentVariable>();

    /// <summary>The definition an env entry makes; null for an entry without a name.</summary>
    public EnvironmentVariable? DefinitionOf(EnvVar entry) => _byEntry.TryGetValue(entry, out var definition) ? definition : null;

    /// <summary>The definition of <paramref name="name"/> that <c>$(name)</c> in the value of <paramref name="entry"/> expands to.</summary>
    public EnvironmentVariable? FindBefore(EnvVar entry, string name)
    {
        if (!_byName.TryGetValue(name, out var list))
        {
            return null;
        }

        var limit = DefinitionOf(entry)?.Order ?? int.MaxValue;
        EnvironmentVariable? found = null;
        foreach (var definition in list)
        {
            if (definition.Order >= limit)
            {
                break;
            }

            if (definition.Entry is null || definition.Entry.Index < entry.Index)
            {
                found = definition;
            }
        }

        return found;
    }

    /// <summary>
    /// The references in a <c>subPathExpr</c> the kubelet cannot expand, in order, each once: kubelet
    /// <c>ExpandContainerVolumeMounts</c> expands every <c>$(name)</c> (not only names meant as variables; <c>$$</c>
    /// escapes) against the whole environment and fails the container with "missing value for NAME"
    /// (CreateContainerConfigError) when a variable is not defined or its value is empty.
    /// </summary>
    public IReadOnlyList<string> MissingForSubPathExpr(string expression)
    {
        var missing = new List<string>();
        foreach (var reference in VariableReference.Find(expression))
        {
            var name = reference.Name;
            if (missing.Contains(name) || IsServiceLinkVariable(name))
            {
                continue;
            }

            if (Find(name) is not { IsKnownEmpty: false })
            {
                missing.Add(name);
            }
        }

        return missing;
    }

    /// <summary>True when the kubelet adds <paramref name="name"/> for services, whatever the manifests say.</summary>
    public bool IsServiceLinkVariable(string name) => EnvironmentVariableName.IsServiceLinkVariable(name, ServiceLinksEnabled);

    /// <summary>Every variable name the container defines (env and known envFrom keys), for suggestions.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    private static ContainerEnvironment Build(Container container, LintedSet set)
    {
        var sources = new List<EnvFromKeys>(container.EnvFrom.Count);
        var definitions = new List<EnvironmentVariable>();
        var byName = new Dictionary<string, List<EnvironmentVariable>>(StringComparer.Ordinal);
        var byEntry = new Dictionary<EnvVar, EnvironmentVariable>();
        var namespaceName = container.Pod.Owner.Namespace;

        foreach (var envFrom in container.EnvFrom)
        {
            var source = ReadSource(envFrom, set, namespaceName);
            sources.Add(source);
            foreach (var key in source.Keys)
            {
                Define(source.VariableName(key), source, key, null);
            }
        }

        foreach (var entry in container.Env)
        {
            if (entry.Name is not null)
            {
                byEntry[entry] = Define(entry.Name, null, null, entry);
            }
        }

        return new ContainerEnvironment(container, set, sources, definitions, byName, byEntry);

        EnvironmentVariable Define(string name, EnvFromKeys? source, string? key, EnvVar? entry)
        {
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = new List<EnvironmentVariable>(1);
            }

            var definition = new EnvironmentVariable(name, definitions.Count, source, key, entry, list.Count > 0 ? list[list.Count - 1] : null);
            list.Add(definition);
            definitions.Add(definition);
            return definition;
        }
    }

    private static EnvFromKeys ReadSource(EnvFromSource envFrom, LintedSet set, string namespaceName) =>
        new(envFrom, envFrom.Reference is { Name: { } name } reference ? set.Graph.Find(reference.Kind, namespaceName, name) : null);
}
