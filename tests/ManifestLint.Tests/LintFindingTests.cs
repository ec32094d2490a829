using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>Findings reach suppressions and reporters with their file and object (issue 22 item 3).</summary>
public sealed class LintFindingTests
{
    private const string TwoObjects = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
          annotations: {ignore-check.manifestlint.io/ML0005: "the first only"}
        immutable: "yes"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: second
          name: again
        immutable: "yes"
        """;

    [Fact]
    public void Each_finding_carries_its_file_and_the_object_that_holds_it()
    {
        var result = TestLinter.LintText(TwoObjects);
        var file = Assert.Single(result.Files);

        // An object rule (ML0005) and a file rule (ML0002, which sees keys, not objects) in the second document.
        Assert.Equal(new[] { "ML0002@12:3", "ML0005@13:12" }, result.Brief());
        Assert.All(result.Findings, f => Assert.Same(file, f.File));
        Assert.All(result.Findings, f => Assert.Equal("ConfigMap default/again", f.Object!.DisplayName));
        Assert.All(result.Findings, f => Assert.Empty(f.BuiltObjects));
        Assert.Equal(result.Diagnostics, result.Findings.Select(f => f.Diagnostic));

        // The first object's annotation silenced its own finding only, and the suppressed finding keeps its object.
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal("ConfigMap default/first", suppressed.Finding.Object!.DisplayName);
        Assert.Equal(6, suppressed.Diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void A_finding_outside_every_object_has_its_file_and_no_object()
    {
        var result = TestLinter.LintText("a: [unclosed\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal("ML0001", finding.Diagnostic.Id);
        Assert.Same(result.Files[0], finding.File);
        Assert.Null(finding.Object);
    }
}
