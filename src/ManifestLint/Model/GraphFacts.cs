using ManifestLint.Model.Knowledge;

namespace ManifestLint.Model;

/// <summary>
/// What one object gives the reference graph, taken once while its tree is in memory and kept without it: the
/// ConfigMap or Secret it is, what controllers make from it, the references it holds, and what RBAC says about what
/// it may create. The graph is built from these alone, so that a large run can drop every tree before the rules run
/// and read each file again only while its rules run.
/// </summary>
internal sealed class GraphFacts
{
    private GraphFacts(
        ConfigSource? definition,
        IReadOnlyList<ConfigSource> produced,
        IReadOnlyList<ReferenceEdge> edges,
        RuntimeCreatedObjects.RoleFacts? role,
        RuntimeCreatedObjects.BindingFacts? binding,
        IReadOnlyList<string> podAccounts)
    {
        Definition = definition;
        Produced = produced;
        Edges = edges;
        Role = role;
        Binding = binding;
        PodAccounts = podAccounts;
    }

    /// <summary>The definition a ConfigMap or Secret object makes; null for other kinds and unnamed objects.</summary>
    public ConfigSource? Definition { get; }

    /// <summary>What the knowledge table's producers make from the object (a cert-manager Certificate's Secret).</summary>
    public IReadOnlyList<ConfigSource> Produced { get; }

    /// <summary>Every reference the object holds, in its pod specs' order, then a ServiceAccount's secrets.</summary>
    public IReadOnlyList<ReferenceEdge> Edges { get; }

    /// <summary>For a Role or ClusterRole: what it lets create, and the objects it names so.</summary>
    public RuntimeCreatedObjects.RoleFacts? Role { get; }

    /// <summary>For a RoleBinding or ClusterRoleBinding: its role and the ServiceAccounts it binds.</summary>
    public RuntimeCreatedObjects.BindingFacts? Binding { get; }

    /// <summary>The ServiceAccount of each pod spec, in order.</summary>
    public IReadOnlyList<string> PodAccounts { get; }

    /// <summary>The object's facts, taken on first use (the same table must be given every time).</summary>
    public static GraphFacts Of(KubeObject obj, KnowledgeTable knowledge)
    {
        if (Volatile.Read(ref obj.Facts) is { } known)
        {
            return known;
        }

        var produced = knowledge.Produce(obj);
        var pods = obj.PodSpecs;
        var accounts = pods.Count == 0 ? Array.Empty<string>() : new string[pods.Count];
        for (var i = 0; i < pods.Count; i++)
        {
            accounts[i] = RuntimeCreatedObjects.AccountOf(pods[i]);
        }

        var facts = new GraphFacts(
            obj.Kind is "ConfigMap" or "Secret" ? ConfigSource.FromObject(obj) : null,
            produced.Count == 0 ? Array.Empty<ConfigSource>() : produced.Select(made => ConfigSource.FromProducer(made)).ToArray(),
            ReferenceEdge.Of(obj),
            RuntimeCreatedObjects.RoleFacts.Of(obj),
            RuntimeCreatedObjects.BindingFacts.Of(obj),
            accounts);

        // Racing threads take the same facts; one is kept.
        return Interlocked.CompareExchange(ref obj.Facts, facts, null) ?? facts;
    }
}
