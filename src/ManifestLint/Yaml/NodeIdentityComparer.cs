using System.Runtime.CompilerServices;

namespace ManifestLint.Yaml;

/// <summary>Compares nodes by reference: an aliased node is the same node wherever it appears.</summary>
public sealed class NodeIdentityComparer : IEqualityComparer<YamlNode>
{
    public static NodeIdentityComparer Instance { get; } = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
