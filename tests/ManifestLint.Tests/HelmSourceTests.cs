using ManifestLint.Analysis;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// <c>helm template</c> writes <c># Source: chart/templates/x.yaml</c> before each document: a finding in rendered
/// output names the template to fix, in its message and as a related location at that comment.
/// </summary>
public sealed class HelmSourceTests
{
    private const string Rendered = """
        ---
        # Source: shop/templates/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: shop-config
        data:
          mode: fast
        ---
        # Source: shop/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
        spec:
          selector: {matchLabels: {app: shop}}
          template:
            metadata: {labels: {app: shop}}
            spec:
              containers:
              - name: shop
                image: example/shop:1.0
                env:
                - name: MODE
                  valueFrom:
                    configMapKeyRef: {name: shop-config, key: speed}
        """;

    [Fact]
    public void A_finding_in_rendered_output_names_its_template()
    {
        var result = TestLinter.LintText(Rendered, name: "rendered.yaml");
        var finding = Assert.Single(result.OfRule("ML1003"));
        Assert.EndsWith("(Helm template shop/templates/deployment.yaml)", finding.Message(), StringComparison.Ordinal);
        Assert.Equal("shop/templates/deployment.yaml", finding.Properties[Linter.HelmTemplateProperty]);
        var related = finding.AdditionalLocations[^1].GetLineSpan();
        Assert.Equal(9, related.StartLinePosition.Line);
        Assert.Equal("Rendered from the Helm template shop/templates/deployment.yaml.", finding.Properties[Finding.RelatedMessagePrefix + (finding.AdditionalLocations.Count - 1)]);
    }

    [Fact]
    public void Files_helm_did_not_write_are_unchanged()
    {
        var result = TestLinter.LintText(Rendered.Replace("# Source: ", "# From: ", StringComparison.Ordinal), name: "plain.yaml");
        var finding = Assert.Single(result.OfRule("ML1003"));
        Assert.DoesNotContain("Helm template", finding.Message(), StringComparison.Ordinal);
        Assert.False(finding.Properties.ContainsKey(Linter.HelmTemplateProperty));
    }
}
