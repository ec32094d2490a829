using ManifestLint.Model;

namespace ManifestLint.Tests.Model;

/// <summary>References are found the way the kubelet's expansion (third_party/forked/golang/expansion) reads text.</summary>
public sealed class VariableReferenceTests
{
    [Theory]
    [InlineData("no references", "")]
    [InlineData("$(A)", "A")]
    [InlineData("x$(A)y$(B)z", "A,B")]
    [InlineData("$$(A)", "")]
    [InlineData("$$$(A)", "A")]
    [InlineData("$$$$(A)", "")]
    [InlineData("$(A", "")]
    [InlineData("$(A $(B)", "A $(B")]
    [InlineData("$()", "")]
    [InlineData("$((i + 1))", "(i + 1")]
    [InlineData("$A $", "")]
    [InlineData("$(A)$(A)", "A,A")]
    public void Finds_what_the_kubelet_would_expand(string text, string expected)
    {
        var names = string.Join(",", VariableReference.Find(text).Select(r => r.Name));
        Assert.Equal(expected, names);
    }

    [Fact]
    public void Offsets_cover_the_reference()
    {
        var reference = Assert.Single(VariableReference.Find("a=$(HOST):80"));
        Assert.Equal(2, reference.Offset);
        Assert.Equal("$(HOST)".Length, reference.Length);
        Assert.Equal("$(HOST)", reference.Text);
    }

    [Theory]
    [InlineData("$(PATH):/x", true)]
    [InlineData("$(PATH) $(PATH)", true)]
    [InlineData("$(PATH)", false)]
    [InlineData("/x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Self_extension_is_the_APIs_test(string? value, bool expected) =>
        Assert.Equal(expected, VariableReference.ExtendsItself("PATH", value));
}
