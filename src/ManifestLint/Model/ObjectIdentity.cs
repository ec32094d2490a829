namespace ManifestLint.Model;

/// <summary>Kind + namespace + name: how the linted set identifies an object. Cluster-scoped kinds still get a namespace here; it is harmless for lookups of namespaced kinds.</summary>
public readonly record struct ObjectIdentity(string Kind, string Namespace, string Name)
{
    /// <summary><c>Deployment/default/web</c>: the logical location used in SARIF and fingerprints.</summary>
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";
}
