using System.Runtime.CompilerServices;
using System.Text;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// What client-side <c>kubectl apply</c> (and <c>create --save-config</c>) puts into an object's annotations
/// (docs/kubernetes-behaviour.md#size-limits; kubectl <c>GetModifiedConfiguration</c>): the object itself, encoded by
/// <c>unstructured.UnstructuredJSONScheme</c> (Go's <c>json.Encoder</c>: compact, sorted keys, HTML-safe escapes,
/// a trailing newline) with any old last-applied annotation removed, an empty <c>annotations</c> map added when
/// there is none, and the default namespace filled in for namespaced kinds, stored under
/// <see cref="LastAppliedAnnotation"/> next to the other annotations. The API limits the sum of all annotation
/// keys and values to <see cref="MaxAnnotationBytes"/>.
/// </summary>
public sealed class ClientSideApplySize
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary><c>TotalAnnotationSizeLimitB</c> (apimachinery objectmeta.go).</summary>
    public const long MaxAnnotationBytes = 256 * 1024;

    private ClientSideApplySize(long lastAppliedValueBytes, long otherAnnotationBytes)
    {
        LastAppliedValueBytes = lastAppliedValueBytes;
        OtherAnnotationBytes = otherAnnotationBytes;
    }

    /// <summary>The annotation's value: the object's compact JSON plus the encoder's newline.</summary>
    public long LastAppliedValueBytes { get; }

    /// <summary>Keys plus values of the object's own annotations (UTF-8 bytes), which count against the same limit.</summary>
    public long OtherAnnotationBytes { get; }

    /// <summary>What the API compares with <see cref="MaxAnnotationBytes"/>.</summary>
    public long TotalAnnotationBytes => OtherAnnotationBytes + LastAppliedAnnotation.Length + LastAppliedValueBytes;

    public bool ExceedsLimit => TotalAnnotationBytes > MaxAnnotationBytes;

    /// <summary>
    /// True when the object cannot reach the limit, known without measuring it: without aliases every character of
    /// the object's text becomes at most 6 bytes of JSON (<c>\u003c</c> for <c>&lt;</c>) and every node adds at most 8
    /// (quotes, colon, comma, <c>null</c> for an empty value, <c>true</c> for <c>y</c>); its annotations count twice at
    /// most (in the JSON and on their own); the additions (the namespace, an empty annotations map) are small.
    /// Most objects are far below the limit, and measuring walks every node.
    /// </summary>
    public static bool CertainlyWithinLimit(KubeObject obj) => UpperBound(obj) <= MaxAnnotationBytes;

    /// <summary>An upper bound of <see cref="TotalAnnotationBytes"/> (see <see cref="CertainlyWithinLimit"/>); no bound with aliases.</summary>
    internal static long UpperBound(KubeObject obj)
    {
        if (obj.Document.HasAliases)
        {
            return long.MaxValue;
        }

        var json = (6L * obj.Root.Range.Length) + (8L * obj.Root.ExpandedSize) + (6L * (obj.Namespace?.Length ?? 0)) + 64;
        return (2 * json) + LastAppliedAnnotation.Length + 1;
    }

    public static ClientSideApplySize Of(KubeObject obj)
    {
        var json = new CompactJsonSize();
        long members = 0;
        var count = 0;
        long otherAnnotations = 0;
        var sawMetadata = false;
        foreach (var entry in obj.Root.Entries)
        {
            if (!CompactJsonSize.IsKept(obj.Root, entry))
            {
                continue;
            }

            count++;
            if (entry.Name == "metadata")
            {
                sawMetadata = true;
                members += CompactJsonSize.Member("metadata", Metadata(obj, entry.Value as YamlMapping, json, out otherAnnotations));
            }
            else
            {
                members += CompactJsonSize.Member(entry.Name!, SizeOf(entry.Value, json));
            }
        }

        if (!sawMetadata)
        {
            count++;
            members += CompactJsonSize.Member("metadata", Metadata(obj, null, json, out otherAnnotations));
        }

        return new ClientSideApplySize(CompactJsonSize.Container(count, members) + 1, otherAnnotations);
    }

    /// <summary>
    /// Sizes of large top-level values (a CRD's <c>spec</c> with its OpenAPI schema), by node. A kustomize build shares
    /// every node it does not change with its source, so a CRD that seven builds of one repository include is measured
    /// once, not eight times. The table holds nothing alive: an entry goes with its node.
    /// </summary>
    private static readonly ConditionalWeakTable<YamlNode, StrongBox<long>> LargeValueSizes = new();

    /// <summary>Below this many nodes, measuring again costs less than the table.</summary>
    private const int LargeValueNodes = 256;

    private static long SizeOf(YamlNode value, CompactJsonSize json)
    {
        if (value.ExpandedSize < LargeValueNodes || value is YamlScalar)
        {
            return json.Of(value);
        }

        return LargeValueSizes.TryGetValue(value, out var known) ? known.Value : Remember(value, json.Of(value));
    }

    private static long Remember(YamlNode value, long size)
    {
        // Two threads may both measure a node; they get the same number, and the first one stays.
        var known = new StrongBox<long>(size);
        return LargeValueSizes.GetValue(value, _ => known).Value;
    }

    private static long Metadata(KubeObject obj, YamlMapping? metadata, CompactJsonSize json, out long otherAnnotations)
    {
        otherAnnotations = 0;
        var filledNamespace = !obj.HasExplicitNamespace && !ClusterScopedKinds.Contains(obj.Kind) ? obj.Namespace : null;
        long members = 0;
        var count = 0;
        var sawAnnotations = false;
        var sawNamespace = false;
        if (metadata is not null)
        {
            foreach (var entry in metadata.Entries)
            {
                if (!CompactJsonSize.IsKept(metadata, entry))
                {
                    continue;
                }

                count++;
                switch (entry.Name)
                {
                    case "annotations":
                        sawAnnotations = true;
                        members += CompactJsonSize.Member("annotations", Annotations(entry.Value as YamlMapping, json, out otherAnnotations));
                        break;
                    case "namespace" when filledNamespace is not null:
                        // An empty or null namespace is replaced by the default one.
                        sawNamespace = true;
                        members += CompactJsonSize.Member("namespace", JsonText.QuotedUtf8Length(filledNamespace));
                        break;
                    default:
                        members += CompactJsonSize.Member(entry.Name!, json.Of(entry.Value));
                        break;
                }
            }
        }

        if (!sawAnnotations)
        {
            // kubectl sets an empty map before encoding: "annotations":{} is in every last-applied configuration.
            count++;
            members += CompactJsonSize.Member("annotations", 2);
        }

        if (filledNamespace is not null && !sawNamespace)
        {
            count++;
            members += CompactJsonSize.Member("namespace", JsonText.QuotedUtf8Length(filledNamespace));
        }

        return CompactJsonSize.Container(count, members);
    }

    private static long Annotations(YamlMapping? annotations, CompactJsonSize json, out long otherBytes)
    {
        otherBytes = 0;
        if (annotations is null)
        {
            // Anything but a map of strings reads as no annotations, and kubectl writes an empty map.
            return 2;
        }

        long members = 0;
        var count = 0;
        foreach (var entry in annotations.Entries)
        {
            if (!CompactJsonSize.IsKept(annotations, entry) || entry.Name == LastAppliedAnnotation)
            {
                continue;
            }

            count++;
            members += CompactJsonSize.Member(entry.Name!, json.Of(entry.Value));
            otherBytes += Encoding.UTF8.GetByteCount(entry.Name!) + ValueBytes(entry.Value, json);
        }

        return CompactJsonSize.Container(count, members);
    }

    private static long ValueBytes(YamlNode value, CompactJsonSize json) => value switch
    {
        YamlScalar scalar when KubernetesValues.AsString(scalar) is { } text => Encoding.UTF8.GetByteCount(text),
        YamlScalar scalar => scalar.Resolved.Json.Length,
        _ => json.Of(value),
    };
}
