using YamlDotNet.Core;

namespace ManifestLint.Yaml;

public sealed class YamlScalar : YamlNode
{
    private ResolvedScalar? _resolved;

    internal YamlScalar(SourceRange range, string? anchor, string value, ScalarStyle style, string? tag)
        : base(range, anchor, tag)
    {
        Value = value;
        Style = style;
    }

    /// <summary>The scalar's text after YAML unescaping and folding.</summary>
    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>An explicit tag such as <c>tag:yaml.org,2002:str</c>, or null.</summary>
    public string? Tag => NodeTag;

    public bool IsPlain => Style == ScalarStyle.Plain && Tag is null;

    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    /// <summary>The value as Kubernetes' YAML (goyaml v2 through sigs.k8s.io/yaml) reads it.</summary>
    public ResolvedScalar Resolved => _resolved ??= ScalarResolver.Resolve(this);

    /// <summary>
    /// The type Kubernetes' YAML reads, without building a <see cref="Resolved"/> value for the common case of a
    /// string that cannot be anything else (most keys and values): the tree has one scalar per key and value.
    /// </summary>
    public ScalarType ResolvedType => _resolved is { } resolved ? resolved.Type : IsCertainlyString ? ScalarType.String : Resolved.Type;

    /// <summary>True when the value reaches the API as a JSON string (strings and timestamps).</summary>
    public bool IsResolvedString => ResolvedType is ScalarType.String or ScalarType.Timestamp;

    /// <summary>The JSON key Kubernetes makes of this scalar (see <see cref="ResolvedScalar.AsMapKey"/>).</summary>
    public string? MapKey => IsCertainlyString ? Value : Resolved.AsMapKey(Value);

    /// <summary>
    /// True when the scalar resolves to a string whatever its text: quoted, block or <c>!!str</c> scalars, and plain
    /// ones whose first character starts no null, boolean, number or timestamp (see <see cref="ScalarResolver"/>).
    /// </summary>
    internal bool IsCertainlyString => ScalarResolver.IsCertainlyString(this);

    public override YamlNodeKind Kind => YamlNodeKind.Scalar;

    public override int ExpandedSize => 1;

    public override string TypeName => ResolvedType switch
    {
        ScalarType.Null => "null",
        ScalarType.Bool => "boolean",
        ScalarType.Int => "integer",
        ScalarType.Float => "float",
        _ => "string",
    };

    public override string ToString() => Value;
}
