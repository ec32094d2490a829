using ManifestLint.Configuration;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// One vocabulary of severity words (<see cref="Severity"/>): <c>--severity</c>, <c>--fail-level</c> and .editorconfig
/// take the same words and mean the same by them.
/// </summary>
public sealed class SeverityWordTests
{
    // ML0002 (warning) on line 5 and ML0005 (error) on line 6.
    private const string TwoFindings = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  name: app2\nimmutable: \"yes\"\n";

    [Fact]
    public void The_severity_words_are_the_same_on_the_command_line_and_in_editorconfig()
    {
        // Roslyn's words, and every word the command line took before there was one vocabulary.
        foreach (var word in new[] { "error", "warning", "suggestion", "silent", "none", "default", "note", "info", "warn", "hidden" })
        {
            Assert.Contains(word, Severity.Words);
        }

        using var repo = new TempDirectory();
        repo.Write("a.yaml", TwoFindings);
        foreach (var word in Severity.Words.Concat(new[] { "Note", "ERROR" }))
        {
            var cli = CliRun.In(repo.Path, "--no-editorconfig", "--severity", $"ML0002={word}", "--fail-level", word);
            Assert.True(cli.ExitCode is 0 or 1, $"--severity ML0002={word}: {cli.Error}");

            repo.Write("lint.ini", $"dotnet_diagnostic.ML0002.severity = {word}\n");
            var file = CliRun.In(repo.Path, "--no-editorconfig", "--config", "lint.ini", "--fail-level", word);
            Assert.DoesNotContain("warning:", file.Error, StringComparison.Ordinal);
            Assert.Equal(cli.Out, file.Out);
            Assert.Equal(cli.ExitCode, file.ExitCode);

            repo.Write("lint.ini", $"dotnet_analyzer_diagnostic.category-Input.severity = {word}\n");
            var category = CliRun.In(repo.Path, "--no-editorconfig", "--config", "lint.ini");
            Assert.DoesNotContain("warning:", category.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_word_that_is_no_severity_is_refused_everywhere_with_the_same_words_offered()
    {
        using var repo = new TempDirectory();
        repo.Write("a.yaml", TwoFindings);
        repo.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.ML0002.severity = loud\n");
        var file = CliRun.In(repo.Path);
        var severity = CliRun.In(repo.Path, "--no-editorconfig", "--severity", "ML0002=loud");
        var failLevel = CliRun.In(repo.Path, "--no-editorconfig", "--fail-level", "loud");
        Assert.Equal(2, severity.ExitCode);
        Assert.Equal(2, failLevel.ExitCode);
        Assert.Contains($"'loud' is not a severity: use {Severity.Usage}", file.Error, StringComparison.Ordinal);
        Assert.Contains(Severity.Usage, severity.Error, StringComparison.Ordinal);
        Assert.Contains($"'loud' is not a severity: use {Severity.Usage}", failLevel.Error, StringComparison.Ordinal);
    }
}
