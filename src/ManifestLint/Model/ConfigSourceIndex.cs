namespace ManifestLint.Model;

/// <summary>
/// Every ConfigMap and Secret the pods of the run can consume, built once per run from the linted set: the
/// objects (identity kind + namespace + name, several definitions allowed) and the sources kustomize generators
/// define. Lookups go through dictionaries, so resolving every reference of the set is linear.
/// </summary>
public sealed class ConfigSourceIndex
{
    private readonly Dictionary<(ConfigKind Kind, string Namespace, string Name), List<ConfigSource>> _objects = new();
    private readonly Dictionary<(ConfigKind Kind, string Name), List<ConfigSource>> _objectsByName = new();
    private readonly Dictionary<(ConfigKind Kind, string Name), List<ConfigSource>> _generated = new();
    private readonly Dictionary<(ConfigKind Kind, string Namespace), List<string>> _namesByNamespace = new();
    private readonly Dictionary<ConfigKind, List<string>> _generatedNames = new();
    private readonly HashSet<(ConfigKind Kind, string? Namespace, string Name)> _createdAtRuntime;

    private ConfigSourceIndex(IReadOnlyList<ConfigSource> all, HashSet<(ConfigKind Kind, string? Namespace, string Name)> createdAtRuntime)
    {
        All = all;
        _createdAtRuntime = createdAtRuntime;
        foreach (var source in all)
        {
            if (source.IsGenerated)
            {
                if (Add(_generated, (source.Kind, source.Name), source))
                {
                    AddName(_generatedNames, source.Kind, source.Name);
                }

                continue;
            }

            var ns = source.Namespace!;
            if (Add(_objects, (source.Kind, ns, source.Name), source))
            {
                AddName(_namesByNamespace, (source.Kind, ns), source.Name);
            }

            Add(_objectsByName, (source.Kind, source.Name), source);
        }
    }

    /// <summary>Every definition, objects first in set order, then generated sources in kustomization order.</summary>
    public IReadOnlyList<ConfigSource> All { get; }

    /// <summary>
    /// What a pod in <paramref name="namespace"/> gets for a reference to <paramref name="name"/>: every definition
    /// of that namespace plus every generated source of that name; null when there is none.
    /// </summary>
    public ConfigSourceGroup? Find(ConfigKind kind, string @namespace, string name)
    {
        _objects.TryGetValue((kind, @namespace, name), out var objects);
        _generated.TryGetValue((kind, name), out var generated);
        if (objects is null && generated is null)
        {
            return null;
        }

        var definitions = objects is null ? generated! : generated is null ? objects : objects.Concat(generated).ToList();
        return new ConfigSourceGroup(kind, @namespace, name, definitions);
    }

    /// <summary>Objects of that kind and name that exist only in other namespaces than <paramref name="namespace"/>.</summary>
    public IReadOnlyList<ConfigSource> FindInOtherNamespaces(ConfigKind kind, string @namespace, string name)
    {
        if (!_objectsByName.TryGetValue((kind, name), out var all))
        {
            return Array.Empty<ConfigSource>();
        }

        var others = new List<ConfigSource>();
        foreach (var source in all)
        {
            if (!string.Equals(source.Namespace, @namespace, StringComparison.Ordinal))
            {
                others.Add(source);
            }
        }

        return others;
    }

    /// <summary>
    /// True when a Role of <paramref name="namespace"/> (or a ClusterRole) both lets its subjects create objects of
    /// that kind and names this one in <c>resourceNames</c>: a workload of the set creates it at run time through
    /// the API (argo-cd's redis password Secret), so it is not missing although no manifest defines it.
    /// </summary>
    public bool IsCreatedAtRuntime(ConfigKind kind, string @namespace, string name) =>
        _createdAtRuntime.Contains((kind, @namespace, name)) || _createdAtRuntime.Contains((kind, null, name));

    /// <summary>The distinct names a pod in <paramref name="namespace"/> can reference (for "did you mean").</summary>
    public IEnumerable<string> NamesVisibleFrom(ConfigKind kind, string @namespace)
    {
        if (_namesByNamespace.TryGetValue((kind, @namespace), out var names))
        {
            foreach (var name in names)
            {
                yield return name;
            }
        }

        if (_generatedNames.TryGetValue(kind, out var generated))
        {
            foreach (var name in generated)
            {
                yield return name;
            }
        }
    }

    internal static ConfigSourceIndex Build(LintedSet set)
    {
        var all = new List<ConfigSource>();
        foreach (var obj in set.Objects)
        {
            if (obj.Kind is "ConfigMap" or "Secret" && ConfigSource.FromObject(obj) is { } source)
            {
                all.Add(source);
            }
        }

        foreach (var kustomization in set.Kustomizations)
        {
            all.AddRange(KustomizeGenerator.Read(kustomization));
        }

        return new ConfigSourceIndex(all, RuntimeCreatedObjects(set));
    }

    private static HashSet<(ConfigKind Kind, string? Namespace, string Name)> RuntimeCreatedObjects(LintedSet set)
    {
        var created = new HashSet<(ConfigKind Kind, string? Namespace, string Name)>();
        foreach (var obj in set.Objects)
        {
            if (obj.Kind is not ("Role" or "ClusterRole") || obj.Root.GetSequence("rules") is not { } rules)
            {
                continue;
            }

            var ns = obj.IsKind("Role") ? obj.Namespace : null;
            foreach (var (kind, resource) in new[] { (ConfigKind.ConfigMap, "configmaps"), (ConfigKind.Secret, "secrets") })
            {
                // RBAC cannot restrict create by name, so the grant to create and the named grant are separate rules.
                var mayCreate = false;
                var named = new List<string>();
                foreach (var item in rules.Items)
                {
                    if (item is not Yaml.YamlMapping rule || !Lists(rule, "apiGroups", string.Empty) || !Lists(rule, "resources", resource))
                    {
                        continue;
                    }

                    if (rule.GetSequence("resourceNames") is { Count: > 0 } names)
                    {
                        named.AddRange(names.Items.OfType<Yaml.YamlScalar>().Select(n => n.Value));
                    }
                    else
                    {
                        mayCreate |= Lists(rule, "verbs", "create");
                    }
                }

                if (mayCreate)
                {
                    foreach (var name in named)
                    {
                        created.Add((kind, ns, name));
                    }
                }
            }
        }

        return created;
    }

    /// <summary>True when the rule's list <paramref name="field"/> holds <paramref name="value"/> or the wildcard.</summary>
    private static bool Lists(Yaml.YamlMapping rule, string field, string value)
    {
        if (rule.GetSequence(field) is not { } list)
        {
            return false;
        }

        foreach (var item in list.Items)
        {
            if (item is Yaml.YamlScalar scalar && (scalar.Value == value || scalar.Value == "*"))
            {
                return true;
            }
        }

        return false;
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
/// one manifest, a base plus a <c>behavior: merge</c> generator) count as one object whose keys are the union:
/// a key is present when any definition has it.
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

    /// <summary>True when every definition is <c>immutable: true</c>.</summary>
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
