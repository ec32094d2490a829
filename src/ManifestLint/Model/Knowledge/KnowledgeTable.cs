using System.Reflection;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Knowledge;

/// <summary>A Secret or ConfigMap that a producer makes at run time.</summary>
public sealed class ProducedObject
{
    internal ProducedObject(ConfigKind kind, string name, string? @namespace, IReadOnlyList<string>? keys, YamlNode anchor, KubeObject producer, string source)
    {
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        Keys = keys;
        Anchor = anchor;
        Producer = producer;
        Source = source;
    }

    public ConfigKind Kind { get; }

    public string Name { get; }

    /// <summary>The namespace it is made in; null when it is made in every (selected) namespace.</summary>
    public string? Namespace { get; }

    /// <summary>The keys it may have; null when nobody can list them.</summary>
    public IReadOnlyList<string>? Keys { get; }

    /// <summary>The node of the producer its name comes from (or the producer's name).</summary>
    public YamlNode Anchor { get; }

    public KubeObject Producer { get; }

    /// <summary>Where the table entry's behaviour is documented.</summary>
    public string Source { get; }
}

/// <summary>An object that exists in every namespace of a cluster running some component (<c>kube-root-ca.crt</c>).</summary>
public sealed record ImplicitObject(ConfigKind Kind, string Name, IReadOnlyList<string>? Keys, string MadeBy, string Source);

/// <summary>A problem in a knowledge file, with its 1-based line.</summary>
public sealed record KnowledgeFileError(string Path, int Line, string Message);

/// <summary>
/// What ManifestLint knows about objects that controllers make at run time, objects every namespace has, custom
/// resources that embed pod specs, and custom API groups that are real APIs. It is data, not code: the engine's own
/// table is <c>known-objects.yaml</c> beside this file (each entry cites its source), and users add entries in files
/// of the same shape (<c>manifestlint.producers</c>, <c>--producers</c>).
/// </summary>
public sealed class KnowledgeTable
{
    private const string ResourceName = "ManifestLint.Model.Knowledge.known-objects.yaml";

    private static readonly Lazy<KnowledgeTable> BuiltIn = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<(string Group, string Kind), List<ProducerRule>> _producers;
    private readonly Dictionary<(string Group, string Kind), List<FieldPath>> _podSpecs;
    private readonly HashSet<string> _groups;

    private KnowledgeTable(Dictionary<(string, string), List<ProducerRule>> producers, Dictionary<(string, string), List<FieldPath>> podSpecs, List<ImplicitObject> implicitObjects, HashSet<string> groups)
    {
        _producers = producers;
        _podSpecs = podSpecs;
        Implicit = implicitObjects;
        _groups = groups;
    }

    /// <summary>The engine's own table.</summary>
    public static KnowledgeTable Default => BuiltIn.Value;

    public IReadOnlyList<ImplicitObject> Implicit { get; }

    /// <summary>True when <paramref name="group"/> is a custom API group this table names (so its objects are applied).</summary>
    public bool IsKnownGroup(string group) => _groups.Contains(group);

    /// <summary>True when some entry makes objects from objects of this kind and group.</summary>
    public bool HasProducers(string group, string kind) => _producers.ContainsKey((group, kind));

    /// <summary>The paths of the pod specs an object of this custom kind holds; null when the table knows none.</summary>
    public IReadOnlyList<FieldPath>? PodSpecPaths(string group, string kind) =>
        _podSpecs.TryGetValue((group, kind), out var paths) ? paths : null;

    /// <summary>Every Secret and ConfigMap <paramref name="obj"/> makes at run time, as far as the table knows.</summary>
    public IReadOnlyList<ProducedObject> Produce(KubeObject obj)
    {
        if (obj.Kind is null)
        {
            return Array.Empty<ProducedObject>();
        }

        List<ProducedObject>? made = null;
        if (ApiGroup.IsPlaceholder(obj.ApiVersion))
        {
            // apiVersion: $API_VERSION (envsubst, filled at deploy time): the kind alone decides.
            foreach (var pair in _producers)
            {
                if (pair.Key.Kind == obj.Kind)
                {
                    Produce(obj, pair.Value, ref made);
                }
            }
        }
        else if (_producers.TryGetValue((ApiGroup.Of(obj.ApiVersion), obj.Kind), out var rules))
        {
            Produce(obj, rules, ref made);
        }

        return made ?? (IReadOnlyList<ProducedObject>)Array.Empty<ProducedObject>();
    }

    private static void Produce(KubeObject obj, List<ProducerRule> rules, ref List<ProducedObject>? made)
    {
        foreach (var rule in rules)
        {
            rule.Produce(obj, made ??= new List<ProducedObject>());
        }
    }

    /// <summary>This table with the entries of <paramref name="more"/> added.</summary>
    public KnowledgeTable With(KnowledgeTable more)
    {
        var producers = _producers.ToDictionary(p => p.Key, p => new List<ProducerRule>(p.Value));
        foreach (var pair in more._producers)
        {
            Add(producers, pair.Key, pair.Value);
        }

        var podSpecs = _podSpecs.ToDictionary(p => p.Key, p => new List<FieldPath>(p.Value));
        foreach (var pair in more._podSpecs)
        {
            Add(podSpecs, pair.Key, pair.Value);
        }

        var groups = new HashSet<string>(_groups, StringComparer.Ordinal);
        groups.UnionWith(more._groups);
        return new KnowledgeTable(producers, podSpecs, Implicit.Concat(more.Implicit).ToList(), groups);
    }

    /// <summary>Reads a knowledge file; entries with mistakes are left out and reported.</summary>
    public static KnowledgeTable Parse(string path, string text, List<KnowledgeFileError> errors)
    {
        var producers = new Dictionary<(string, string), List<ProducerRule>>();
        var podSpecs = new Dictionary<(string, string), List<FieldPath>>();
        var implicitObjects = new List<ImplicitObject>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var read = YamlStreamReader.Read(text);
        if (read.Error is { } error)
        {
            errors.Add(new KnowledgeFileError(path, error.Range.Start.Line, error.Message));
        }

        var reader = new EntryReader(path, errors);
        foreach (var document in read.Documents)
        {
            if (document.Root is not YamlMapping root)
            {
                continue;
            }

            foreach (var item in Items(root.GetSequence("producers")))
            {
                if (reader.Producer(item) is { } rule)
                {
                    Add(producers, (rule.Group, rule.Kind), new[] { rule });
                    if (rule.Group.Length > 0)
                    {
                        groups.Add(rule.Group);
                    }
                }
            }

            foreach (var item in Items(root.GetSequence("implicit")))
            {
                if (reader.Implicit(item) is { } implicitObject)
                {
                    implicitObjects.Add(implicitObject);
                }
            }

            foreach (var item in Items(root.GetSequence("podSpecs")))
            {
                if (reader.PodSpecs(item) is { } entry)
                {
                    Add(podSpecs, (entry.Group, entry.Kind), entry.Paths);
                    groups.Add(entry.Group);
                }
            }

            foreach (var item in root.GetSequence("knownGroups")?.Items ?? default)
            {
                if (item is YamlScalar { Value.Length: > 0 } group)
                {
                    groups.Add(group.Value);
                }
            }
        }

        return new KnowledgeTable(producers, podSpecs, implicitObjects, groups);
    }

    private static IEnumerable<YamlMapping> Items(YamlSequence? sequence)
    {
        foreach (var item in sequence?.Items ?? default)
        {
            if (item is YamlMapping mapping)
            {
                yield return mapping;
            }
        }
    }

    private static void Add<TValue>(Dictionary<(string, string), List<TValue>> index, (string, string) key, IEnumerable<TValue> values)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<TValue>();
        }

        list.AddRange(values);
    }

    private static KnowledgeTable LoadBuiltIn()
    {
        using var stream = typeof(KnowledgeTable).GetTypeInfo().Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the engine lacks its resource {ResourceName}");
        using var reader = new StreamReader(stream);
        var errors = new List<KnowledgeFileError>();
        var table = Parse("known-objects.yaml", reader.ReadToEnd(), errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"known-objects.yaml({errors[0].Line}): {errors[0].Message}");
        }

        return table;
    }

    /// <summary>Reads the entries of a knowledge file, reporting each mistake with its line.</summary>
    private sealed class EntryReader
    {
        private readonly string _path;
        private readonly List<KnowledgeFileError> _errors;

        public EntryReader(string path, List<KnowledgeFileError> errors)
        {
            _path = path;
            _errors = errors;
        }

        public ProducerRule? Producer(YamlMapping entry)
        {
            if (!Identity(entry, out var kind, out var group))
            {
                return null;
            }

            var made = new List<MadeObjectRule>();
            var listed = 0;
            foreach (var item in Items(entry.GetSequence("makes")))
            {
                listed++;
                if (Made(item) is { } rule)
                {
                    made.Add(rule);
                }
            }

            if (made.Count == 0)
            {
                // Entries with mistakes are reported already; say more only when none is written.
                if (listed == 0)
                {
                    Error(entry, $"producer {kind} makes nothing: add makes: [{{kind: Secret, name: ...}}]");
                }

                return null;
            }

            return Conditions(entry, "when", out var when) && Conditions(entry, "unless", out var unless)
                ? new ProducerRule(kind, group, when, unless, made, entry.GetString("source") ?? _path)
                : null;
        }

        public ImplicitObject? Implicit(YamlMapping entry)
        {
            if (!ConfigKindOf(entry, out var kind) || entry.GetString("name") is not { Length: > 0 } name)
            {
                Error(entry, "an implicit object needs kind (Secret or ConfigMap) and name");
                return null;
            }

            return new ImplicitObject(kind, name, KeyList(entry), entry.GetString("madeBy") ?? "the cluster", entry.GetString("source") ?? _path);
        }

        public (string Kind, string Group, List<FieldPath> Paths)? PodSpecs(YamlMapping entry)
        {
            if (!Identity(entry, out var kind, out var group) || !Paths(entry, "paths", out var paths) || paths.Count == 0)
            {
                return null;
            }

            if (group.Length == 0)
            {
                Error(entry, $"podSpecs are for custom resources; {kind} of the core group is known already");
                return null;
            }

            return (kind, group, paths);
        }

        private MadeObjectRule? Made(YamlMapping entry)
        {
            if (!ConfigKindOf(entry, out var kind))
            {
                Error(entry, "makes: kind must be Secret or ConfigMap");
                return null;
            }

            if (entry.GetString("name") is not { Length: > 0 } nameText)
            {
                Error(entry, "makes: name is required");
                return null;
            }

            if (!Template.TryParse(nameText, out var name, out var nameError))
            {
                Error(entry, $"makes: name: {nameError}");
                return null;
            }

            Template? ns = null;
            var anyNamespace = false;
            if (entry.GetString("namespace") is { Length: > 0 } nsText)
            {
                anyNamespace = nsText == "any";
                if (!anyNamespace && !Template.TryParse(nsText, out ns, out var nsError))
                {
                    Error(entry, $"makes: namespace: {nsError}");
                    return null;
                }
            }

            FieldPath? each = null;
            if (entry.GetString("each") is { Length: > 0 } eachText && !FieldPath.TryParse(eachText, out each, out var eachError))
            {
                Error(entry, $"makes: each: {eachError}");
                return null;
            }

            if (!Paths(entry, "keysFrom", out var keysFrom)
                || !Conditions(entry, "keysUnknownWhen", out var keysUnknownWhen)
                || !Conditions(entry, "when", out var when)
                || !Conditions(entry, "unless", out var unless))
            {
                return null;
            }

            return new MadeObjectRule(kind, name, ns, anyNamespace, each, KeyList(entry), keysFrom, keysUnknownWhen, when, unless);
        }

        private bool Identity(YamlMapping entry, out string kind, out string group)
        {
            kind = entry.GetString("kind") ?? string.Empty;
            group = entry.GetString("group") ?? string.Empty;
            if (kind.Length == 0 || entry["group"] is null)
            {
                Error(entry, "an entry needs kind and group (\"\" for the core group)");
                return false;
            }

            return true;
        }

        private static bool ConfigKindOf(YamlMapping entry, out ConfigKind kind)
        {
            kind = entry.GetString("kind") == "ConfigMap" ? ConfigKind.ConfigMap : ConfigKind.Secret;
            return entry.GetString("kind") is "Secret" or "ConfigMap";
        }

        private static IReadOnlyList<string>? KeyList(YamlMapping entry)
        {
            if (entry.GetSequence("keys") is not { } keys)
            {
                return null;
            }

            var list = new List<string>();
            foreach (var key in keys.Items)
            {
                if (key is YamlScalar { Value.Length: > 0 } scalar)
                {
                    list.Add(scalar.Value);
                }
            }

            return list;
        }

        private bool Paths(YamlMapping entry, string field, out List<FieldPath> paths)
        {
            paths = new List<FieldPath>();
            foreach (var text in Strings(entry, field))
            {
                if (!FieldPath.TryParse(text, out var path, out var error))
                {
                    Error(entry, $"{field}: {error}");
                    return false;
                }

                paths.Add(path);
            }

            return true;
        }

        private bool Conditions(YamlMapping entry, string field, out List<Condition> conditions)
        {
            conditions = new List<Condition>();
            foreach (var text in Strings(entry, field))
            {
                if (!Condition.TryParse(text, out var condition, out var error))
                {
                    Error(entry, $"{field}: {error}");
                    return false;
                }

                conditions.Add(condition);
            }

            return true;
        }

        private static IEnumerable<string> Strings(YamlMapping entry, string field)
        {
            switch (entry[field])
            {
                case YamlScalar { Value.Length: > 0 } scalar:
                    yield return scalar.Value;
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlScalar { Value.Length: > 0 } value)
                        {
                            yield return value.Value;
                        }
                    }

                    break;
            }
        }

        private void Error(YamlNode node, string message) => _errors.Add(new KnowledgeFileError(_path, node.Start.Line, message));
    }
}

/// <summary>The API group of an <c>apiVersion</c>: <c>cert-manager.io</c> of <c>cert-manager.io/v1</c>, "" for <c>v1</c>.</summary>
public static class ApiGroup
{
    public static string Of(string? apiVersion)
    {
        if (apiVersion is null)
        {
            return string.Empty;
        }

        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
    }

    /// <summary>True for an <c>apiVersion</c> that a tool fills in before applying: <c>$API_VERSION</c>, <c>${API}</c>.</summary>
    public static bool IsPlaceholder(string? apiVersion) => apiVersion is { Length: > 1 } && apiVersion[0] == '$';
}
