namespace ManifestLint.Model.Knowledge;

/// <summary>Whether an object would reach an API server that knows its kind.</summary>
public enum ObjectApi
{
    /// <summary>A kind of a built-in API group (core, apps, batch, networking.k8s.io, ...).</summary>
    BuiltIn,

    /// <summary>A custom kind whose CustomResourceDefinition is in the set, or of a group the knowledge table names.</summary>
    KnownCustom,

    /// <summary>A custom kind nothing in the set or the table defines: it may be a tool's input, not an API object.</summary>
    Unknown,
}

/// <summary>The API groups Kubernetes serves itself (k8s.io/api), whose objects are always sent to the API server.</summary>
public static class BuiltInApiGroups
{
    private static readonly HashSet<string> Groups = new(StringComparer.Ordinal)
    {
        string.Empty, "apps", "batch", "autoscaling", "policy", "extensions",
        "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "apiserverinternal.k8s.io",
        "authentication.k8s.io", "authorization.k8s.io", "certificates.k8s.io", "coordination.k8s.io",
        "discovery.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io", "internal.apiserver.k8s.io",
        "networking.k8s.io", "node.k8s.io", "rbac.authorization.k8s.io", "resource.k8s.io", "scheduling.k8s.io",
        "storage.k8s.io", "storagemigration.k8s.io",
    };

    public static bool Contains(string group) => Groups.Contains(group);
}
