using System.Globalization;

namespace ManifestLint.Yaml;

public enum ScalarType
{
    String,
    Null,
    Bool,
    Int,
    Float,

    /// <summary>A YAML 1.1 timestamp; Kubernetes keeps it as the string written (goyaml v2 into interface{}).</summary>
    Timestamp,
}

/// <summary>A scalar's type and value as Kubernetes' YAML reads it.</summary>
public sealed class ResolvedScalar
{
    public static readonly ResolvedScalar Null = new(ScalarType.Null, "null");
    public static readonly ResolvedScalar True = new(ScalarType.Bool, "true") { Bool = true };
    public static readonly ResolvedScalar False = new(ScalarType.Bool, "false") { Bool = false };

    private readonly string? _source;
    private string? _json;

    private ResolvedScalar(ScalarType type, string? json, string? source = null)
    {
        Type = type;
        _json = json;
        _source = source;
    }

    public ScalarType Type { get; }

    public bool Bool { get; private init; }

    /// <summary>The integer value when <see cref="Type"/> is Int and it fits in 64 bits signed.</summary>
    public long? Integer { get; private init; }

    /// <summary>The numeric value for Int and Float.</summary>
    public double Number { get; private init; }

    /// <summary>The value as compact JSON text, the way sigs.k8s.io/yaml hands it to the API.</summary>
    public string Json => _json ??= JsonText.Quote(_source!);

    /// <summary>
    /// The value an int32 field (a file mode, a port) receives: integers in range and integral floats such as
    /// <c>420.0</c> or <c>4.2e2</c>, which the JSON step writes as whole numbers. Null when decoding would fail.
    /// </summary>
    public int? AsInt32 => Type switch
    {
        ScalarType.Int when Integer is >= int.MinValue and <= int.MaxValue => (int)Integer.Value,
        ScalarType.Float when !double.IsNaN(Number) && !double.IsInfinity(Number) && Math.Floor(Number) == Number
                              && Number is >= int.MinValue and <= int.MaxValue => (int)Number,
        _ => null,
    };

    /// <summary>True for values that reach the API as a JSON string (strings and timestamps).</summary>
    public bool IsString => Type is ScalarType.String or ScalarType.Timestamp;

    // Strings quote themselves only when asked: most are never written as JSON (sizes are measured without it).
    public static ResolvedScalar String(string value) => new(ScalarType.String, null, value);

    public static ResolvedScalar Timestamp(string value) => new(ScalarType.Timestamp, null, value);

    public static ResolvedScalar Int(long value) =>
        new(ScalarType.Int, value.ToString(CultureInfo.InvariantCulture)) { Integer = value, Number = value };

    public static ResolvedScalar UInt(ulong value) =>
        new(ScalarType.Int, value.ToString(CultureInfo.InvariantCulture)) { Number = value };

    public static ResolvedScalar Float(double value) =>
        new(ScalarType.Float, GoFloat.FormatJson(value)) { Number = value };

    /// <summary>
    /// The map key Kubernetes makes of this value (sigs.k8s.io/yaml convertToJSONableObject), or null when the
    /// value cannot be a key (null keys are an error there).
    /// </summary>
    public string? AsMapKey(string source) => Type switch
    {
        ScalarType.String or ScalarType.Timestamp => source,
        ScalarType.Bool => Bool ? "true" : "false",
        ScalarType.Int => Json,
        ScalarType.Float => GoFloat.FormatKey(Number),
        _ => null,
    };
}
