using System.Text;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>A base64 value of a ConfigMap's <c>binaryData</c> or a Secret's <c>data</c>, decoded as the API decodes it.</summary>
public sealed record EncodedValue(string Field, YamlEntry Entry, YamlScalar Value, Base64Check Check);

/// <summary>
/// The payload of a ConfigMap or Secret as the API measures it (docs/kubernetes-behaviour.md#size-limits): UTF-8 bytes of ConfigMap
/// <c>data</c> values plus decoded <c>binaryData</c> bytes; for a Secret, decoded <c>data</c> plus
/// <c>stringData</c> (which the API merges into <c>data</c>, replacing equal keys). Keys are not counted.
/// Computed once per object (the size rule and the base64 rule share it) in one pass over the values.
/// </summary>
public sealed class ConfigPayload
{
    /// <summary><c>core.MaxSecretSize</c>, the limit for ConfigMaps and Secrets alike; exactly this many bytes pass.</summary>
    public const long MaxBytes = 1024 * 1024;

    private ConfigPayload(ConfigData data, long totalBytes, IReadOnlyList<EncodedValue> encodedValues)
    {
        Data = data;
        TotalBytes = totalBytes;
        EncodedValues = encodedValues;
    }

    public ConfigData Data { get; }

    /// <summary>The bytes the API counts against <see cref="MaxBytes"/>.</summary>
    public long TotalBytes { get; }

    /// <summary>Every string value that must be base64, with its decoding outcome.</summary>
    public IReadOnlyList<EncodedValue> EncodedValues { get; }

    /// <summary>The payload of a ConfigMap or Secret; null for other kinds.</summary>
    public static ConfigPayload? Of(KubeObject obj) =>
        obj.IsKind("ConfigMap") || obj.IsKind("Secret") ? obj.PayloadOnce(Compute) : null;

    private static ConfigPayload Compute(KubeObject obj)
    {
        var data = ConfigData.From(obj)!;
        var encoded = new List<EncodedValue>();
        long total = 0;
        if (data.Kind == ConfigKind.ConfigMap)
        {
            total += PlainBytes(data.Data);
            total += EncodedBytes("binaryData", data.BinaryData, except: null, encoded);
        }
        else
        {
            // stringData is merged into data on write and wins for a key in both (Secret conversion).
            total += EncodedBytes("data", data.Data, except: data.StringData, encoded);
            total += PlainBytes(data.StringData);
        }

        return new ConfigPayload(data, total, encoded);
    }

    private static long PlainBytes(YamlMapping? mapping)
    {
        long total = 0;
        foreach (var entry in KubernetesValues.JsonEntries(mapping))
        {
            if (KubernetesValues.AsString(entry.Value) is { Length: > 0 } text)
            {
                total += Encoding.UTF8.GetByteCount(text);
            }
        }

        return total;
    }

    private static long EncodedBytes(string field, YamlMapping? mapping, YamlMapping? except, List<EncodedValue> encoded)
    {
        long total = 0;
        foreach (var entry in KubernetesValues.JsonEntries(mapping))
        {
            if (entry.Value is not YamlScalar scalar || KubernetesValues.AsString(scalar) is not { } text)
            {
                continue;
            }

            var check = StandardBase64.Check(text);
            encoded.Add(new EncodedValue(field, entry, scalar, check));
            if (except?.GetEntry(entry.Name!) is null)
            {
                total += check.DecodedLength;
            }
        }

        return total;
    }
}
