using ManifestLint.Tests.Support;
using ManifestLint.Yaml;

namespace ManifestLint.Tests;

/// <summary>
/// Literal block scalars whose first lines hold only spaces: YamlDotNet rejects them, goyaml (kubectl) reads blank
/// lines no deeper than the content as empty lines (see BlankFirstLineRepair). Expected values are PyYAML's and
/// libyaml's reading.
/// </summary>
public sealed class BlankFirstLineTests
{
    [Theory]
    [InlineData("as deep as the content", "data:\n  config.yaml: |\n    \n    auth_enabled: false\n  other: x\n", "\nauth_enabled: false\n")]
    [InlineData("less deep than the content", "data:\n  config.yaml: |\n   \n    auth_enabled: false\n  other: x\n", "\nauth_enabled: false\n")]
    [InlineData("several blank lines", "data:\n  config.yaml: |\n    \n  \n    \n    a: 1\n    b: 2\n  other: x\n", "\n\n\na: 1\nb: 2\n")]
    [InlineData("keep chomping", "data:\n  config.yaml: |+\n    \n    \n    a\n\n  other: x\n", "\n\na\n\n")]
    [InlineData("strip chomping and a comment", "data:\n  config.yaml: |- # the config\n    \n    a\n  other: x\n", "\na")]
    [InlineData("no content: deeper blank line before the next key", "data:\n  config.yaml: |\n        \n  other: x\n", "")]
    public void A_blank_first_line_no_deeper_than_the_content_is_an_empty_line(string name, string text, string value)
    {
        var result = YamlStreamReader.Read(text);
        Assert.True(result.Error is null, $"{name}: {result.Error?.Message}");
        var data = ((YamlMapping)result.Documents.Single().Root!).GetMapping("data")!;
        Assert.Equal(value, data.GetString("config.yaml"));

        // Positions after the repaired lines are those of the original text.
        var other = data.Entries[1];
        var offset = text.IndexOf("other", StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(text.Substring(0, offset).Count(c => c == '\n') + 1, 3, offset), other.Key.Start);
        Assert.Equal(new SourcePosition(other.Key.Start.Line, 10, offset + 7), other.Value.Start);
        Assert.Equal(text.Length, result.Documents.Single().Range.End.Offset);
    }

    [Fact]
    public void Several_repaired_blocks_and_crlf_keep_every_position()
    {
        var text = "a: |\r\n  \r\n  x\r\nb: |\r\n    \r\n    y\r\nc: [1, 2]\r\n";
        var result = YamlStreamReader.Read(text);
        Assert.Null(result.Error);
        var root = (YamlMapping)result.Documents.Single().Root!;
        Assert.Equal("\nx\n", root.GetString("a"));
        Assert.Equal("\ny\n", root.GetString("b"));
        var c = (YamlSequence)root["c"]!;
        var offset = text.IndexOf("2]", StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(7, 8, offset), c[1].Start);
        Assert.Equal(new SourcePosition(4, 4, text.IndexOf("|\r\n    ", StringComparison.Ordinal)), root["b"]!.Start);
    }

    [Fact]
    public void A_blank_first_line_deeper_than_the_content_stays_an_error_on_that_line()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\ndata:\n  config.yaml: |\n      \n    auth_enabled: false\n";
        var result = YamlStreamReader.Read(text);
        Assert.Single(result.Documents);
        var error = Assert.IsType<YamlReadError>(result.Error);
        Assert.Equal(YamlReadErrorKind.Syntax, error.Kind);
        var offset = text.IndexOf("      \n", StringComparison.Ordinal);
        Assert.Equal(new SourceRange(new SourcePosition(8, 1, offset), new SourcePosition(8, 7, offset + 6)), error.Range);
        Assert.Contains("holds 6 spaces, more than the 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_linter_reads_the_file_and_finds_what_follows_at_its_exact_place()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loki\ndata:\n  config.yaml: |\n    \n    auth_enabled: false\n  port: 8080\n";
        var result = TestLinter.LintText(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ML0001");
        var finding = Assert.Single(result.Diagnostics, d => d.Id == "ML2006");
        var span = finding.Location.GetLineSpan();
        Assert.Equal((8, 8), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }
}
