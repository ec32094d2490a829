namespace ManifestLint.Model.Schema;

/// <summary>The JSON type a field decodes into.</summary>
public enum FieldType
{
    /// <summary>Anything; the structure below is not modelled.</summary>
    Any,
    String,
    Bool,

    /// <summary>An int32: an integer, or a float with no fraction (<c>0888</c> reads as 888.0 and decodes as 888).</summary>
    Int32,

    /// <summary>A mapping of anything (ConfigMap <c>data</c>; its values are ML2006's business).</summary>
    Map,

    /// <summary>A mapping described by <see cref="FieldSpec.Structure"/>.</summary>
    Object,

    /// <summary>A sequence of mappings described by <see cref="FieldSpec.Structure"/>.</summary>
    List,
}

public sealed record FieldSpec(FieldType Type, Structure? Structure = null);

/// <summary>A structure the tool models: its known fields and how each decodes.</summary>
public sealed class Structure
{
    private readonly Dictionary<string, FieldSpec> _fields = new(StringComparer.Ordinal);

    public Structure(string displayName, bool open = false)
    {
        DisplayName = displayName;
        IsOpen = open;
    }

    /// <summary>How messages name it: "a configMap volume source".</summary>
    public string DisplayName { get; }

    /// <summary>True when unknown fields are not checked (only the listed ones are typed).</summary>
    public bool IsOpen { get; }

    public IReadOnlyDictionary<string, FieldSpec> Fields => _fields;

    public Structure Field(string name, FieldType type, Structure? structure = null)
    {
        _fields[name] = new FieldSpec(type, structure);
        return this;
    }

    public Structure WithFields(FieldType type, params string[] names)
    {
        foreach (var name in names)
        {
            _fields[name] = new FieldSpec(type);
        }

        return this;
    }
}
