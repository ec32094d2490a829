using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Rules;
using ManifestLint.Tests.Support;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>What the volume rules decide beyond their fixtures: severities, mode readings, path cleaning.</summary>
public sealed class VolumeRuleTests
{
    private const string DuplicateItemPaths = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: app
            image: nginx
            volumeMounts:
            - name: plain
              mountPath: /plain
            - name: all
              mountPath: /all
          volumes:
          - name: plain
            configMap:
              name: a
              items:
              - key: x
                path: f
              - key: y
                path: f
          - name: all
            projected:
              sources:
              - configMap:
                  name: a
                  items:
                  - key: x
                    path: f
              - secret:
                  name: b
                  items:
                  - key: y
                    path: f
        """;

    [Fact]
    public void Duplicate_item_path_is_a_warning_in_a_plain_volume_and_an_error_across_projected_sources()
    {
        var findings = TestLinter.LintText(DuplicateItemPaths).OfRule("ML3008")
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Severity))
            .ToArray();

        Assert.Equal(new[] { (22, DiagnosticSeverity.Warning), (35, DiagnosticSeverity.Error) }, findings);
        Assert.Equal(DiagnosticSeverity.Warning, RuleCatalog.Default.ById["ML3008"].DefaultSeverity);
    }

    [Fact]
    public void A_configured_severity_wins_over_the_severity_a_rule_chose()
    {
        var options = LintOptions.Default with
        {
            SeverityOverrides = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal) { ["ML3008"] = ReportDiagnostic.Warn },
        };

        var severities = TestLinter.LintText(DuplicateItemPaths, options).OfRule("ML3008").Select(d => d.Severity).ToArray();

        Assert.Equal(new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Warning }, severities);
    }

    [Fact]
    public void Duplicate_item_path_has_the_first_item_as_related_location()
    {
        var finding = TestLinter.LintText(DuplicateItemPaths).OfRule("ML3008").First();

        var related = Assert.Single(finding.AdditionalLocations);
        Assert.Equal(20, related.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Theory]
    [InlineData("644", true)]
    [InlineData("600", true)]
    [InlineData("755", true)]
    [InlineData("400", true)]
    [InlineData("444", true)]
    [InlineData("640", true)]
    [InlineData("420", false)] // 0644
    [InlineData("493", false)] // 0755
    [InlineData("384", false)] // 0600
    [InlineData("500", false)] // 0764 is a mode too: ML3003 names both readings
    [InlineData("0644", false)]
    [InlineData("0o644", false)]
    [InlineData("888", false)] // not octal digits: ML3002
    [InlineData("1644", false)]
    public void Decimal_mode_is_taken_for_octal_only_when_its_decimal_value_is_no_plausible_mode(string literal, bool reported)
    {
        var yaml = $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: nginx
              volumes:
              - name: config
                configMap:
                  name: a
                  defaultMode: {literal}
            """;

        Assert.Equal(reported, TestLinter.LintText(yaml).OfRule("ML3001").Any());
    }

    [Theory]
    [InlineData(420, "0644", "rw-r--r--")]
    [InlineData(256, "0400", "r--------")]
    [InlineData(644, "01204", "-w----r--")]
    [InlineData(0, "0000", "---------")]
    public void Modes_are_shown_in_octal_with_their_permissions(int mode, string octal, string permissions)
    {
        Assert.Equal(octal, FilePermissions.Octal(mode));
        Assert.Equal(permissions, FilePermissions.Permissions(mode & FilePermissions.Max));
    }

    [Theory]
    [InlineData("/etc/", "/etc")]
    [InlineData("etc", "/etc")]
    [InlineData("//etc//app/./", "/etc/app")]
    [InlineData("/etc/app/..", "/etc")]
    [InlineData("/..", "/")]
    [InlineData("/", "/")]
    public void Mount_paths_are_normalised_as_the_kubelet_and_runtime_do(string mountPath, string expected)
    {
        Assert.Equal(expected, VolumePath.NormalizeMountPath(mountPath));
    }

    // The pod of the two tests of ML3005's option: a mount at /srv and one at /etc.
    private const string SrvAndEtcMounts = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: nginx
                volumeMounts:
                - name: data
                  mountPath: /srv/
                - name: etc
                  mountPath: /etc
              volumes:
              - name: data
                emptyDir: {}
              - name: etc
                emptyDir: {}
            """;

    [Fact]
    public void System_directories_come_from_the_options()
    {
        var options = LintOptions.Default.With(VolumeHidesSystemDirectory.SystemDirectories, new[] { "/srv" });

        var lines = TestLinter.LintText(SrvAndEtcMounts, options).OfRule("ML3005").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1);

        Assert.Equal(new[] { 11 }, lines);
    }

    [Fact]
    public void System_directories_come_from_editorconfig_which_strict_ignores()
    {
        using var repo = new TempDirectory();
        repo.Write("pod.yaml", SrvAndEtcMounts);
        Assert.Equal(new[] { "pod.yaml(13,18): warning ML3005" }, Findings(CliRun.In(repo.Path)));

        repo.Write(".editorconfig", "root = true\n[*]\nmanifestlint.system_directories = /srv, /opt\n");
        var run = CliRun.In(repo.Path);
        Assert.Equal(new[] { "pod.yaml(11,18): warning ML3005" }, Findings(run));
        Assert.DoesNotContain("warning:", run.Error, StringComparison.Ordinal);

        // A relative path is reported with its line; as before, it is read from / and still applies.
        repo.Write(".editorconfig", "root = true\n[*]\nmanifestlint.system_directories = srv\n");
        run = CliRun.In(repo.Path);
        Assert.Contains(".editorconfig(3): warning: system directories are absolute paths such as /etc", run.Error, StringComparison.Ordinal);
        Assert.Equal(new[] { "pod.yaml(11,18): warning ML3005" }, Findings(run));

        // A pull request's .editorconfig cannot change it under --strict: it could hide a finding.
        repo.Write(".editorconfig", "root = true\n[*]\nmanifestlint.system_directories = /srv\n");
        Assert.Equal(new[] { "pod.yaml(13,18): warning ML3005" }, Findings(CliRun.In(repo.Path, "--strict")));
    }

    private static string[] Findings(CliRun run) =>
        run.OutLines.Select(l => string.Join(' ', l.Split(' ').Take(3)).TrimEnd(':')).ToArray();
}
