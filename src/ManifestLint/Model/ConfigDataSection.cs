using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// One key/value map of a ConfigMap or Secret: ConfigMap <c>data</c> (text) and <c>binaryData</c> (base64),
/// Secret <c>data</c> (base64) and <c>stringData</c> (text). All share the key rule (docs/kubernetes-behaviour.md#config-keys).
/// </summary>
public sealed record ConfigDataSection(string Field, YamlMapping Mapping, bool IsBase64)
{
    /// <summary>The sections of a ConfigMap or Secret; none for other kinds.</summary>
    public static IReadOnlyList<ConfigDataSection> Of(KubeObject obj) =>
        ConfigData.From(obj) is { } data ? Of(data) : Array.Empty<ConfigDataSection>();

    /// <summary>The sections <paramref name="data"/> has, in the order the API reads them.</summary>
    public static IReadOnlyList<ConfigDataSection> Of(ConfigData data)
    {
        var sections = new List<ConfigDataSection>(2);
        if (data.Kind == ConfigKind.ConfigMap)
        {
            AddIfPresent(sections, "data", data.Data, isBase64: false);
            AddIfPresent(sections, "binaryData", data.BinaryData, isBase64: true);
        }
        else
        {
            AddIfPresent(sections, "data", data.Data, isBase64: true);
            AddIfPresent(sections, "stringData", data.StringData, isBase64: false);
        }

        return sections;
    }

    private static void AddIfPresent(List<ConfigDataSection> sections, string field, YamlMapping? mapping, bool isBase64)
    {
        if (mapping is not null)
        {
            sections.Add(new ConfigDataSection(field, mapping, isBase64));
        }
    }
}
