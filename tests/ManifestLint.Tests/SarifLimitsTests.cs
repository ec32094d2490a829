using System.Text.Json;
using ManifestLint.Analysis;
using ManifestLint.Sarif;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// Issue 18 item 4: SARIF within GitHub code scanning's hard limits (25,000 results per run, 1,000 locations per
/// result; over them the upload is rejected), keeping the most severe and saying what was left out.
/// </summary>
public sealed class SarifLimitsTests
{
    // Two ML1003 errors (with the ConfigMap as related location) and three ML1002 warnings.
    private const string Manifest = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app-config}
        data: {a: "1"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: c
            image: nginx
            envFrom:
            - configMapRef: {name: one}
            - configMapRef: {name: two}
            env:
            - {name: B, valueFrom: {configMapKeyRef: {name: app-config, key: b}}}
            - {name: C, valueFrom: {configMapKeyRef: {name: app-config, key: c}}}
            - {name: D, valueFrom: {configMapKeyRef: {name: three, key: d}}}
        """;

    [Fact]
    public void The_defaults_are_githubs_documented_hard_limits()
    {
        var options = new SarifReportOptions { WorkingDirectory = "/w", ToolVersion = "0.0.0" };
        Assert.Equal(25_000, options.MaxResults);
        Assert.Equal(1_000, options.MaxLocationsPerResult);
    }

    [Fact]
    public void Over_the_result_cap_the_most_severe_are_kept_and_a_notification_says_what_was_left_out()
    {
        var result = TestLinter.LintText(Manifest);
        Assert.Equal(new[] { "ML1002", "ML1002", "ML1003", "ML1003", "ML1002" }, result.Diagnostics.Select(d => d.Id).ToArray());
        var told = new List<string>();
        var sarif = SarifReport.Render(result, RuleCatalog.Default, new SarifReportOptions { WorkingDirectory = "/w", ToolVersion = "0.0.0", MaxResults = 3, LeftOut = told.Add });
        SarifSchema.AssertValid(sarif);
        using var json = JsonDocument.Parse(sarif);
        var run = json.RootElement.GetProperty("runs")[0];
        var kept = run.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("ruleId").GetString()!, r.GetProperty("level").GetString()!)).ToArray();
        // Both errors and the first warning, in the report's order (file, position).
        Assert.Equal(new[] { ("ML1002", "warning"), ("ML1003", "error"), ("ML1003", "error") }, kept);
        var notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        // Sarif.Sdk leaves out a notification's level when it is the spec's default, warning.
        Assert.Equal("warning", notification.TryGetProperty("level", out var level) ? level.GetString() : "warning");
        const string Expected = "2 of 5 results were left out of this SARIF report (2 warnings; rules: ML1002 2): GitHub code scanning rejects a run with more than 3 results; the most severe are kept. The text, JSON and exit code include every finding";
        Assert.Equal(Expected + ".", notification.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(new[] { Expected }, told);
    }

    [Fact]
    public void Related_locations_are_capped_per_result()
    {
        var result = TestLinter.LintText(Manifest);
        Assert.Contains(result.Diagnostics, d => d.AdditionalLocations.Count > 0);
        var told = new List<string>();
        var sarif = SarifReport.Render(result, RuleCatalog.Default, new SarifReportOptions { WorkingDirectory = "/w", ToolVersion = "0.0.0", MaxLocationsPerResult = 1, LeftOut = told.Add });
        SarifSchema.AssertValid(sarif);
        using var json = JsonDocument.Parse(sarif);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(5, results.Length);
        Assert.All(results, r => Assert.True(!r.TryGetProperty("relatedLocations", out var related) || related.GetArrayLength() == 0));
        var withRelated = result.Diagnostics.Count(d => d.AdditionalLocations.Count > 0);
        var dropped = result.Diagnostics.Sum(d => d.AdditionalLocations.Count);
        Assert.Equal(new[] { $"{dropped} related locations were left out of {withRelated} results: GitHub code scanning accepts at most 1 locations per result; the first ones are kept" }, told);
    }

    [Fact]
    public void A_baseline_of_more_than_25000_results_does_not_make_a_report_github_rejects()
    {
        // The absent results of a large baseline are written back as 'absent': 25,500 of them and one new finding
        // made a run of 25,501 results, which GitHub rejects whole.
        using var temp = new TempDirectory();
        temp.Write("app.yaml", Manifest);
        var absent = string.Join(",", Enumerable.Range(0, 25_500).Select(i =>
            $$$"""{"ruleId":"ML1002","level":"warning","message":{"text":"old {{{i}}}"},"partialFingerprints":{"{{{FindingIdentity.FingerprintName}}}":"gone-{{{i}}}"}}"""));
        temp.Write("old.sarif", $$$"""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"ManifestLint"}},"results":[{{{absent}}}]}]}""");
        var run = CliRun.In(temp.Path, "--format", "sarif", "--baseline", "old.sarif", "--output", "new.sarif", "app.yaml");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "new.sarif")));
        var sarifRun = json.RootElement.GetProperty("runs")[0];
        var results = sarifRun.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(GitHubLimits.ResultsPerRun, results.Length);
        Assert.Equal(5, results.Count(r => r.GetProperty("baselineState").GetString() == "new"));
        Assert.Contains(sarifRun.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray(),
            n => n.GetProperty("message").GetProperty("text").GetString()!.StartsWith("505 of 25,505 results were left out of this SARIF report (505 absent warnings;", StringComparison.Ordinal));
        Assert.Contains("manifestlint: warning: --format sarif: 505 of 25,505 results were left out", run.Error, StringComparison.Ordinal);
    }
}
