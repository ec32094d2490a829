namespace ManifestLint.Model;

/// <summary>
/// Files that look like Kubernetes objects (apiVersion and kind) but configure a tool and never reach the API
/// server: kind cluster configs, component configs (kube-scheduler, kubelet, kubeadm), audit policies,
/// kubeconfigs, skaffold. They need no name and hold no pod specs, so they are not objects of the linted set.
/// </summary>
public static class ToolConfiguration
{
    private static readonly HashSet<string> Groups = new(StringComparer.Ordinal)
    {
        "kind.x-k8s.io", "kubeadm.k8s.io", "audit.k8s.io", "apiserver.k8s.io", "clientauthentication.k8s.io",
        "config.kubernetes.io", "skaffold", "kpt.dev",
    };

    /// <summary>
    /// A KRM function's configuration (annotated <c>config.kubernetes.io/function</c>) or an object marked
    /// <c>config.kubernetes.io/local-config: "true"</c>: kustomize and kpt read them and never emit them.
    /// </summary>
    public static bool IsFunctionConfiguration(Yaml.YamlMapping root)
    {
        if (root.GetMapping("metadata")?.GetMapping("annotations") is not { } annotations)
        {
            return false;
        }

        return annotations["config.kubernetes.io/function"] is not null
               || annotations["config.k8s.io/function"] is not null
               || annotations.GetString("config.kubernetes.io/local-config") == "true";
    }

    public static bool IsToolConfiguration(string? apiVersion, string? kind)
    {
        if (apiVersion is null)
        {
            return false;
        }

        var slash = apiVersion.IndexOf('/');
        if (slash < 0)
        {
            // The legacy kube-scheduler Policy and kubeconfig files use the core "v1" that has no such kinds.
            return apiVersion == "v1" && kind is "Config" or "Policy";
        }

        var group = apiVersion.Substring(0, slash);
        return Groups.Contains(group)
               || group.EndsWith(".config.kubernetes.io", StringComparison.Ordinal)
               || group.EndsWith(".config.k8s.io", StringComparison.Ordinal)
               || group.EndsWith(".config.x-k8s.io", StringComparison.Ordinal);
    }
}
