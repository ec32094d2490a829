using YamlDotNet.Core;

namespace ManifestLint.Yaml;

/// <summary>How Kubernetes' YAML path (sigs.k8s.io/yaml, then JSON into typed fields) reads values and mapping entries.</summary>
public static class KubernetesValues
{
    /// <summary>
    /// The string a string field receives from <paramref name="value"/>, or null when the value is not a string (a
    /// number, a boolean, a mapping...: the API rejects those). A null value becomes ""
    /// (docs/kubernetes-behaviour.md#yaml-decoding); a timestamp stays the text written.
    /// </summary>
    public static string? AsString(YamlNode value)
    {
        if (value is not YamlScalar scalar)
        {
            return null;
        }

        // Quoted and block scalars are strings without resolving them (which would copy a large value).
        if (scalar.Style != ScalarStyle.Plain)
        {
            return scalar.Value;
        }

        return scalar.ResolvedType switch
        {
            ScalarType.String or ScalarType.Timestamp => scalar.Value,
            ScalarType.Null => string.Empty,
            _ => null,
        };
    }

    /// <summary>The entries that reach the JSON: the last of duplicate keys, and only keys that can be JSON keys.</summary>
    public static NodeList<YamlEntry> JsonEntries(YamlMapping? mapping) => mapping?.JsonEntries() ?? default;
}
