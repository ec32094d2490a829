using System.Text;
using System.Text.Json;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>--fix, --fix-suggested and --diff as users run them: minimal edits in place, exit codes, safety of the write.</summary>
public sealed class FixCliTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web   # the web pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n    volumeMounts:\n    - name: config\n      mountPath: /etc/app\n      readOnly: false\n  volumes:\n  - name: config\n    configMap:\n      name: app\n      defaultMode: 644\n      optional: 'true'\n";

    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  port: 8080\n";

    [Fact]
    public void Fix_applies_safe_fixes_in_place_reports_what_is_left_and_a_second_run_changes_nothing()
    {
        using var temp = new TempDirectory();
        temp.Write("pod.yaml", Pod);
        temp.Write("cm.yaml", ConfigMap);

        var run = CliRun.In(temp.Path, "--fix", ".");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("manifestlint: fixed 4 findings in 2 files", run.Error, StringComparison.Ordinal);
        Assert.Equal(
            Pod.Replace("      readOnly: false\n", string.Empty, StringComparison.Ordinal).Replace("644", "0644", StringComparison.Ordinal).Replace("'true'", "true", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(temp.Path, "pod.yaml")));
        Assert.Equal(ConfigMap.Replace("8080", "\"8080\"", StringComparison.Ordinal), File.ReadAllText(Path.Combine(temp.Path, "cm.yaml")));
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".manifestlint-fix", StringComparison.Ordinal));

        var again = CliRun.In(temp.Path, "--fix", ".");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("manifestlint: fixed 0 findings in 0 files", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_code_follows_the_findings_no_fix_removes()
    {
        using var temp = new TempDirectory();
        temp.Write("pod.yaml", Pod.Replace("name: app\n", "name: missing\n", StringComparison.Ordinal).Replace("'true'", "'false'", StringComparison.Ordinal));
        var run = CliRun.In(temp.Path, "--fix", "--fail-level", "warning", "pod.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ML1001", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ML3001", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_prints_a_unified_diff_and_changes_nothing()
    {
        using var temp = new TempDirectory();
        temp.Write("pod.yaml", Pod);
        var run = CliRun.In(temp.Path, "--fix", "--diff", "pod.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Pod, File.ReadAllText(Path.Combine(temp.Path, "pod.yaml")));
        Assert.StartsWith("--- a/pod.yaml\n+++ b/pod.yaml\n@@ -9,10 +9,9 @@\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("-      readOnly: false\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("-      defaultMode: 644\n-      optional: 'true'\n+      defaultMode: 0644\n+      optional: true\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("would fix 3 findings in 1 file", run.Error, StringComparison.Ordinal);

        Assert.Equal(2, CliRun.In(temp.Path, "--diff", "pod.yaml").ExitCode);
    }

    [Fact]
    public void Suggested_fixes_only_with_fix_suggested()
    {
        using var temp = new TempDirectory();
        temp.Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  log-level: info\n");
        var pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    env:\n    - name: LOG\n      valueFrom:\n        configMapKeyRef: {name: app, key: \"log-levl\"}\n";
        temp.Write("pod.yaml", pod);
        Assert.Equal(1, CliRun.In(temp.Path, "--fix", ".").ExitCode);
        Assert.Equal(pod, File.ReadAllText(Path.Combine(temp.Path, "pod.yaml")));
        Assert.Equal(0, CliRun.In(temp.Path, "--fix-suggested", ".").ExitCode);
        Assert.Equal(pod.Replace("\"log-levl\"", "\"log-level\"", StringComparison.Ordinal), File.ReadAllText(Path.Combine(temp.Path, "pod.yaml")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fixes_keep_crlf_bom_and_the_file_mode_and_never_write_through_a_symbolic_link()
    {
        using var temp = new TempDirectory();
        var crlf = Pod.Replace("\n", "\r\n", StringComparison.Ordinal);
        var path = Path.Combine(temp.Path, "pod.yaml");
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(crlf)).ToArray());
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        using var outside = new TempDirectory();
        var linked = Pod.Replace("name: web   #", "name: other   #", StringComparison.Ordinal);
        var target = outside.Write("target.yaml", linked);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "link.yaml"), target);

        var run = CliRun.In(temp.Path, "--fix", ".");
        var expected = crlf.Replace("      readOnly: false\r\n", string.Empty, StringComparison.Ordinal).Replace("644", "0644", StringComparison.Ordinal).Replace("'true'", "true", StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(expected)).ToArray(), File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Equal(linked, File.ReadAllText(target));
        Assert.NotNull(new FileInfo(Path.Combine(temp.Path, "link.yaml")).LinkTarget);
    }

    [Fact]
    public void Sarif_carries_a_described_fix_on_every_fixable_result_and_validates()
    {
        using var temp = new TempDirectory();
        temp.Write("pod.yaml", Pod);
        temp.Write("cm.yaml", ConfigMap);
        var run = CliRun.In(temp.Path, "--format", "sarif", ".");
        SarifSchema.AssertValid(run.Out);
        using var json = JsonDocument.Parse(run.Out);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(4, results.Length);
        foreach (var result in results)
        {
            var fix = Assert.Single(result.GetProperty("fixes").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(fix.GetProperty("description").GetProperty("text").GetString()));
            var change = Assert.Single(fix.GetProperty("artifactChanges").EnumerateArray());
            Assert.NotEmpty(change.GetProperty("replacements").EnumerateArray());
            Assert.Equal("safe", fix.GetProperty("properties").GetProperty("safety").GetString());
        }
    }
}
