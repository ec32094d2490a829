using YamlDotNet.Core;

namespace ManifestLint.Yaml;

/// <summary>
/// The UTF-8 byte length of a node written as compact JSON the way kubectl writes it (Go's encoding/json:
/// no spaces, HTML-safe escapes, duplicate keys resolved to the last, values as Kubernetes' YAML reads them),
/// without building the text. One instance measures one object: anchored nodes are measured once and
/// remembered, so aliases cost a lookup, not a re-walk (a "billion laughs" stays linear).
/// </summary>
public sealed class CompactJsonSize
{
    private Dictionary<YamlNode, long>? _anchored;

    public long Of(YamlNode node)
    {
        if (node.Anchor is null)
        {
            return Measure(node);
        }

        _anchored ??= new Dictionary<YamlNode, long>(NodeIdentityComparer.Instance);
        if (!_anchored.TryGetValue(node, out var size))
        {
            size = Measure(node);
            _anchored[node] = size;
        }

        return size;
    }

    /// <summary>A scalar's JSON: a quoted string, or the number, boolean or null Kubernetes reads.</summary>
    public static long OfScalar(YamlScalar scalar)
    {
        // Quoted and block scalars are strings; measuring their text directly avoids resolving (and copying) it.
        if (scalar.IsCertainlyString)
        {
            return JsonText.QuotedUtf8Length(scalar.Value);
        }

        var resolved = scalar.Resolved;
        return resolved.IsString ? JsonText.QuotedUtf8Length(scalar.Value) : resolved.Json.Length;
    }

    /// <summary><c>"name":</c> plus <paramref name="valueSize"/>, the size of one member of an object.</summary>
    public static long Member(string name, long valueSize) => JsonText.QuotedUtf8Length(name) + 1 + valueSize;

    /// <summary>An object or array of <paramref name="count"/> members totalling <paramref name="membersSize"/>: braces and commas.</summary>
    public static long Container(int count, long membersSize) => 2 + membersSize + Math.Max(0, count - 1);

    /// <summary>The members of a mapping Kubernetes keeps: the last of duplicate keys; keys that cannot be JSON keys are skipped.</summary>
    public static bool IsKept(YamlMapping mapping, YamlEntry entry) =>
        entry.Name is not null && (!mapping.HasRepeatedNames || ReferenceEquals(mapping.GetEntry(entry.Name), entry));

    private long Measure(YamlNode node)
    {
        // Nesting is bounded by MaxDepth (at most YamlLimitSettings.DepthCeiling); should a tree ever come deeper, a
        // rule fails with an internal error instead of the process dying of a stack overflow.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case YamlScalar scalar:
                return OfScalar(scalar);
            case YamlSequence sequence:
                long items = 0;
                foreach (var item in sequence.Items)
                {
                    items += Of(item);
                }

                return Container(sequence.Count, items);
            case YamlMapping mapping:
                long members = 0;
                var count = 0;
                foreach (var entry in mapping.Entries)
                {
                    if (!IsKept(mapping, entry))
                    {
                        continue;
                    }

                    members += Member(entry.Name!, Of(entry.Value));
                    count++;
                }

                return Container(count, members);
            default:
                return 0;
        }
    }
}
