using ManifestLint.Yaml;

namespace ManifestLint.Tests;

/// <summary>Kubernetes' YAML 1.1 resolution (goyaml v2 through sigs.k8s.io/yaml), docs/kubernetes-behaviour.md#yaml-decoding.</summary>
public sealed class ScalarResolverTests
{
    [Theory]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("YES")]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("on")]
    [InlineData("On")]
    [InlineData("ON")]
    public void Yaml_1_1_true_spellings_are_booleans(string text)
    {
        var resolved = ScalarResolver.ResolvePlain(text);
        Assert.Equal(ScalarType.Bool, resolved.Type);
        Assert.True(resolved.Bool);
        Assert.Equal("true", resolved.AsMapKey(text));
    }

    [Theory]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("NO")]
    [InlineData("false")]
    [InlineData("off")]
    [InlineData("OFF")]
    public void Yaml_1_1_false_spellings_are_booleans(string text)
    {
        var resolved = ScalarResolver.ResolvePlain(text);
        Assert.Equal(ScalarType.Bool, resolved.Type);
        Assert.False(resolved.Bool);
        Assert.Equal("false", resolved.AsMapKey(text));
    }

    [Theory]
    [InlineData("yES")]
    [InlineData("oN")]
    [InlineData("tRUE")]
    [InlineData("=")]
    [InlineData("1:30")]
    [InlineData("123abc")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("0x")]
    [InlineData("1e400")]
    public void Other_spellings_stay_strings(string text) =>
        Assert.Equal(ScalarType.String, ScalarResolver.ResolvePlain(text).Type);

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    public void Null_spellings_are_null(string text)
    {
        var resolved = ScalarResolver.ResolvePlain(text);
        Assert.Equal(ScalarType.Null, resolved.Type);
        Assert.Null(resolved.AsMapKey(text));
    }

    [Theory]
    [InlineData("0644", 420)]
    [InlineData("0o644", 420)]
    [InlineData("0x1A4", 420)]
    [InlineData("0b110100100", 420)]
    [InlineData("+0644", 420)]
    [InlineData("6_4_4", 644)]
    [InlineData("644", 644)]
    [InlineData("420", 420)]
    [InlineData("-1", -1)]
    [InlineData("0", 0)]
    [InlineData("00", 0)]
    [InlineData("-0o17", -15)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integers_take_their_base_from_the_prefix(string text, long expected)
    {
        var resolved = ScalarResolver.ResolvePlain(text);
        Assert.Equal(ScalarType.Int, resolved.Type);
        Assert.Equal(expected, resolved.Integer);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), resolved.AsMapKey(text));
    }

    [Theory]
    [InlineData("0888", 888.0, "888")]
    [InlineData("08", 8.0, "8")]
    [InlineData("1.10", 1.1, "1.1")]
    [InlineData("1.50", 1.5, "1.5")]
    [InlineData("420.0", 420.0, "420")]
    [InlineData("4.2e2", 420.0, "420")]
    [InlineData(".5", 0.5, "0.5")]
    [InlineData("-2.5", -2.5, "-2.5")]
    public void Floats_and_invalid_octals_are_floats(string text, double value, string json)
    {
        var resolved = ScalarResolver.ResolvePlain(text);
        Assert.Equal(ScalarType.Float, resolved.Type);
        Assert.Equal(value, resolved.Number, 10);
        Assert.Equal(json, resolved.Json);
    }

    [Fact]
    public void Uint64_values_beyond_int64_are_integers() =>
        Assert.Equal(ScalarType.Int, ScalarResolver.ResolvePlain("18446744073709551615").Type);

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    public void Special_floats_are_floats(string text) => Assert.Equal(ScalarType.Float, ScalarResolver.ResolvePlain(text).Type);

    [Theory]
    [InlineData("2024-01-01")]
    [InlineData("2024-1-2")]
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    [InlineData("2001-12-14 21:59:43.10")]
    public void Timestamps_stay_the_strings_written(string text)
    {
        var resolved = ScalarResolver.ResolvePlain(text);
        Assert.Equal(ScalarType.Timestamp, resolved.Type);
        Assert.True(resolved.IsString);
        Assert.Equal(text, resolved.AsMapKey(text));
    }

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("3.14159265358979", "3.1415927")]
    [InlineData("1e6", "1e+06")]
    [InlineData("0.00001", "1e-05")]
    public void Float_keys_use_go_32_bit_g_format(string text, string key) =>
        Assert.Equal(key, ScalarResolver.ResolvePlain(text).AsMapKey(text));

    [Fact]
    public void Quoted_and_tagged_scalars_are_strings()
    {
        var document = YamlStreamReader.Read("a: \"0644\"\nb: '1.10'\nc: !!str 0644\nd: 0644\n").Documents[0];
        var root = (YamlMapping)document.Root!;
        Assert.Equal(ScalarType.String, root.GetScalar("a")!.ResolvedType);
        Assert.Equal(ScalarType.String, root.GetScalar("b")!.ResolvedType);
        Assert.Equal(ScalarType.String, root.GetScalar("c")!.ResolvedType);
        Assert.Equal(420, root.GetScalar("d")!.Resolved.Integer);
    }
}
