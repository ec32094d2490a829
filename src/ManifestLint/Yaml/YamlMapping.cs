using YamlDotNet.Core;

namespace ManifestLint.Yaml;

/// <summary>One key/value pair of a mapping, as written (or brought in by a <c>&lt;&lt;</c> merge).</summary>
public sealed class YamlEntry
{
    // A plain or quoted key without anchor or tag (nearly all keys) is kept as its text, range and style; its node is
    // built the first time someone asks for it (a finding on the key, a key check). Most keys are only ever looked up
    // by name, and a node per key was a quarter of the objects every tree keeps for the whole run.
    private readonly string? _keyText;
    private readonly SourceRange _keyRange;
    private readonly ScalarStyle _keyStyle;
    private YamlNode? _key;

    internal YamlEntry(YamlNode key, YamlNode value, string? name, bool merged)
    {
        _key = key;
        Value = value;
        Name = name;
        IsMerged = merged;
    }

    internal YamlEntry(SourceRange keyRange, string keyText, ScalarStyle keyStyle, YamlNode value, string? name)
    {
        _keyRange = keyRange;
        _keyText = keyText;
        _keyStyle = keyStyle;
        Value = value;
        Name = name;
    }

    public YamlNode Key
    {
        get
        {
            if (Volatile.Read(ref _key) is { } key)
            {
                return key;
            }

            // Rules run in parallel: the first node published is the one everybody gets.
            var built = new YamlScalar(_keyRange, null, _keyText!, _keyStyle, null);
            return Interlocked.CompareExchange(ref _key, built, null) ?? built;
        }
    }

    public YamlNode Value { get; }

    /// <summary>
    /// The key as it appears in the JSON Kubernetes builds (<c>on</c> becomes <c>true</c>, <c>0644</c> becomes
    /// <c>420</c>); null when the key cannot become a JSON key (a null, mapping or sequence key).
    /// </summary>
    public string? Name { get; }

    /// <summary>True for entries copied in by a merge key, which are not written at this place.</summary>
    public bool IsMerged { get; }

    /// <summary>True when <paramref name="node"/> is this entry's key node (without building it: a node nobody has
    /// asked for cannot be the one in hand).</summary>
    internal bool HasKey(YamlNode node) => ReferenceEquals(Volatile.Read(ref _key), node);

    /// <summary>Where the key is written, without building its node.</summary>
    internal SourceRange KeyRange => Volatile.Read(ref _key) is { } key ? key.Range : _keyRange;

    /// <summary>Where the key starts, without building its node.</summary>
    internal int KeyStartOffset => Volatile.Read(ref _key) is { } key ? key.Range.Start.Offset : _keyRange.Start.Offset;
}

public sealed class YamlMapping : YamlNode
{
    private const int IndexThreshold = 12;
    private readonly int _expandedSize;
    private readonly bool _hasRepeatedNames;
    private readonly bool _hasUnnamedEntries;
    private Dictionary<string, YamlEntry>? _index;

    internal YamlMapping(SourceRange range, string? anchor, YamlEntry[] entries, int expandedSize, bool hasRepeatedNames, bool hasUnnamedEntries)
        : base(range, anchor)
    {
        Entries = new NodeList<YamlEntry>(entries);
        _expandedSize = expandedSize;
        _hasRepeatedNames = hasRepeatedNames;
        _hasUnnamedEntries = hasUnnamedEntries;
    }

    /// <summary>True when some name occurs more than once (duplicate keys, merged entries): then only the last counts.</summary>
    internal bool HasRepeatedNames => _hasRepeatedNames;

    /// <summary>Every entry in source order, duplicates and merged entries included.</summary>
    public NodeList<YamlEntry> Entries { get; }

    public override YamlNodeKind Kind => YamlNodeKind.Mapping;

    public override int ExpandedSize => _expandedSize;

    public override string TypeName => "mapping";

    /// <summary>The entry Kubernetes sees for <paramref name="name"/>: the last one, as kubectl keeps the last duplicate.</summary>
    public YamlEntry? GetEntry(string name)
    {
        if (Entries.Count < IndexThreshold)
        {
            for (var i = Entries.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Entries[i].Name, name, StringComparison.Ordinal))
                {
                    return Entries[i];
                }
            }

            return null;
        }

        var index = _index ??= BuildIndex();
        return index.TryGetValue(name, out var entry) ? entry : null;
    }

    public YamlNode? this[string name] => GetEntry(name)?.Value;

    public YamlMapping? GetMapping(string name) => this[name] as YamlMapping;

    public YamlSequence? GetSequence(string name) => this[name] as YamlSequence;

    public YamlScalar? GetScalar(string name) => this[name] as YamlScalar;

    /// <summary>The value of a string field; null when absent, null-valued or not a scalar.</summary>
    public string? GetString(string name) =>
        this[name] is YamlScalar { ResolvedType: not ScalarType.Null } scalar ? scalar.Value : null;

    /// <summary>The distinct entries Kubernetes sees, in source order of their last occurrence.</summary>
    public NodeList<YamlEntry> EffectiveEntries()
    {
        // Almost every mapping has neither duplicate keys nor merged entries: its entries are already the answer.
        if (!_hasRepeatedNames || Entries.Count == 0)
        {
            return Entries;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var effective = new List<YamlEntry>(Entries.Count);
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            var entry = Entries[i];
            if (entry.Name is null || seen.Add(entry.Name))
            {
                effective.Add(entry);
            }
        }

        effective.Reverse();
        return new NodeList<YamlEntry>(effective.ToArray());
    }

    /// <summary>The entries that reach the JSON: <see cref="EffectiveEntries"/> whose keys can be JSON keys.</summary>
    public NodeList<YamlEntry> JsonEntries()
    {
        if (!_hasUnnamedEntries)
        {
            return EffectiveEntries();
        }

        var kept = new List<YamlEntry>(Entries.Count);
        foreach (var entry in EffectiveEntries())
        {
            if (entry.Name is not null)
            {
                kept.Add(entry);
            }
        }

        return new NodeList<YamlEntry>(kept.ToArray());
    }

    private Dictionary<string, YamlEntry> BuildIndex()
    {
        var index = new Dictionary<string, YamlEntry>(Entries.Count, StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (entry.Name is not null)
            {
                index[entry.Name] = entry;
            }
        }

        return index;
    }
}
