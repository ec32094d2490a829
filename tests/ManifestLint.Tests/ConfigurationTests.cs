using System.Text.Json;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>.editorconfig severities through Roslyn, manifestlint.* options, annotations and comment suppressions.</summary>
public sealed class ConfigurationTests
{
    // ML0002 (warning) on line 5 and ML0005 (error) on line 6.
    private const string TwoFindings = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  name: app2\nimmutable: \"yes\"\n";

    [Fact]
    public void Nested_editorconfig_files_and_globs_set_severities_nearest_wins()
    {
        using var repo = new TempDirectory();
        repo.Write(".editorconfig", "root = true\n\n[*.yaml]\ndotnet_diagnostic.ML0002.severity = error\n\n[prod/**.yaml]\ndotnet_diagnostic.ML0005.severity = warning\n");
        repo.Write("dev/.editorconfig", "[*.yaml]\ndotnet_diagnostic.ML0002.severity = suggestion\n");
        repo.Write("dev/a.yaml", TwoFindings);
        repo.Write("prod/a.yaml", TwoFindings);
        repo.Write("test/a.yaml", TwoFindings);
        var run = CliRun.In(repo.Path);
        Assert.Equal(
            new[]
            {
                "dev/a.yaml(5,3): note ML0002",
                "dev/a.yaml(6,12): error ML0005",
                "prod/a.yaml(5,3): error ML0002",
                "prod/a.yaml(6,12): warning ML0005",
                "test/a.yaml(5,3): error ML0002",
                "test/a.yaml(6,12): error ML0005",
            },
            run.OutLines.Select(l => l.Substring(0, l.IndexOf(':', l.IndexOf(')')) + 1 + l.Substring(l.IndexOf(':', l.IndexOf(')')) + 1).IndexOf(':'))));
        Assert.Equal(string.Empty, run.Error.Split('\n')[0].Contains("warning:", StringComparison.Ordinal) ? "config warning" : string.Empty);
    }

    [Fact]
    public void Root_true_stops_the_lookup_and_categories_and_all_rules_can_be_set()
    {
        using var repo = new TempDirectory();
        repo.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.ML0002.severity = none\n");
        repo.Write("app/.editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.category-Input.severity = suggestion\n");
        repo.Write("app/a.yaml", TwoFindings);
        var run = CliRun.In(repo.Path);
        Assert.Contains(run.OutLines, l => l.Contains("note ML0002", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.Contains("note ML0005", StringComparison.Ordinal));
        Assert.Equal(0, run.ExitCode);

        repo.Write("app/.editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = none\n");
        Assert.Equal(string.Empty, CliRun.In(repo.Path).Out);
    }

    [Fact]
    public void The_command_line_wins_over_editorconfig()
    {
        using var repo = new TempDirectory();
        repo.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.ML0002.severity = none\nmanifestlint.default_namespace = apps\n");
        repo.Write("a.yaml", TwoFindings);
        var run = CliRun.In(repo.Path, "--severity", "ML0002=error", "--format", "json");
        using var json = JsonDocument.Parse(run.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.Equal("error", findings.Single(f => f.GetProperty("ruleId").GetString() == "ML0002").GetProperty("severity").GetString());
        Assert.Equal("ConfigMap/apps/app2", findings[0].GetProperty("object").GetString());
        using var explicitNamespace = JsonDocument.Parse(CliRun.In(repo.Path, "--namespace", "cli", "--format", "json").Out);
        Assert.Equal("ConfigMap/cli/app2", explicitNamespace.RootElement.GetProperty("findings")[0].GetProperty("object").GetString());
    }

    [Fact]
    public void An_explicit_config_file_applies_everywhere_below_the_nearest_editorconfig()
    {
        using var repo = new TempDirectory();
        repo.Write("lint.ini", "dotnet_diagnostic.ML0005.severity = none\n");
        repo.Write("a.yaml", TwoFindings);
        var run = CliRun.In(repo.Path, "--config", "lint.ini", "--no-editorconfig");
        Assert.Equal(new[] { "ML0002" }, run.OutLines.Select(l => l.Split(' ')[2].TrimEnd(':')));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Configuration_mistakes_are_reported_with_file_and_line()
    {
        using var repo = new TempDirectory();
        repo.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.ML9999.severity = error\nmanifestlint.kube_versoin = 1.31\nmanifestlint.kube_version = one\ndotnet_diagnostic.ML0002.severity = loud\ndotnet_analyzer_diagnostic.category-Volume.severity = none\nmanifestlint.external_objects = configmap\n");
        repo.Write("a.yaml", TwoFindings);
        var run = CliRun.In(repo.Path);
        var warnings = run.Error.Split('\n').Where(l => l.StartsWith(".editorconfig(", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, warnings.Length);
        Assert.Contains(".editorconfig(3): warning: there is no rule ML9999", warnings[0], StringComparison.Ordinal);
        Assert.Contains(".editorconfig(4): warning: unknown option 'manifestlint.kube_versoin'", warnings[1], StringComparison.Ordinal);
        Assert.StartsWith(".editorconfig(5): warning: 'one' is not a Kubernetes version", warnings[2], StringComparison.Ordinal);
        Assert.StartsWith(".editorconfig(6): warning: 'loud' is not a severity", warnings[3], StringComparison.Ordinal);
        Assert.StartsWith(".editorconfig(7): warning: there is no rule category 'Volume'", warnings[4], StringComparison.Ordinal);
        Assert.StartsWith(".editorconfig(8): warning: 'configmap' is not KIND/NAME", warnings[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_and_comments_suppress_with_a_reason()
    {
        using var repo = new TempDirectory();
        repo.Write("annotated.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    ignore-check.manifestlint.io/ML0005: \"generated by our tool\"\nimmutable: \"yes\"\n");
        repo.Write("all.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {manifestlint.io/ignore-all: legacy}\n  name: b\nimmutable: \"yes\"\n");
        repo.Write("comments.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b   # manifestlint-disable-line ML0002 -- the second name is intended\n# manifestlint-disable-next-line ML0005, ML0006\nimmutable: \"yes\"\n");
        repo.Write("file.yaml", "# manifestlint-disable-file ML0002,ML0005 -- vendored\n" + TwoFindings);
        var run = CliRun.In(repo.Path);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("suppresses nothing", run.Error, StringComparison.Ordinal);

        var shown = CliRun.In(repo.Path, "--show-suppressed");
        Assert.Contains("annotated.yaml(7,12): error ML0005: ", shown.Out, StringComparison.Ordinal);
        Assert.Contains("[suppressed: generated by our tool]", shown.Out, StringComparison.Ordinal);
        Assert.Contains("comments.yaml(5,3): warning ML0002: Key 'name' is written twice", shown.Out, StringComparison.Ordinal);
        Assert.Contains("[suppressed: the second name is intended]", shown.Out, StringComparison.Ordinal);
        Assert.Contains("[suppressed: vendored]", shown.Out, StringComparison.Ordinal);
        Assert.Contains("[suppressed: legacy]", shown.Out, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);
    }

    [Fact]
    public void The_same_finding_suppressed_two_ways_is_silenced_once_and_both_count_as_used()
    {
        using var repo = new TempDirectory();
        repo.Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {ignore-check.manifestlint.io/ML0005: \"why\"}\n# manifestlint-disable-next-line ML0005 -- because\nimmutable: \"yes\"\n");
        var run = CliRun.In(repo.Path, "--format", "sarif");
        Assert.Equal(0, run.ExitCode);
        SarifSchema.AssertValid(run.Out);
        using var json = JsonDocument.Parse(run.Out);
        var result = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        var suppression = result.GetProperty("suppressions").EnumerateArray().Single();
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("because", suppression.GetProperty("justification").GetString());
        Assert.DoesNotContain("suppresses nothing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_that_suppresses_nothing_is_a_located_warning()
    {
        using var repo = new TempDirectory();
        repo.Write("a.yaml", "apiVersion: v1\nkind: ConfigMap   # manifestlint-disable-line ML0002\nmetadata:\n  name: a\n# manifestlint-disable-next-line ML9998\ndata: {}\n");
        repo.Write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  text: |\n    # manifestlint-disable-line ML0002  (content of a block scalar, not a comment)\n");
        var run = CliRun.In(repo.Path);
        var lines = run.Error.Split('\n').Where(l => l.StartsWith("a.yaml(", StringComparison.Ordinal)).ToArray();
        // With the comment's column and the rule it names, as compilers print warnings: CI annotates them (issue 18 item 7).
        Assert.Contains("a.yaml(2,19): warning ML0002: '# manifestlint-disable-line ML0002' suppresses nothing", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("a.yaml(5,1): warning: there is no rule ML9998", StringComparison.Ordinal));
        Assert.DoesNotContain("b.yaml(", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
    }
}
