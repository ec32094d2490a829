using System.Text.RegularExpressions;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>What the README tells users to paste works as written.</summary>
public sealed class ReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void The_configuration_example_works_when_pasted()
    {
        var example = Regex.Match(Readme, "## Configuration.*?```ini\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("dotnet_diagnostic.ML3004.severity = error", example, StringComparison.Ordinal);
        using var repo = new TempDirectory();
        repo.Write(".editorconfig", example);
        repo.Write("deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: nginx
                envFrom:
                - configMapRef: {name: shared-settings}
                - secretRef: {name: db-credentials}
                volumeMounts:
                - name: config
                  mountPath: /etc/app.conf
                  subPath: app.conf
              volumes:
              - name: config
                configMap: {name: app-config}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app-config
            data:
              app.conf: "x"
            """);
        var run = CliRun.In(repo.Path, "--format", "json");
        Assert.DoesNotContain("warning:", run.Error, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToArray();

        // ML3004 raised to error by its own line; the external objects satisfy envFrom; the namespace applies.
        var subPath = findings.Single(f => f.GetProperty("ruleId").GetString() == "ML3004");
        Assert.Equal("error", subPath.GetProperty("severity").GetString());
        Assert.Equal("Pod/apps/web", subPath.GetProperty("object").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() is "ML1002");
    }

    [Fact]
    public void Ci_runs_exactly_the_readme_test_command()
    {
        // The README's test command is how a contributor runs everything; CI must run the same, and nothing less.
        var command = Regex.Match(Readme, "# Run every test\n(.+)\n").Groups[1].Value.Trim();
        Assert.StartsWith("dotnet test ", command, StringComparison.Ordinal);
        var ci = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("dotnet test", StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(new[] { command }, ci);
    }

    [Fact]
    public void The_sample_output_is_what_the_first_command_prints()
    {
        var sample = Regex.Match(Readme, "```text\n(examples/kiada/.*?)\nmanifestlint: ", RegexOptions.Singleline).Groups[1].Value;
        var run = CliRun.In(RepositoryPaths.Root, "examples");
        Assert.Equal(sample.Split('\n'), run.OutLines);
        Assert.Equal(1, run.ExitCode);
    }
}
