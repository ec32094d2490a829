using System.Globalization;
using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Engine;
using ManifestLint.Tests.Support;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Tests;

/// <summary>
/// A large run drops each file's trees once it has taken the facts the reference graph needs, and reads the file
/// again while its rules run (issue 21). That is a question of memory only: these tests run the same inputs both ways,
/// with every file dropped, and compare everything a run reports.
/// </summary>
public sealed class TreeReleaseTests
{
    public static TheoryData<string> Inputs => new()
    {
        "corpus",
        "corpus-2",
        "fixtures",
        "examples",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Dropping_and_reading_trees_again_changes_nothing_in_the_output(string input)
    {
        var (path, options) = input switch
        {
            "corpus" => (RepositoryPaths.Corpus, LintOptions.Default),
            "corpus-2" => (RepositoryPaths.Corpus2, LintOptions.Default),
            "fixtures" => (RepositoryPaths.Fixtures, LintOptions.Default),
            _ => (RepositoryPaths.Examples, LintOptions.Default),
        };

        var whole = TestLinter.LintPaths(new[] { path }, options, path);
        var dropped = TestLinter.LintPaths(new[] { path }, options with { TreeReleaseBytes = 0 }, path);

        Assert.NotEmpty(whole.Diagnostics);
        Assert.Equal(Render(whole), Render(dropped));

        // The run did drop them: the objects of the files linted as written hold no tree after their rules ran. Files
        // kustomize builds read, and files with a kustomization or a syntax error, keep theirs, as in a small run.
        // A ConfigMap or Secret that an envFrom finding asks where a key is written is read again for it.
        var kept = new HashSet<string>(dropped.Set.Kustomizations.Select(k => k.File.Path).Concat(dropped.Builds.SelectMany(b => b.Files)), StringComparer.Ordinal);
        var asWritten = dropped.Set.Objects.Where(o => !kept.Contains(o.File.Path) && o.File.Problems.Count == 0).ToList();
        Assert.NotEmpty(asWritten);
        Assert.Empty(asWritten.Where(o => o.HasTree && o.Kind is not ("ConfigMap" or "Secret")).Select(o => o.File.DisplayPath + ": " + o.DisplayName));
        Assert.True(asWritten.Count(o => o.HasTree) * 10 <= asWritten.Count, $"{asWritten.Count(o => o.HasTree)} of {asWritten.Count} objects hold a tree");
        Assert.All(whole.Set.Objects, o => Assert.True(o.HasTree));

        // Files whose suppression comments were read after their rules ran are dropped again too.
        var commented = dropped.Files.Where(f => !kept.Contains(f.Path) && f.Problems.Count == 0 && !f.Skipped && f.Text.Contains("manifestlint-disable", StringComparison.Ordinal)).ToList();
        Assert.All(commented, f => Assert.True(f.IsReleased, f.DisplayPath));
    }

    [Fact]
    public void A_dropped_object_reads_the_same_nodes_again()
    {
        var result = TestLinter.LintPaths(new[] { RepositoryPaths.Examples }, LintOptions.Default with { TreeReleaseBytes = 0 }, RepositoryPaths.Examples);
        var obj = result.Set.Objects.First(o => !o.HasTree && o.PodSpecs.Count > 0);
        Assert.True(obj.HasTree);
        Assert.Equal(obj.Name, obj.Metadata!.GetString("name"));
        Assert.Same(obj.Root, obj.PodSpecs[0].Owner.Root);
    }

    [Fact]
    public void Suppressions_read_from_dropped_files_are_the_same_and_the_trees_are_dropped_again()
    {
        using var repo = new TempDirectory();
        repo.Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {ignore-check.manifestlint.io/ML0005: \"why\"}\nimmutable: \"yes\"\n");
        repo.Write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  name: c   # manifestlint-disable-line ML0002 -- intended\ndata:\n  text: |\n    # manifestlint-disable-line ML0005 (inside a block scalar: no comment)\nimmutable: \"yes\"\n");
        repo.Write("c.yaml", "# manifestlint-disable-next-line ML9999\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n");
        var whole = TestLinter.LintPaths(new[] { repo.Path }, LintOptions.Default, repo.Path);
        var dropped = TestLinter.LintPaths(new[] { repo.Path }, LintOptions.Default with { TreeReleaseBytes = 0 }, repo.Path);

        Assert.Equal(2, whole.Suppressed.Count);
        Assert.Contains(whole.ConfigurationMessages, m => m.Message.Contains("ML9999", StringComparison.Ordinal));
        Assert.Equal(Render(whole), Render(dropped));
        Assert.All(dropped.Files, f => Assert.True(f.IsReleased, f.DisplayPath));
        Assert.All(dropped.Set.Objects, o => Assert.False(o.HasTree, o.DisplayName));
    }

    /// <summary>Everything a reporter reads of a run, as text.</summary>
    private static string Render(LintResult result)
    {
        var text = new StringBuilder();
        void Add(string what, Diagnostic d)
        {
            text.Append(what).Append(' ').Append(d.Id).Append(' ').Append(d.Severity).Append(' ')
                .Append(d.Location.GetLineSpan()).Append(' ').Append(d.Location.SourceSpan).Append(' ')
                .Append(d.GetMessage(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var related in d.AdditionalLocations)
            {
                text.Append("  related ").Append(related.GetLineSpan()).Append(' ').Append(related.SourceSpan).Append('\n');
            }

            foreach (var property in d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append("  ").Append(property.Key).Append('=').Append(property.Value).Append('\n');
            }
        }

        foreach (var finding in result.Findings)
        {
            Add("finding", finding.Diagnostic);
            text.Append("  object ").Append(finding.Object?.DisplayName).Append(" built ").Append(finding.BuiltObjects.Count).Append('\n');
        }

        foreach (var suppressed in result.Suppressed)
        {
            Add("suppressed " + suppressed.Suppression, suppressed.Diagnostic);
        }

        foreach (var message in result.ConfigurationMessages)
        {
            text.Append("message ").Append(message).Append('\n');
        }

        text.Append("internal ").Append(string.Join("; ", result.InternalErrors)).Append('\n');
        text.Append("objects ").Append(result.Set.Objects.Count).Append(" files ").Append(result.Files.Count).Append('\n');
        return text.ToString();
    }
}
