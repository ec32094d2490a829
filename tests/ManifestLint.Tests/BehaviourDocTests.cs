using System.Text.RegularExpressions;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// docs/kubernetes-behaviour.md is where the code's Kubernetes facts are stated, with their upstream sources: every
/// citation of it names an anchor the page has, and nothing cites the old "ground truth §N" sections, a document
/// outside the repository.
/// </summary>
public sealed partial class BehaviourDocTests
{
    private const string Page = "docs/kubernetes-behaviour.md";

    [Fact]
    public void Every_citation_names_an_anchor_of_the_page()
    {
        var anchors = Anchors();
        Assert.Contains("yaml-decoding", anchors);
        var citations = 0;
        foreach (var (path, text) in CitingFiles())
        {
            foreach (Match match in Citation().Matches(text))
            {
                citations++;
                Assert.True(anchors.Contains(match.Groups[1].Value), $"{path} cites {match.Value}, an anchor {Page} does not have");
            }
        }

        Assert.True(citations > 20, $"only {citations} citations found: is the search looking in the right places?");
    }

    [Fact]
    public void Nothing_cites_sections_of_a_document_outside_the_repository()
    {
        var stale = CitingFiles()
            .Where(f => OldSection().IsMatch(f.Text))
            .Select(f => f.Path)
            .ToArray();
        Assert.True(stale.Length == 0, $"cite {Page}#anchor instead of §N in: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Anchors_are_unique()
    {
        var ids = AnchorPattern().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, Page))).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private static HashSet<string> Anchors() =>
        AnchorPattern().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, Page)))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Source, tests, fixtures, rule pages and docs; not build output, and not the fuzzer's saved inputs (random bytes).</summary>
    private static IEnumerable<(string Path, string Text)> CitingFiles()
    {
        var root = RepositoryPaths.Root;
        foreach (var folder in new[] { "src", "tests", "tools", "rules", "docs" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                    || relative.Contains("/FuzzRegressions/", StringComparison.Ordinal)
                    || !(relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".md", StringComparison.Ordinal) || relative.EndsWith(".yaml", StringComparison.Ordinal)))
                {
                    continue;
                }

                yield return (relative, File.ReadAllText(file));
            }
        }

        yield return ("README.md", File.ReadAllText(Path.Combine(root, "README.md")));
    }

    [GeneratedRegex(@"kubernetes-behaviour\.md#([a-z0-9-]+)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"<a id=""([a-z0-9-]+)""></a>")]
    private static partial Regex AnchorPattern();

    [GeneratedRegex(@"§\d")]
    private static partial Regex OldSection();
}
