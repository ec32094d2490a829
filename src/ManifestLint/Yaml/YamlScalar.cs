using YamlDotNet.Core;

namespace ManifestLint.Yaml;

public sealed class YamlScalar : YamlNode
{
    private ResolvedScalar? _resolved;

    internal YamlScalar(SourceRange range, string? anchor, string value, ScalarStyle style, string? tag)
        : base(range, anchor)
    {
        Value = value;
        Style = style;
        Tag = tag;
    }

    /// <summary>The scalar's text after YAML unescaping and folding.</summary>
    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>An explicit tag such as <c>tag:yaml.org,2002:str</c>, or null.</summary>
    public string? Tag { get; }

    public bool IsPlain => Style == ScalarStyle.Plain && Tag is null;

    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    /// <summary>The value as Kubernetes' YAML (goyaml v2 through sigs.k8s.io/yaml) reads it.</summary>
    public ResolvedScalar Resolved => _resolved ??= ScalarResolver.Resolve(this);

    public override YamlNodeKind Kind => YamlNodeKind.Scalar;

    public override int ExpandedSize => 1;

    public override string TypeName => Resolved.Type switch
    {
        ScalarType.Null => "null",
        ScalarType.Bool => "boolean",
        ScalarType.Int => "integer",
        ScalarType.Float => "float",
        _ => "string",
    };

    public override string ToString() => Value;
}
