using ManifestLint.Cli;
using ManifestLint.Cli.Output;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary><c>--format github</c>: workflow commands that the Actions runner turns into annotations.</summary>
public sealed class GitHubFormatTests
{
    [Fact]
    public void Each_finding_is_one_workflow_command_with_its_region_and_rule()
    {
        var run = CliRun.Invoke(RepositoryPaths.Root, null, false, null, "examples", "--format", "github");
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.All(run.OutLines, line => Assert.Matches(
            @"^::(error|warning|notice) file=examples/kiada/[\w.-]+\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=ML\d{4}::[^\r\n]+$", line));
        Assert.Contains(run.OutLines, l => l.StartsWith("::error file=examples/kiada/deployment.yaml,line=34,col=20,endLine=34,endColumn=28,title=ML1003::ConfigMap default/kiada-config has no key 'loglevel'", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("::warning file=examples/kiada/deployment.yaml,line=39,col=9,", StringComparison.Ordinal));

        // The related location (the first 'image' key) follows on its own line of the annotation, escaped.
        var duplicate = Assert.Single(run.OutLines, l => l.Contains("title=ML0002::", StringComparison.Ordinal));
        Assert.Contains("%0Aexamples/kiada/deployment.yaml(38,9): The first occurrence, which kubectl drops.", duplicate, StringComparison.Ordinal);
        Assert.StartsWith("manifestlint: 3 files", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_are_notices_and_paths_are_relative_to_the_github_workspace()
    {
        using var temp = new TempDirectory();
        temp.Write("deploy/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\n  volumes:\n  - name: unused\n    emptyDir: {}\n");
        var environment = new Dictionary<string, string> { ["GITHUB_WORKSPACE"] = temp.Path };
        var run = CliRun.Invoke(Path.Combine(temp.Path, "deploy"), null, false, environment, "pod.yaml", "--format", "github");
        Assert.Equal(ExitCodes.Clean, run.ExitCode);
        var line = Assert.Single(run.OutLines);
        Assert.StartsWith("::notice file=deploy/pod.yaml,line=10,col=11,endLine=10,endColumn=17,title=ML1010::", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_and_properties_are_escaped_as_the_runner_reads_them()
    {
        Assert.Equal("100%25 sure%0D%0Anext: a,b", GitHubReporter.EscapeData("100% sure\r\nnext: a,b"));
        Assert.Equal("a%3Ab%2Cc%25d%0Ae", GitHubReporter.EscapeProperty("a:b,c%d\ne"));

        using var temp = new TempDirectory();
        temp.Write("odd, name: 100%.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  name: app2\n");
        var run = CliRun.In(temp.Path, ".", "--format", "github");
        var line = Assert.Single(run.OutLines);
        Assert.StartsWith("::warning file=odd%2C name%3A 100%25.yaml,line=5,col=3,", line, StringComparison.Ordinal);
    }
}
