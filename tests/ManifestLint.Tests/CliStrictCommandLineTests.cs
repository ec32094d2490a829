using ManifestLint.Cli;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>Issue 18: command lines that users bring from other linters, and runs that lint nothing.</summary>
public sealed class CliStrictCommandLineTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  key: value\n";

    [Theory]
    [InlineData("--fromat", "--format")]
    [InlineData("--fail-levle", "--fail-level")]
    [InlineData("--baselin", "--baseline")]
    public void A_misspelt_option_is_refused_before_linting_with_the_nearest_option(string typed, string meant)
    {
        using var temp = new TempDirectory();
        temp.Write("deploy/cm.yaml", ConfigMap);
        var run = CliRun.In(temp.Path, typed, "json", "deploy");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"unknown option '{typed}' (did you mean {meant}?)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", run.Error, StringComparison.Ordinal); // refused before anything was read
        Assert.DoesNotContain("objects", run.Error, StringComparison.Ordinal); // no summary: nothing was linted
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_file_that_looks_like_an_option_is_still_a_path_after_the_double_dash()
    {
        using var temp = new TempDirectory();
        temp.Write("--odd.yaml", ConfigMap);
        var run = CliRun.In(temp.Path, "--format", "json", "--", "--odd.yaml");
        Assert.Equal(ExitCodes.Clean, run.ExitCode);
    }

    [Fact]
    public void Kube_linters_lint_subcommand_gets_a_helpful_message()
    {
        using var temp = new TempDirectory();
        temp.Write("deploy/cm.yaml", ConfigMap);
        var run = CliRun.In(temp.Path, "lint", "deploy");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'lint' is not a command", run.Error, StringComparison.Ordinal);
        Assert.Contains("manifestlint DIR", run.Error, StringComparison.Ordinal);

        // A folder that is really named lint is linted.
        temp.Write("lint/cm.yaml", ConfigMap);
        Assert.Equal(ExitCodes.Clean, CliRun.In(temp.Path, "lint").ExitCode);
    }

    [Fact]
    public void Help_names_the_command_manifestlint()
    {
        var run = CliRun.In(RepositoryPaths.Root, "--help");
        Assert.Equal(ExitCodes.Clean, run.ExitCode);
        Assert.Contains("  manifestlint [<paths>...]", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ManifestLint.Cli", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("testhost", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_folder_without_manifests_exits_2_unless_allow_empty()
    {
        using var temp = new TempDirectory();
        temp.Write("chart/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n");
        temp.Write("docs/readme.txt", "not a manifest");
        temp.Write("deploy/cm.yaml", ConfigMap);

        var templates = CliRun.In(temp.Path, "chart");
        Assert.Equal(ExitCodes.UsageError, templates.ExitCode);
        Assert.Contains("manifestlint: error: chart: no Kubernetes manifest found here", templates.Error, StringComparison.Ordinal);

        var nothing = CliRun.In(temp.Path, "deploy", "docs");
        Assert.Equal(ExitCodes.UsageError, nothing.ExitCode);
        Assert.Contains("docs: no Kubernetes manifest found here", nothing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("deploy: no Kubernetes", nothing.Error, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Clean, CliRun.In(temp.Path, "docs", "--allow-empty").ExitCode);
        Assert.Equal(ExitCodes.Clean, CliRun.In(temp.Path, "deploy").ExitCode);
    }

    [Fact]
    public void A_named_file_that_is_no_manifest_is_not_an_error_because_pre_commit_passes_every_changed_yaml_file()
    {
        using var temp = new TempDirectory();
        temp.Write(".github/workflows/ci.yaml", "on: push\njobs: {}\n");
        Assert.Equal(ExitCodes.Clean, CliRun.In(temp.Path, "--", ".github/workflows/ci.yaml").ExitCode);
    }
}

/// <summary>Issue 18 item 6: a baseline hides the findings it already holds in every line-oriented format.</summary>
public sealed class BaselineFormatTests
{
    private const string Old = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\nimmutable: \"yes\"\n";

    private const string New = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nimmutable: \"no\"\n";

    [Theory]
    [InlineData("text")]
    [InlineData("github")]
    [InlineData("json")]
    public void Baselined_findings_are_not_printed_and_new_ones_are(string format)
    {
        using var temp = new TempDirectory();
        temp.Write("deploy/cm.yaml", Old);
        var baseline = CliRun.In(temp.Path, "deploy", "--format", "sarif", "--output", "base.sarif");
        Assert.Equal(ExitCodes.Findings, baseline.ExitCode);

        var unchanged = CliRun.In(temp.Path, "deploy", "--format", format, "--baseline", "base.sarif");
        Assert.Equal(ExitCodes.Clean, unchanged.ExitCode);
        Assert.DoesNotContain("ML0005", unchanged.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", unchanged.Out, StringComparison.Ordinal);

        temp.Write("deploy/secret.yaml", New);
        var added = CliRun.In(temp.Path, "deploy", "--format", format, "--baseline", "base.sarif");
        Assert.Equal(ExitCodes.Findings, added.ExitCode);
        Assert.Contains("secret.yaml", added.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("cm.yaml", added.Out, StringComparison.Ordinal);
    }
}

/// <summary>Issue 18 item 10: vendored charts and bundles are left out with --exclude.</summary>
public sealed class ExcludeTests
{
    private const string Broken = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\nimmutable: \"yes\"\n";

    private const string Clean = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mine\ndata:\n  key: value\n";

    [Theory]
    [InlineData("vendor/**")]
    [InlineData("vendor")]
    [InlineData("**/bundle.yaml")]
    [InlineData("vendor/*/bundle.yaml")]
    public void Excluded_files_are_not_linted_whether_found_in_a_folder_or_named(string glob)
    {
        using var temp = new TempDirectory();
        temp.Write("deploy/mine.yaml", Clean);
        temp.Write("vendor/chart/bundle.yaml", Broken);

        Assert.Equal(ExitCodes.Findings, CliRun.In(temp.Path, ".").ExitCode);

        var run = CliRun.In(temp.Path, ".", "--exclude", glob);
        Assert.True(run.ExitCode == ExitCodes.Clean, run.Out + run.Error);
        Assert.DoesNotContain("bundle.yaml", run.Out, StringComparison.Ordinal);

        var named = CliRun.In(temp.Path, "--exclude", glob, "--", "deploy/mine.yaml", "vendor/chart/bundle.yaml");
        Assert.Equal(ExitCodes.Clean, named.ExitCode);
    }

    [Fact]
    public void Files_editorconfig_marks_generated_code_are_read_for_references_but_their_findings_are_not_reported()
    {
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", "root = true\n\n[vendor/**]\ngenerated_code = true\n");
        temp.Write("vendor/chart/bundle.yaml", Broken + "data: {level: info}\n");
        temp.Write("deploy/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    env:\n    - name: LEVEL\n      valueFrom: {configMapKeyRef: {name: app, key: level}}\n    - name: OTHER\n      valueFrom: {configMapKeyRef: {name: app, key: other}}\n");

        var run = CliRun.In(temp.Path, ".");

        // The vendored ConfigMap exists (no ML1002) and its keys count (ML1003 for 'other' only, in the linted file);
        // its own error (a quoted immutable) is the vendor's, not reported.
        Assert.DoesNotContain("bundle.yaml", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ML1002", run.Out, StringComparison.Ordinal);
        var line = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("deploy/pod.yaml", line, StringComparison.Ordinal);
        Assert.Contains("no key 'other'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glob_that_does_not_match_leaves_the_file_linted_and_repeats_add_up()
    {
        using var temp = new TempDirectory();
        temp.Write("deploy/mine.yaml", Clean);
        temp.Write("vendor/a.yaml", Broken);
        temp.Write("third_party/b.yaml", Broken);
        Assert.Equal(ExitCodes.Findings, CliRun.In(temp.Path, ".", "--exclude", "vend*/b.yaml").ExitCode);
        Assert.Equal(ExitCodes.Findings, CliRun.In(temp.Path, ".", "--exclude", "vendor").ExitCode);
        Assert.Equal(ExitCodes.Clean, CliRun.In(temp.Path, ".", "--exclude", "vendor", "--exclude", "third_party/**").ExitCode);
    }
}
