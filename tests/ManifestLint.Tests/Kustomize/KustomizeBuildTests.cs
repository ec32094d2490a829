using ManifestLint.Analysis;
using ManifestLint.Configuration;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// What users see of kustomize builds: findings at the line of the base, patch or kustomization that caused them,
/// built identities in messages, one finding per place however many builds share it, notes for what a build skips,
/// and <c>--kustomize off</c> giving the flat view.
/// </summary>
public sealed class KustomizeBuildTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: example/web:1.0
                env:
                - name: LOG_LEVEL
                  valueFrom:
                    configMapKeyRef: {name: app-config, key: LOG_LEVEL}
        """;

    /// <summary>A strategic merge patch that adds env <paramref name="key"/> read from app-config (its ref on line 13).</summary>
    private static string EnvPatch(string key) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                env:
                - name: {{key}}
                  valueFrom:
                    configMapKeyRef: {name: app-config, key: {{key}}}
        """;

    private static string Indent(string text, string indent) => string.Join("\n", text.Split('\n').Select(l => indent + l)) + "\n";

    /// <summary>A base whose env reads a key its generator lacks, built by overlays dev and prod.</summary>
    private static void WriteBaseWithTypoAndTwoOverlays(TempDirectory temp, string dev, string prod)
    {
        temp.Write("base/deployment.yaml", Deployment.Replace("key: LOG_LEVEL", "key: LOG_LEVEL_TYPO", StringComparison.Ordinal));
        temp.Write("base/kustomization.yaml", "resources: [deployment.yaml]\nconfigMapGenerator:\n- name: app-config\n  literals: [LOG_LEVEL=info]\n");
        temp.Write("dev/kustomization.yaml", "resources: [../base]\n" + dev);
        temp.Write("prod/kustomization.yaml", "resources: [../base]\n" + prod);
    }

    private static LintResult Lint(TempDirectory temp, LintOptions? options = null) =>
        TestLinter.LintPaths(new[] { temp.Path }, options ?? LintOptions.Default, temp.Path);

    private static (string Path, int Line, string Message) Only(LintResult result, string id)
    {
        var finding = Assert.Single(result.OfRule(id));
        var span = finding.Location.GetLineSpan();
        return (Path.GetFileName(span.Path), span.StartLinePosition.Line + 1, finding.Message());
    }

    [Fact]
    public void Silent_fixture_has_no_finding_when_built_and_findings_when_flat()
    {
        var folder = Path.Combine(RepositoryPaths.Fixtures, "ML1002", "kustomize-build-silent");
        var built = TestLinter.LintPaths(new[] { folder }, LintOptions.Default, folder);
        Assert.Empty(built.Diagnostics);
        Assert.Single(built.Builds);

        var flat = TestLinter.LintPaths(new[] { folder }, LintOptions.Default.With(OptionCatalog.Kustomize, false), folder);
        Assert.Empty(flat.Builds);
        Assert.Contains(flat.Diagnostics, d => d.Id == "ML1002" && d.Message().Contains("debug-credentials", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finding_a_patch_causes_points_at_the_patch_line_and_names_the_built_object()
    {
        using var temp = new TempDirectory();
        temp.Write("base/deployment.yaml", Deployment);
        temp.Write("base/kustomization.yaml", "resources: [deployment.yaml]\nconfigMapGenerator:\n- name: app-config\n  literals: [LOG_LEVEL=info]\n");
        temp.Write("prod/kustomization.yaml", "resources: [../base]\nnamespace: prod\nnamePrefix: prod-\npatches:\n- path: more-env.yaml\n");
        temp.Write("prod/more-env.yaml", EnvPatch("TIMEOUT"));

        var (file, line, message) = Only(Lint(temp), "ML1003");
        Assert.Equal("more-env.yaml", file);
        Assert.Equal(13, line);
        Assert.Contains("ConfigMap prod/prod-app-config has no key 'TIMEOUT'", message, StringComparison.Ordinal);
        Assert.Contains("Deployment prod/prod-web", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_annotation_on_the_base_object_silences_what_a_patch_of_it_causes()
    {
        // The built Deployment carries the base's annotation; the patch line is where the finding is, not where the
        // user says to ignore it.
        using var temp = new TempDirectory();
        temp.Write("base/deployment.yaml", Deployment.Replace("  name: web\n", "  name: web\n  annotations:\n    ignore-check.manifestlint.io/ML1003: keys come from the platform's defaults\n", StringComparison.Ordinal));
        temp.Write("base/kustomization.yaml", "resources: [deployment.yaml]\nconfigMapGenerator:\n- name: app-config\n  literals: [LOG_LEVEL=info]\n");
        temp.Write("prod/kustomization.yaml", "resources: [../base]\nnamespace: prod\npatches:\n- path: more-env.yaml\n");
        temp.Write("prod/more-env.yaml", EnvPatch("TIMEOUT"));

        var result = Lint(temp);

        Assert.Empty(result.OfRule("ML1003"));
        var suppressed = Assert.Single(result.Suppressed, s => s.Diagnostic.Id == "ML1003");
        Assert.Equal("more-env.yaml", Path.GetFileName(suppressed.Diagnostic.Location.GetLineSpan().Path));
        Assert.Equal("keys come from the platform's defaults", suppressed.Suppression.Justification);

        // Without the annotation the same patch line is a finding.
        temp.Write("base/deployment.yaml", Deployment);
        Assert.Single(Lint(temp).OfRule("ML1003"));
    }

    [Fact]
    public void A_finding_in_an_inline_patch_points_at_its_line_in_the_kustomization()
    {
        using var temp = new TempDirectory();
        temp.Write("app/deployment.yaml", Deployment);
        temp.Write("app/kustomization.yaml", """
            resources: [deployment.yaml]
            configMapGenerator:
            - name: app-config
              literals: [LOG_LEVEL=info]
            patches:
            - target: {kind: Deployment, name: web}
              patch: |-

            """ + Indent(EnvPatch("MODE"), "    "));

        var (file, line, _) = Only(Lint(temp), "ML1003");
        Assert.Equal("kustomization.yaml", file);
        Assert.Equal(20, line);
    }

    [Fact]
    public void A_base_finding_shared_by_two_overlays_is_reported_once_naming_both()
    {
        using var temp = new TempDirectory();
        WriteBaseWithTypoAndTwoOverlays(temp, "namespace: dev\n", "namespace: prod\n");

        var result = Lint(temp);
        Assert.Equal(2, result.Builds.Count);
        var (file, line, message) = Only(result, "ML1003");
        Assert.Equal("deployment.yaml", file);
        Assert.Equal(16, line);
        Assert.EndsWith("(kustomize builds dev, prod)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_base_is_noted_and_references_it_could_satisfy_are_not_called_missing()
    {
        using var temp = new TempDirectory();
        temp.Write("app/deployment.yaml", Deployment);
        temp.Write("app/kustomization.yaml", "resources:\n- github.com/example/platform//config?ref=v1.2.0\n- deployment.yaml\n");

        var result = Lint(temp);
        Assert.Empty(result.OfRule("ML1002"));
        var note = Assert.Single(result.ConfigurationMessages, m => m.Message.Contains("remote resource", StringComparison.Ordinal));
        Assert.Equal(2, note.Line);
        Assert.Contains("github.com/example/platform//config?ref=v1.2.0", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_a_build_makes_satisfy_references_from_files_outside_every_build()
    {
        using var temp = new TempDirectory();
        temp.Write("infra/kustomization.yaml", "namespace: default\nconfigMapGenerator:\n- name: app-config\n  literals: [LOG_LEVEL=info]\n  options: {disableNameSuffixHash: true}\n");
        temp.Write("apps/web.yaml", Deployment);

        var result = Lint(temp);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Builds_that_share_a_base_do_not_satisfy_each_others_references()
    {
        using var temp = new TempDirectory();
        temp.Write("base/deployment.yaml", Deployment);
        temp.Write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
        temp.Write("dev/kustomization.yaml", "resources: [../base]\n");
        temp.Write("prod/kustomization.yaml", "resources: [../base]\nconfigMapGenerator:\n- name: app-config\n  literals: [LOG_LEVEL=info]\n");

        var (file, _, message) = Only(Lint(temp), "ML1002");
        Assert.Equal("deployment.yaml", file);
        Assert.EndsWith("(kustomize build dev)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("editorconfig")]
    public void Builds_can_be_turned_off_on_the_command_line_and_in_editorconfig(string where)
    {
        using var temp = new TempDirectory();
        var fixture = Path.Combine(RepositoryPaths.Fixtures, "ML1002", "kustomize-build-silent");
        foreach (var file in Directory.GetFiles(fixture))
        {
            File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        }

        Assert.DoesNotContain("ML1002", CliRun.In(temp.Path, ".").Out, StringComparison.Ordinal);
        if (where == "editorconfig")
        {
            temp.Write(".editorconfig", "root = true\n\n[kustomization.yaml]\nmanifestlint.kustomize = off\n");
        }

        var run = where == "cli" ? CliRun.In(temp.Path, "--kustomize", "off", ".") : CliRun.In(temp.Path, ".");
        Assert.Contains("ML1002", run.Out, StringComparison.Ordinal);
        if (where == "editorconfig")
        {
            // --strict: an .editorconfig that comes with a pull request cannot turn builds off (that changes what is found).
            Assert.DoesNotContain("ML1002", CliRun.In(temp.Path, "--strict", ".").Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_custom_resource_follows_a_renamed_ConfigMap_only_where_configurations_say_so()
    {
        using var temp = new TempDirectory();
        var fixture = Path.Combine(RepositoryPaths.Fixtures, "ML1002", "kustomize-configurations");
        foreach (var file in Directory.GetFiles(fixture))
        {
            File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        }

        Assert.Empty(Lint(temp).Diagnostics);

        // Without the nameReference, kustomize leaves the Rollout naming app-config while the ConfigMap becomes
        // demo-app-config-<hash>: the pods would not start, and both references are reported.
        var kustomization = Path.Combine(temp.Path, "kustomization.yaml");
        File.WriteAllText(kustomization, File.ReadAllText(kustomization).Replace("configurations:\n- rollout-references.yaml\n", string.Empty, StringComparison.Ordinal));
        var broken = Lint(temp);
        Assert.Single(broken.OfRule("ML1002"));
        Assert.Single(broken.OfRule("ML1001"));
    }

    [Fact]
    public void Json_and_sarif_list_the_builds_a_shared_finding_occurs_in()
    {
        using var temp = new TempDirectory();
        WriteBaseWithTypoAndTwoOverlays(temp, string.Empty, string.Empty);

        using var json = System.Text.Json.JsonDocument.Parse(CliRun.In(temp.Path, "--format", "json", ".").Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "ML1003");
        Assert.Equal(new[] { "dev", "prod" }, finding.GetProperty("kustomizeBuilds").EnumerateArray().Select(b => b.GetString()));

        using var sarif = System.Text.Json.JsonDocument.Parse(CliRun.In(temp.Path, "--format", "sarif", ".").Out);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "ML1003");
        Assert.Equal(new[] { "dev", "prod" }, result.GetProperty("properties").GetProperty("kustomizeBuilds").EnumerateArray().Select(b => b.GetString()));
    }
}
