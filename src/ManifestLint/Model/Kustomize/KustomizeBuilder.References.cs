using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

public sealed partial class KustomizeBuilder
{
    /// <summary>Where each built-in workload kind keeps its pod spec (kustomize's nameReference field specs).</summary>
    private static readonly Dictionary<string, string[]> PodSpecPaths = new(StringComparer.Ordinal)
    {
        ["Pod"] = new[] { "spec" },
        ["PodTemplate"] = new[] { "template", "spec" },
        ["Deployment"] = new[] { "spec", "template", "spec" },
        ["ReplicaSet"] = new[] { "spec", "template", "spec" },
        ["StatefulSet"] = new[] { "spec", "template", "spec" },
        ["DaemonSet"] = new[] { "spec", "template", "spec" },
        ["Job"] = new[] { "spec", "template", "spec" },
        ["ReplicationController"] = new[] { "spec", "template", "spec" },
        ["CronJob"] = new[] { "spec", "jobTemplate", "spec", "template", "spec" },
    };

    private static readonly string[] ContainerFields = { "containers", "initContainers", "ephemeralContainers" };

    /// <summary>
    /// After every transformer, references to a ConfigMap or Secret of the build that was renamed (prefix, suffix) are
    /// renamed with it, as kustomize's <c>FixBackReferences</c> does: only to objects of the same build and namespace.
    /// </summary>
    private static void FixNameReferences(BuildState state)
    {
        var renamed = state.Resources.Any(r => r.Kind is "ConfigMap" or "Secret" && r.Names.Count > 1) || state.Generated.Any(g => g.Names.Count > 1);
        if (!renamed)
        {
            return;
        }

        foreach (var resource in state.Resources)
        {
            foreach (var (steps, kind) in ReferenceFields(resource).Concat(ConfiguredFields(resource, state)))
            {
                if (Get(resource.Root, steps) is not YamlScalar scalar || TreeEdit.Text(scalar) is not { } written)
                {
                    continue;
                }

                var current = CurrentName(state, kind, written, resource.Kind is "ClusterRole" ? null : resource.Namespace, resource.Kind is "ClusterRole");
                if (current is null || current == written)
                {
                    continue;
                }

                ReplaceScalar(resource, steps, scalar, current);
            }
        }
    }

    /// <summary>The current name of the ConfigMap or Secret of the build that had <paramref name="written"/> as a name.</summary>
    private static string? CurrentName(BuildState state, string kind, string written, string? ns, bool anyNamespace)
    {
        string? found = null;
        foreach (var resource in state.Resources)
        {
            if (resource.Kind == kind && resource.Names.Contains(written) && (anyNamespace || resource.Namespace == ns))
            {
                if (found is not null && found != resource.Name)
                {
                    return null;
                }

                found = resource.Name;
            }
        }

        foreach (var made in state.Generated)
        {
            if (made.KindName == kind && made.Names.Contains(written) && (anyNamespace || made.Namespace == ns))
            {
                if (found is not null && found != made.Name)
                {
                    return null;
                }

                found = made.Name;
            }
        }

        return found;
    }

    /// <summary>The fields <c>configurations:</c> declare as ConfigMap or Secret names for this object's kind.</summary>
    private static IEnumerable<(object[] Steps, string Kind)> ConfiguredFields(BuiltResource resource, BuildState state)
    {
        foreach (var (referral, kind, path) in state.NameReferences)
        {
            if (kind is not null && kind != resource.Kind)
            {
                continue;
            }

            // A path step that meets a list goes through every element (kustomize's field specs do).
            var partial = new List<(List<object> Steps, YamlNode Node)> { (new List<object>(), resource.Root) };
            foreach (var segment in path)
            {
                var next = new List<(List<object>, YamlNode)>();
                foreach (var (steps, node) in partial)
                {
                    var current = node is YamlSequence list
                        ? list.Items.Select((item, i) => (Steps: steps.Append(i).ToList(), Node: item)).ToList()
                        : new List<(List<object> Steps, YamlNode Node)> { (steps, node) };
                    foreach (var (at, element) in current)
                    {
                        if ((element as YamlMapping)?[segment] is { } child)
                        {
                            next.Add((at.Append(segment).ToList(), child));
                        }
                    }
                }

                partial = next;
            }

            foreach (var (steps, node) in partial)
            {
                if (node is YamlScalar)
                {
                    yield return (steps.ToArray(), referral);
                }
            }
        }
    }

    /// <summary>Every field of a built object that names a ConfigMap or Secret, as steps from its root.</summary>
    private static IEnumerable<(object[] Steps, string Kind)> ReferenceFields(BuiltResource resource)
    {
        var root = resource.Root;
        if (resource.Kind is "ServiceAccount")
        {
            foreach (var field in new[] { "secrets", "imagePullSecrets" })
            {
                for (var i = 0; i < (root.GetSequence(field)?.Count ?? 0); i++)
                {
                    yield return (new object[] { field, i, "name" }, "Secret");
                }
            }

            yield break;
        }

        if (resource.Kind is "Role" or "ClusterRole")
        {
            var rules = root.GetSequence("rules");
            for (var i = 0; i < (rules?.Count ?? 0); i++)
            {
                if (rules![i] is not YamlMapping rule || rule.GetSequence("resourceNames") is not { } names)
                {
                    continue;
                }

                var resources = rule.GetSequence("resources")?.Items.Select(TreeEdit.Text).ToList() ?? new List<string?>();
                var kind = resources.Contains("secrets") ? "Secret" : resources.Contains("configmaps") ? "ConfigMap" : null;
                for (var j = 0; kind is not null && j < names.Count; j++)
                {
                    yield return (new object[] { "rules", i, "resourceNames", j }, kind);
                }
            }

            yield break;
        }

        if (resource.Kind is null || !PodSpecPaths.TryGetValue(resource.Kind, out var podPath) || Get(root, podPath) is not YamlMapping pod)
        {
            yield break;
        }

        object[] At(params object[] rest) => podPath.Cast<object>().Concat(rest).ToArray();
        var volumes = pod.GetSequence("volumes");
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            if (volumes![i] is not YamlMapping volume)
            {
                continue;
            }

            yield return (At("volumes", i, "configMap", "name"), "ConfigMap");
            yield return (At("volumes", i, "secret", "secretName"), "Secret");
            var sources = volume.GetMapping("projected")?.GetSequence("sources");
            for (var j = 0; j < (sources?.Count ?? 0); j++)
            {
                yield return (At("volumes", i, "projected", "sources", j, "configMap", "name"), "ConfigMap");
                yield return (At("volumes", i, "projected", "sources", j, "secret", "name"), "Secret");
            }
        }

        var pullSecrets = pod.GetSequence("imagePullSecrets");
        for (var i = 0; i < (pullSecrets?.Count ?? 0); i++)
        {
            yield return (At("imagePullSecrets", i, "name"), "Secret");
        }

        foreach (var field in ContainerFields)
        {
            var containers = pod.GetSequence(field);
            for (var c = 0; c < (containers?.Count ?? 0); c++)
            {
                if (containers![c] is not YamlMapping container)
                {
                    continue;
                }

                var env = container.GetSequence("env");
                for (var e = 0; e < (env?.Count ?? 0); e++)
                {
                    yield return (At(field, c, "env", e, "valueFrom", "configMapKeyRef", "name"), "ConfigMap");
                    yield return (At(field, c, "env", e, "valueFrom", "secretKeyRef", "name"), "Secret");
                }

                var envFrom = container.GetSequence("envFrom");
                for (var e = 0; e < (envFrom?.Count ?? 0); e++)
                {
                    yield return (At(field, c, "envFrom", e, "configMapRef", "name"), "ConfigMap");
                    yield return (At(field, c, "envFrom", e, "secretRef", "name"), "Secret");
                }
            }
        }
    }

    /// <summary>
    /// Replaces <c>$(NAME)</c> of the build's <c>vars</c> in container env values, commands and args with the value
    /// of the field the var names (after every transformer: a name has its prefix).
    /// </summary>
    private static void ResolveVariables(BuildState state)
    {
        if (state.Variables.Count == 0)
        {
            return;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in state.Variables)
        {
            var name = variable.GetString("name")!;
            var reference = variable.GetMapping("objref");
            var kind = reference?.GetString("kind");
            var objectName = reference?.GetString("name");
            var fieldPath = variable.GetMapping("fieldref")?.GetString("fieldpath") ?? variable.GetMapping("fieldref")?.GetString("fieldPath") ?? "metadata.name";
            var target = state.Resources.FirstOrDefault(r => r.Kind == kind && objectName is not null && r.Names.Contains(objectName));
            if (target is not null && FieldPathValue(target.Root, fieldPath) is { } value)
            {
                values[name] = value;
            }
        }

        if (values.Count == 0)
        {
            return;
        }

        foreach (var resource in state.Resources)
        {
            if (resource.Kind is null || !PodSpecPaths.TryGetValue(resource.Kind, out var podPath) || Get(resource.Root, podPath) is not YamlMapping pod)
            {
                continue;
            }

            foreach (var field in ContainerFields)
            {
                var containers = pod.GetSequence(field);
                for (var c = 0; c < (containers?.Count ?? 0); c++)
                {
                    if (containers![c] is not YamlMapping container)
                    {
                        continue;
                    }

                    var targets = new List<object[]>();
                    for (var e = 0; e < (container.GetSequence("env")?.Count ?? 0); e++)
                    {
                        targets.Add(podPath.Cast<object>().Concat(new object[] { field, c, "env", e, "value" }).ToArray());
                    }

                    foreach (var list in new[] { "command", "args" })
                    {
                        for (var a = 0; a < (container.GetSequence(list)?.Count ?? 0); a++)
                        {
                            targets.Add(podPath.Cast<object>().Concat(new object[] { field, c, list, a }).ToArray());
                        }
                    }

                    foreach (var steps in targets)
                    {
                        if (Get(resource.Root, steps) is YamlScalar scalar && scalar.Value.IndexOf("$(", StringComparison.Ordinal) >= 0)
                        {
                            var text = scalar.Value;
                            foreach (var pair in values)
                            {
                                text = text.Replace("$(" + pair.Key + ")", pair.Value);
                            }

                            if (text != scalar.Value)
                            {
                                ReplaceScalar(resource, steps, scalar, text);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Puts <paramref name="text"/> where <paramref name="scalar"/> stands, in the file it was written in.</summary>
    private static void ReplaceScalar(BuiltResource resource, object[] steps, YamlScalar scalar, string text)
    {
        var file = resource.Origins.FileOf(resource.Root, resource.File, scalar);
        var replacement = TreeEdit.Scalar(text, scalar.Range);
        if (!ReferenceEquals(file, resource.File))
        {
            resource.Origins.Graft(replacement, file);
        }

        resource.Root = (YamlMapping)TreeEdit.Replace(resource.Root, steps, 0, _ => replacement, create: false, scalar.Range, file, resource.Origins)!;
    }

    /// <summary>The text at a var's field path (<c>metadata.name</c>, <c>spec.ports[0].port</c>).</summary>
    private static string? FieldPathValue(YamlMapping root, string fieldPath)
    {
        YamlNode? node = root;
        foreach (var part in fieldPath.Split('.'))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[');
            if (bracket > 0 && part.EndsWith("]", StringComparison.Ordinal) && int.TryParse(part.Substring(bracket + 1, part.Length - bracket - 2), out var parsed))
            {
                name = part.Substring(0, bracket);
                index = parsed;
            }

            node = (node as YamlMapping)?[name];
            if (index >= 0)
            {
                node = node is YamlSequence sequence && index < sequence.Count ? sequence[index] : null;
            }
        }

        return TreeEdit.Text(node);
    }

    internal static YamlNode? Get(YamlNode root, IReadOnlyList<object> steps)
    {
        YamlNode? node = root;
        foreach (var step in steps)
        {
            node = step switch
            {
                string name => (node as YamlMapping)?[name],
                int index when node is YamlSequence sequence && index < sequence.Count => sequence[index],
                _ => null,
            };

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
