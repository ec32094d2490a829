using System.Text.Json;
using System.Text.RegularExpressions;
using ManifestLint.Cli;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

public sealed class CliTests
{
    private const string Clean = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  key: value\n";
    private const string WarningOnly = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  name: app2\n";
    private const string ErrorOnly = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\nimmutable: \"yes\"\n";

    [Fact]
    public void Text_output_is_msbuild_style_with_a_summary_on_stderr()
    {
        var run = CliRun.In(RepositoryPaths.Root, "examples");
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.NotEmpty(run.OutLines);
        Assert.All(run.OutLines, line => Assert.Matches(@"^examples/kiada/[\w.-]+\.yaml\(\d+,\d+\): (error|warning|note) ML\d{4}: .+$", line));
        Assert.Contains(run.OutLines, l => l.StartsWith("examples/kiada/deployment.yaml(39,9): warning ML0002:", StringComparison.Ordinal));
        Assert.Matches(@"^manifestlint: 3 files, 3 objects: \d+ errors?, \d+ warnings?, \d+ notes? in \d+\.\d\d s\n$", run.Error);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_every_field_a_script_needs()
    {
        var run = CliRun.In(RepositoryPaths.Root, "examples", "--format", "json");
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.NotEmpty(findings);
        var duplicate = findings.Single(f => f.GetProperty("ruleId").GetString() == "ML0002");
        Assert.Equal("warning", duplicate.GetProperty("severity").GetString());
        Assert.Equal("examples/kiada/deployment.yaml", duplicate.GetProperty("file").GetString());
        Assert.Equal(39, duplicate.GetProperty("line").GetInt32());
        Assert.Equal(9, duplicate.GetProperty("column").GetInt32());
        Assert.Equal(14, duplicate.GetProperty("endColumn").GetInt32());
        Assert.Equal("Deployment/default/kiada", duplicate.GetProperty("object").GetString());
        Assert.Equal(38, duplicate.GetProperty("related")[0].GetProperty("line").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Theory]
    [InlineData("error", Clean, 0)]
    [InlineData("error", WarningOnly, 0)]
    [InlineData("warning", WarningOnly, 1)]
    [InlineData("note", WarningOnly, 1)]
    [InlineData("none", ErrorOnly, 0)]
    [InlineData("error", ErrorOnly, 1)]
    public void Fail_level_decides_the_exit_code(string level, string yaml, int expected)
    {
        using var temp = new TempDirectory();
        temp.Write("m.yaml", yaml);
        Assert.Equal(expected, CliRun.In(temp.Path, "--fail-level", level, ".").ExitCode);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--format", "xml")]
    [InlineData("--fail-level", "fatal")]
    [InlineData("--kube-version", "banana")]
    [InlineData("--kube-version", "1.99")]
    [InlineData("--external", "just-a-name")]
    [InlineData("--severity", "ML9999=error")]
    [InlineData("--severity", "ML0002=loud")]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        using var temp = new TempDirectory();
        var run = CliRun.In(temp.Path, args);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("manifestlint: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_exits_2_after_linting_the_rest()
    {
        using var temp = new TempDirectory();
        temp.Write("m.yaml", WarningOnly);
        var run = CliRun.In(temp.Path, "m.yaml", "missing.yaml");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("ML0002", run.Out, StringComparison.Ordinal);
        Assert.Contains("missing.yaml: no such file or directory", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_linted_under_the_given_name()
    {
        var run = CliRun.Invoke(RepositoryPaths.Root, WarningOnly, false, null, "-", "--stdin-filename", "chart/rendered.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("chart/rendered.yaml(5,3): warning ML0002:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_overrides_change_the_level_and_can_turn_a_rule_off()
    {
        using var temp = new TempDirectory();
        temp.Write("m.yaml", WarningOnly);
        var raised = CliRun.In(temp.Path, "--severity", "ML0002=error");
        Assert.Equal(1, raised.ExitCode);
        Assert.Contains("error ML0002", raised.Out, StringComparison.Ordinal);
        var off = CliRun.In(temp.Path, "--severity", "ml0002=none");
        Assert.Equal(0, off.ExitCode);
        Assert.Equal(string.Empty, off.Out);
    }

    [Fact]
    public void Output_file_is_written_whole_and_no_temporary_file_is_left()
    {
        using var temp = new TempDirectory();
        temp.Write("m.yaml", WarningOnly);
        var run = CliRun.In(temp.Path, "--format", "json", "--output", "report.json", "m.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "report.json")));
        Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(new[] { "m.yaml", "report.json" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_NO_COLOR()
    {
        using var temp = new TempDirectory();
        temp.Write("m.yaml", WarningOnly);
        Assert.Contains("\u001b[33mwarning\u001b[0m", CliRun.Invoke(temp.Path, null, true, null).Out, StringComparison.Ordinal);
        var noColor = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        Assert.DoesNotContain("\u001b[", CliRun.Invoke(temp.Path, null, true, noColor).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_every_rule_in_three_formats()
    {
        var text = CliRun.In(RepositoryPaths.Root, "rules");
        Assert.Equal(0, text.ExitCode);
        foreach (var id in new[] { "ML0001", "ML0002", "ML0003", "ML0004", "ML0005", "ML0006", "ML0007" })
        {
            Assert.Contains(text.OutLines, l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("rules/" + id + ".md", StringComparison.Ordinal));
        }

        Assert.Contains("| [ML0001](https://", CliRun.In(RepositoryPaths.Root, "rules", "--format", "markdown").Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRun.In(RepositoryPaths.Root, "rules", "--format", "json").Out);
        var first = json.RootElement[0];
        Assert.Equal("ML0001", first.GetProperty("id").GetString());
        Assert.Equal("error", first.GetProperty("defaultSeverity").GetString());
        Assert.True(first.GetProperty("enabledByDefault").GetBoolean());
        Assert.Equal("very-high", first.GetProperty("precision").GetString());
        Assert.Equal(ManifestLint.Analysis.RuleDescriptor.RemediationOf(ManifestLint.Engine.RuleCatalog.Default.ById["ML0001"]), first.GetProperty("remediation").GetString());
    }

    [Fact]
    public void Version_and_help_exit_0()
    {
        var version = CliRun.In(RepositoryPaths.Root, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), version.Out);
        var help = CliRun.In(RepositoryPaths.Root, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--fail-level", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_identical_whatever_the_order_of_the_paths()
    {
        using var temp = new TempDirectory();
        temp.Write("a/one.yaml", WarningOnly);
        temp.Write("b/two.yaml", ErrorOnly);
        temp.Write("c/three.yaml", WarningOnly.Replace("app2", "app3", StringComparison.Ordinal));
        var forward = CliRun.In(temp.Path, "--format", "json", "a", "b", "c");
        var backward = CliRun.In(temp.Path, "--format", "json", "c", "b", "a");
        Assert.Equal(forward.Out, backward.Out);
    }
}
