using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// Issue 18 item 11: <c>--strict</c>, for CI on pull requests that could silence the gate they are checked by. Without
/// it each of these trees passes (exit 0); with it the hidden finding is reported and fails the run.
/// </summary>
public sealed class StrictModeTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  a: \"1\"\n";

    // ML1003 (error): the key 'b' is not in app-config; line 19, column 50 is the key's value.
    private const string PodReadingB = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nSUFFIX_ANNOTATIONS\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - name: B\n      valueFrom:\n        configMapKeyRef: {name: app-config, key: b}COMMENT\n";

    // ML1002 (warning): ConfigMap 'other' is not in the linted set; line 16, column 28.
    private const string PodReadingOther = ConfigMap + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    envFrom:\n    - configMapRef: {name: other}\n";

    private static string Manifest(string comment = "", string annotations = "") =>
        ConfigMap + PodReadingB.Replace("COMMENT", comment, StringComparison.Ordinal).Replace("SUFFIX_ANNOTATIONS\n", annotations, StringComparison.Ordinal);

    private static (CliRun Plain, CliRun Strict) Both(TempDirectory temp, params string[] args) =>
        (CliRun.In(temp.Path, args.Append(".").ToArray()), CliRun.In(temp.Path, args.Append("--strict").Append(".").ToArray()));

    private static void AssertHiddenThenCounted((CliRun Plain, CliRun Strict) runs, string expectedLine)
    {
        Assert.Equal(0, runs.Plain.ExitCode);
        Assert.DoesNotContain("ML1003", runs.Plain.Out, StringComparison.Ordinal);
        Assert.Equal(1, runs.Strict.ExitCode);
        Assert.Contains(runs.Strict.OutLines, l => l.StartsWith(expectedLine, StringComparison.Ordinal));
    }

    [Fact]
    public void A_suppression_comment_is_ignored_and_its_finding_counts()
    {
        using var temp = new TempDirectory();
        temp.Write("app.yaml", Manifest(comment: "  # manifestlint-disable-line ML1003 -- not ours"));
        var runs = Both(temp);
        AssertHiddenThenCounted(runs, "app.yaml(19,50): error ML1003:");
        Assert.Contains("--strict: 1 finding(s) silenced by suppression comments or annotations", runs.Strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_annotations_are_ignored()
    {
        using var temp = new TempDirectory();
        temp.Write("app.yaml", Manifest(annotations: "  annotations:\n    manifestlint.io/ignore-all: \"trust me\"\n"));
        AssertHiddenThenCounted(Both(temp), "app.yaml(21,50): error ML1003:");
    }

    [Fact]
    public void A_severity_lowered_in_an_editorconfig_inside_the_tree_is_ignored()
    {
        using var temp = new TempDirectory();
        temp.Write("app.yaml", Manifest());
        temp.Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.ML1003.severity = none\n");
        AssertHiddenThenCounted(Both(temp), "app.yaml(19,50): error ML1003:");

        temp.Write(".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = suggestion\n");
        var runs = Both(temp);
        Assert.Equal(0, runs.Plain.ExitCode);
        Assert.Equal(1, runs.Strict.ExitCode);
    }

    /// <summary>Lints <see cref="PodReadingOther"/> beside <paramref name="editorConfig"/>, plain and strict; the strict run fails.</summary>
    private static CliRun Other(TempDirectory temp, string editorConfig, int plainExit, params string[] args)
    {
        temp.Write("app.yaml", PodReadingOther);
        temp.Write(".editorconfig", "root = true\n[*]\n" + editorConfig + "\n");
        var (plain, strict) = Both(temp, args);
        Assert.Equal(plainExit, plain.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        return strict;
    }

    [Fact]
    public void A_severity_raised_in_the_tree_still_applies()
    {
        using var temp = new TempDirectory();
        var strict = Other(temp, "dotnet_diagnostic.ML1002.severity = error", plainExit: 1);
        Assert.Contains(strict.OutLines, l => l.StartsWith("app.yaml(16,28): error ML1002:", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_code_external_objects_and_producers_in_the_tree_are_ignored()
    {
        using var temp = new TempDirectory();
        temp.Write("app.yaml", Manifest());
        temp.Write(".editorconfig", "root = true\n[app.yaml]\ngenerated_code = true\n");
        AssertHiddenThenCounted(Both(temp), "app.yaml(19,50): error ML1003:");

        var strict = Other(temp, "manifestlint.external_objects = configmap/*", plainExit: 0, "--fail-level", "warning");
        Assert.Contains(strict.OutLines, l => l.StartsWith("app.yaml(16,28): warning ML1002:", StringComparison.Ordinal));

        temp.Write("producers.yaml", "implicit:\n  - kind: ConfigMap\n    name: other\n    madeBy: the platform\n");
        strict = Other(temp, "manifestlint.producers = producers.yaml", plainExit: 0, "--fail-level", "warning");
        Assert.Contains(strict.OutLines, l => l.StartsWith("app.yaml(16,28): warning ML1002:", StringComparison.Ordinal));
        Assert.Contains(".editorconfig(3): warning: --strict: producers named in an .editorconfig inside the linted tree are ignored", strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_jobs_own_config_file_still_applies_in_full()
    {
        using var temp = new TempDirectory();
        var trusted = new TempDirectory();
        try
        {
            temp.Write("app.yaml", Manifest());
            var config = trusted.Write("ci.editorconfig", "dotnet_diagnostic.ML1003.severity = none\n");
            var run = CliRun.In(temp.Path, "--strict", "--config", config, ".");
            Assert.Equal(0, run.ExitCode);
            Assert.DoesNotContain("ML1003", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            trusted.Dispose();
        }
    }
}
