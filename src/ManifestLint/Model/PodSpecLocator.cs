using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// Where each kind keeps its pod template (docs/kubernetes-behaviour.md#pod-templates), custom resources the knowledge table describes, plus any
/// object with <c>spec.template.spec.containers</c>.
/// </summary>
internal static class PodSpecLocator
{
    public static IReadOnlyList<PodSpec> Find(KubeObject owner)
    {
        var root = owner.Root;
        if (owner.PodSpecPaths is { } paths)
        {
            // A custom resource the knowledge table describes (Ray, Kubeflow training jobs, JobSet, ...).
            var found = new List<PodSpec>();
            foreach (var specPath in paths)
            {
                foreach (var match in specPath.Select(root))
                {
                    if (match.Node is YamlMapping spec && spec["containers"] is YamlSequence)
                    {
                        found.Add(new PodSpec(owner, spec, match.Path));
                    }
                }
            }

            return found;
        }

        var (node, path) = owner.Kind switch
        {
            "Pod" => (root.GetMapping("spec"), "spec"),
            "PodTemplate" => (root.GetMapping("template")?.GetMapping("spec"), "template.spec"),
            "CronJob" => (root.GetMapping("spec")?.GetMapping("jobTemplate")?.GetMapping("spec")?.GetMapping("template")?.GetMapping("spec"),
                "spec.jobTemplate.spec.template.spec"),
            _ => (TemplateSpec(root), "spec.template.spec"),
        };

        if (node is null)
        {
            return Array.Empty<PodSpec>();
        }

        // A CRD (Argo Rollouts and the like) counts only when the template really holds containers.
        if (!IsBuiltInWorkload(owner.Kind) && node["containers"] is not YamlSequence)
        {
            return Array.Empty<PodSpec>();
        }

        return new[] { new PodSpec(owner, node, path) };
    }

    private static YamlMapping? TemplateSpec(YamlMapping root) =>
        root.GetMapping("spec")?.GetMapping("template")?.GetMapping("spec");

    private static bool IsBuiltInWorkload(string? kind) => kind is "Pod" or "PodTemplate" or "ReplicationController"
        or "ReplicaSet" or "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob";
}
