using ManifestLint.Model.Knowledge;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// ConfigMaps and Secrets that workloads of the set create through the API, as RBAC tells: certificate-generator
/// Jobs of admission webhooks (<c>--secret-name=ingress-nginx-admission</c>), operators that write their own
/// credentials (<c>METALLB_ML_SECRET_NAME=memberlist</c>), a password Secret named in a Role's <c>resourceNames</c>.
/// <para>
/// RBAC cannot restrict <c>create</c> by name, so a Role that names an object in <c>resourceNames</c> for other verbs
/// next to a plain grant to create that resource says "this object is created here". And a workload whose
/// ServiceAccount is bound to such a grant may create any name: the names written in its command, args and env
/// values are the ones it is told to create. Keys are unknown in both cases.
/// </para>
/// </summary>
internal static class RuntimeCreatedObjects
{
    private static readonly (ConfigKind Kind, string Resource)[] Resources =
    {
        (ConfigKind.ConfigMap, "configmaps"),
        (ConfigKind.Secret, "secrets"),
    };

    private static readonly char[] Separators = { ' ', '\t', '\n', '\r', '=', ',', ';', '"', '\'' };

    public static IEnumerable<ConfigSource> Find(LintedSet set, KnowledgeTable knowledge)
    {
        var roles = new Dictionary<(string Kind, string? Namespace, string Name), RoleFacts>();
        foreach (var obj in set.Objects)
        {
            if (GraphFacts.Of(obj, knowledge).Role is { } role)
            {
                roles[role.Key] = role;
                foreach (var made in role.Made)
                {
                    yield return made;
                }
            }
        }

        if (roles.Count == 0)
        {
            yield break;
        }

        var creators = Creators(set, knowledge, roles);
        foreach (var obj in set.Objects)
        {
            var accounts = GraphFacts.Of(obj, knowledge).PodAccounts;
            for (var i = 0; i < accounts.Count; i++)
            {
                var account = accounts[i];
                if (!creators.TryGetValue((obj.Namespace, account), out var kinds))
                {
                    continue;
                }

                // Rare (a workload whose ServiceAccount may create objects): its words are read from its tree, which a
                // large run reads again for it.
                foreach (var (name, node) in MentionedNames(obj.PodSpecs[i]))
                {
                    foreach (var kind in kinds)
                    {
                        yield return Made(kind, name, obj.Namespace, node, obj, $"its ServiceAccount '{account}' may create {Plural(kind)} and it is given this name", guessed: true);
                    }
                }
            }
        }
    }

    /// <summary>The ServiceAccount a pod spec runs as.</summary>
    internal static string AccountOf(PodSpec pod) =>
        pod.Node.GetString("serviceAccountName") ?? pod.Node.GetString("serviceAccount") ?? "default";

    /// <summary>The ServiceAccounts (namespace, name) bound to a role that may create ConfigMaps or Secrets.</summary>
    private static Dictionary<(string Namespace, string Account), HashSet<ConfigKind>> Creators(LintedSet set, KnowledgeTable knowledge, Dictionary<(string Kind, string? Namespace, string Name), RoleFacts> roles)
    {
        var creators = new Dictionary<(string, string), HashSet<ConfigKind>>();
        foreach (var obj in set.Objects)
        {
            if (GraphFacts.Of(obj, knowledge).Binding is not { } binding || !roles.TryGetValue(binding.Role, out var grants))
            {
                continue;
            }

            foreach (var (ns, account) in binding.Subjects)
            {
                foreach (var (kind, _) in Resources)
                {
                    if (!grants.MayCreate(kind))
                    {
                        continue;
                    }

                    if (!creators.TryGetValue((ns, account), out var kinds))
                    {
                        creators[(ns, account)] = kinds = new HashSet<ConfigKind>();
                    }

                    kinds.Add(kind);
                }
            }
        }

        return creators;
    }

    /// <summary>What a Role or ClusterRole lets create, and the objects it names in <c>resourceNames</c> beside such a grant.</summary>
    internal sealed class RoleFacts
    {
        private readonly HashSet<ConfigKind> _create;

        private RoleFacts((string Kind, string? Namespace, string Name) key, HashSet<ConfigKind> create, IReadOnlyList<ConfigSource> made)
        {
            Key = key;
            _create = create;
            Made = made;
        }

        public (string Kind, string? Namespace, string Name) Key { get; }

        /// <summary>The objects it names and may create, in the order written.</summary>
        public IReadOnlyList<ConfigSource> Made { get; }

        public bool MayCreate(ConfigKind kind) => _create.Contains(kind);

        public static RoleFacts? Of(KubeObject obj)
        {
            if (obj.Kind is not ("Role" or "ClusterRole") || obj.Name is null || obj.Root.GetSequence("rules") is not { } rules)
            {
                return null;
            }

            var ns = obj.IsKind("Role") ? obj.Namespace : null;
            var grants = RoleGrants.Read(rules);
            var made = new List<ConfigSource>();
            var create = new HashSet<ConfigKind>();
            foreach (var (kind, _) in Resources)
            {
                if (!grants.MayCreate(kind))
                {
                    continue;
                }

                create.Add(kind);
                foreach (var name in grants.Named(kind))
                {
                    made.Add(Made(kind, name.Value, ns, name, obj, "it names the object in resourceNames and may create " + Plural(kind)));
                }
            }

            return new RoleFacts((obj.Kind!, ns, obj.Name), create, made);
        }
    }

    /// <summary>A RoleBinding's or ClusterRoleBinding's role and the ServiceAccounts (namespace, name) it binds.</summary>
    internal sealed class BindingFacts
    {
        private BindingFacts((string Kind, string? Namespace, string Name) role, IReadOnlyList<(string Namespace, string Account)> subjects)
        {
            Role = role;
            Subjects = subjects;
        }

        public (string Kind, string? Namespace, string Name) Role { get; }

        public IReadOnlyList<(string Namespace, string Account)> Subjects { get; }

        public static BindingFacts? Of(KubeObject binding)
        {
            if (binding.Kind is not ("RoleBinding" or "ClusterRoleBinding") || binding.Root.GetMapping("roleRef") is not { } roleRef
                || roleRef.GetString("name") is not { } roleName || binding.Root.GetSequence("subjects") is not { } subjects)
            {
                return null;
            }

            var roleKind = roleRef.GetString("kind") ?? "Role";
            var roleNamespace = roleKind == "Role" ? binding.Namespace : null;
            var accounts = new List<(string, string)>();
            foreach (var subject in subjects.Items)
            {
                if (subject is not YamlMapping mapping || mapping.GetString("kind") != "ServiceAccount" || mapping.GetString("name") is not { } account)
                {
                    continue;
                }

                // A ClusterRoleBinding's subjects must name their namespace; a RoleBinding's default to its own.
                accounts.Add((mapping.GetString("namespace") ?? binding.Namespace, account));
            }

            return new BindingFacts((roleKind, roleNamespace, roleName), accounts);
        }
    }

    /// <summary>The words of the containers' command, args and env values that could be object names.</summary>
    private static IEnumerable<(string Name, YamlScalar Node)> MentionedNames(PodSpec pod)
    {
        foreach (var container in pod.Containers)
        {
            foreach (var field in new[] { "command", "args" })
            {
                foreach (var item in container.Node.GetSequence(field)?.Items ?? default)
                {
                    if (item is YamlScalar scalar)
                    {
                        foreach (var word in Words(scalar.Value))
                        {
                            yield return (word, scalar);
                        }
                    }
                }
            }

            foreach (var env in container.Env)
            {
                if (env.Node.GetScalar("value") is { } value)
                {
                    foreach (var word in Words(value.Value))
                    {
                        yield return (word, value);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The words of a value that are object names: <c>--secret-name=webhook-cert</c> gives <c>webhook-cert</c>;
    /// paths and URLs (<c>/usr/bin</c>, <c>https://host</c>) are one word each, and no name.
    /// </summary>
    private static IEnumerable<string> Words(string text)
    {
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (ObjectNames.IsDns1123Subdomain(word))
            {
                yield return word;
            }
        }
    }

    private static ConfigSource Made(ConfigKind kind, string name, string? ns, YamlNode anchor, KubeObject creator, string why, bool guessed = false) =>
        ConfigSource.FromProducer(new ProducedObject(kind, name, ns, null, anchor, creator, "RBAC"), $"{creator.DisplayName}: {why}", guessed);

    private static string Plural(ConfigKind kind) => kind == ConfigKind.ConfigMap ? "ConfigMaps" : "Secrets";

    /// <summary>What one Role or ClusterRole allows for ConfigMaps and Secrets.</summary>
    private sealed class RoleGrants
    {
        private readonly HashSet<ConfigKind> _create = new();
        private readonly Dictionary<ConfigKind, List<YamlScalar>> _named = new();

        public bool MayCreate(ConfigKind kind) => _create.Contains(kind);

        public IReadOnlyList<YamlScalar> Named(ConfigKind kind) =>
            _named.TryGetValue(kind, out var names) ? names : (IReadOnlyList<YamlScalar>)Array.Empty<YamlScalar>();

        public static RoleGrants Read(YamlSequence rules)
        {
            var grants = new RoleGrants();
            foreach (var item in rules.Items)
            {
                if (item is not YamlMapping rule || !Lists(rule, "apiGroups", string.Empty))
                {
                    continue;
                }

                foreach (var (kind, resource) in Resources)
                {
                    if (!Lists(rule, "resources", resource))
                    {
                        continue;
                    }

                    if (rule.GetSequence("resourceNames") is { Count: > 0 } names)
                    {
                        if (!grants._named.TryGetValue(kind, out var list))
                        {
                            grants._named[kind] = list = new List<YamlScalar>();
                        }

                        list.AddRange(names.Items.OfType<YamlScalar>().Where(n => n.Value.Length > 0));
                    }
                    else if (Lists(rule, "verbs", "create"))
                    {
                        grants._create.Add(kind);
                    }
                }
            }

            return grants;
        }

        /// <summary>True when the rule's list <paramref name="field"/> holds <paramref name="value"/> or the wildcard.</summary>
        private static bool Lists(YamlMapping rule, string field, string value)
        {
            foreach (var item in rule.GetSequence(field)?.Items ?? default)
            {
                if (item is YamlScalar scalar && (scalar.Value == value || scalar.Value == "*"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
