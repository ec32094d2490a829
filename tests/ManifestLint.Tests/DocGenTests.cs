using ManifestLint.Analysis;
using ManifestLint.DocGen;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// The doc generator (tools/ManifestLint.DocGen): the repository passes its <c>--check</c>, which is how CI catches
/// documentation that no longer matches the descriptors; and the check and write modes do what they say.
/// </summary>
public sealed class DocGenTests
{
    [Fact]
    public void Generated_documentation_is_up_to_date_with_the_rule_descriptors()
    {
        // UPDATE_GENERATED=1 refreshes these as it refreshes every other generated file of the tests.
        if (Environment.GetEnvironmentVariable("UPDATE_GENERATED") == "1")
        {
            Assert.Equal(DocGenCommand.UpToDate, Run("--root", RepositoryPaths.Root).ExitCode);
        }

        var (exitCode, output, error) = Run("--check", "--root", RepositoryPaths.Root);
        Assert.True(exitCode == DocGenCommand.UpToDate, output + error);
        Assert.Contains("generated documents are up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_shows_a_stale_page_header_as_a_diff_and_writes_nothing()
    {
        using var repository = CopyOfRepository();
        var page = Path.Combine(repository.Path, "rules", "ML1003.md");
        var original = File.ReadAllText(page);
        var edited = original.Replace("# ML1003: Referenced key does not exist", "# ML1003: Referenced key is missing", StringComparison.Ordinal)
            .Replace("| References | error | yes | high |", "| References | warning | yes | high |", StringComparison.Ordinal)
            .Replace("**How to fix:** Fix the key,", "**How to fix:** Rename the key,", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        File.WriteAllText(page, edited);

        var (exitCode, output, _) = Run("--check", "--root", repository.Path);

        Assert.Equal(DocGenCommand.Stale, exitCode);
        Assert.Contains("rules/ML1003.md is out of date with the rule descriptors:", output, StringComparison.Ordinal);
        Assert.Contains("\n-# ML1003: Referenced key is missing\n", output, StringComparison.Ordinal);
        Assert.Contains("\n+# ML1003: Referenced key does not exist\n", output, StringComparison.Ordinal);
        Assert.Contains("\n-| References | warning | yes | high |\n", output, StringComparison.Ordinal);
        Assert.Contains("\n+| References | error | yes | high |\n", output, StringComparison.Ordinal);
        Assert.Contains("\n+**How to fix:** Fix the key,", output, StringComparison.Ordinal);
        Assert.Contains("1 generated document(s) are stale", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ML1004.md", output, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(page));
    }

    [Fact]
    public void The_rule_list_holds_every_rule_type_in_id_order()
    {
        var source = RuleList.Source(RuleCatalog.From(RuleList.Discover()));
        var listed = System.Text.RegularExpressions.Regex.Matches(source, @"// (ML\d{4})").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(RuleCatalog.Default.Descriptors.Select(d => d.Id), listed);
        Assert.Equal(RuleCatalog.Default.Rules.Select(r => r.GetType()), RuleList.Discover().Select(r => r.GetType()));
    }

    [Fact]
    public void Write_mode_restores_the_header_and_keeps_the_hand_written_body()
    {
        using var repository = CopyOfRepository();
        var page = Path.Combine(repository.Path, "rules", "ML3001.md");
        var original = File.ReadAllText(page);
        var body = RuleDocuments.Body(original);
        Assert.Contains("## Cause", body, StringComparison.Ordinal);
        File.WriteAllText(page, "# ML3001: An old title\n\n| Volumes | note | no |\n\n" + RuleDocuments.BodyMarker + "\n" + body + "A line written by hand.\n");

        var (exitCode, output, _) = Run("--root", repository.Path);

        Assert.Equal(DocGenCommand.UpToDate, exitCode);
        Assert.Contains("wrote rules/ML3001.md", output, StringComparison.Ordinal);
        Assert.Equal(original + "A line written by hand.\n", File.ReadAllText(page));
        Assert.Equal(DocGenCommand.UpToDate, Run("--check", "--root", repository.Path).ExitCode);
    }

    [Fact]
    public void A_page_from_before_the_generator_keeps_all_of_its_text()
    {
        var descriptor = RuleCatalog.Default.ById["ML2004"];
        var legacy = "# ML2004: Old title\n\n| Category | Default severity | On by default |\n|---|---|---|\n| Content | error | yes |\n\n**Fix:** none\n\n## Cause\n\nText.\n";
        Assert.Equal(RuleDocuments.Header(descriptor) + "**Fix:** none\n\n## Cause\n\nText.\n", RuleDocuments.Page(descriptor, legacy));

        // A page of another shape is kept whole below the header: the diff shows it, nothing is dropped.
        var odd = "Some notes first.\n\n## Cause\n\nText.\n";
        Assert.Equal(RuleDocuments.Header(descriptor) + odd, RuleDocuments.Page(descriptor, odd));
    }

    [Fact]
    public void A_rule_without_a_page_gets_a_skeleton_to_fill_in()
    {
        using var repository = CopyOfRepository();
        var page = Path.Combine(repository.Path, "rules", "ML4007.md");
        File.Delete(page);

        var check = Run("--check", "--root", repository.Path);
        Assert.Equal(DocGenCommand.Stale, check.ExitCode);
        Assert.Contains("rules/ML4007.md is missing.", check.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(page));

        Assert.Equal(DocGenCommand.UpToDate, Run("--root", repository.Path).ExitCode);
        var text = File.ReadAllText(page);
        Assert.StartsWith(RuleDocuments.Header(RuleCatalog.Default.ById["ML4007"]), text, StringComparison.Ordinal);
        Assert.All(RuleDocuments.PageHeadings, heading => Assert.Contains("\n" + heading + "\n", text, StringComparison.Ordinal));
        // CatalogTests refuses a page that still says TODO, so the skeleton cannot ship as the page.
        Assert.Contains("TODO", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_rule_table_and_index_follow_the_descriptors()
    {
        using var repository = CopyOfRepository();
        var readme = Path.Combine(repository.Path, "README.md");
        var text = File.ReadAllText(readme);
        var row = "| [ML2005](rules/ML2005.md) | Invalid base64 | Content | error | yes |  |\n";
        Assert.Contains(row, text, StringComparison.Ordinal);
        File.WriteAllText(readme, text.Replace(row, string.Empty, StringComparison.Ordinal));
        File.Delete(Path.Combine(repository.Path, "rules", "README.md"));

        var (exitCode, output, _) = Run("--check", "--root", repository.Path);
        Assert.Equal(DocGenCommand.Stale, exitCode);
        Assert.Contains("\n+" + row, output, StringComparison.Ordinal);
        Assert.Contains("rules/README.md is missing.", output, StringComparison.Ordinal);

        Assert.Equal(DocGenCommand.UpToDate, Run("--root", repository.Path).ExitCode);
        Assert.Equal(text, File.ReadAllText(readme));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "README.md")), File.ReadAllText(Path.Combine(repository.Path, "rules", "README.md")));
    }

    [Fact]
    public void A_readme_without_the_table_markers_is_refused()
    {
        using var repository = CopyOfRepository();
        var readme = Path.Combine(repository.Path, "README.md");
        File.WriteAllText(readme, File.ReadAllText(readme).Replace(RuleDocuments.ReadmeEndMarker, string.Empty, StringComparison.Ordinal));

        var (exitCode, _, error) = Run("--check", "--root", repository.Path);

        Assert.Equal(DocGenCommand.Failed, exitCode);
        Assert.Contains("<!-- rules:end -->", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_arguments_and_a_folder_without_the_solution_are_refused()
    {
        Assert.Equal(DocGenCommand.Failed, Run("--chek").ExitCode);
        using var empty = new TempDirectory();
        var (exitCode, _, error) = Run("--check", "--root", empty.Path);
        Assert.Equal(DocGenCommand.Failed, exitCode);
        Assert.Contains("ManifestLint.sln", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unshipped_release_lists_what_the_shipped_releases_do_not()
    {
        var shipped = ReleaseTracking.ParseShipped("""
            ; Shipped analyzer releases

            ## Release 0.1.0

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            ML1003 | References | Warning | ReferencedKeyDoesNotExist
            ML2005 | Content | Error | InvalidBase64
            ML9998 | Content | Error | RemovedLater
            ML9999 | Content | Info | GoneRule

            ## Release 0.2.0

            ### Removed Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            ML9998 | Content | Error | RemovedLater
            """);

        Assert.Equal(new[] { "ML1003", "ML2005", "ML9999" }, shipped.Keys.Order(StringComparer.Ordinal));
        var unshipped = ReleaseTracking.Unshipped(RuleCatalog.Default, shipped);

        Assert.Contains("\n### Changed Rules\n", unshipped, StringComparison.Ordinal);
        Assert.Contains("\nML1003 | References | Error | References | Warning | ReferencedKeyDoesNotExist\n", unshipped, StringComparison.Ordinal);
        Assert.Contains("\n### Removed Rules\n", unshipped, StringComparison.Ordinal);
        Assert.Contains("\nML9999 | Content | Info | GoneRule\n", unshipped, StringComparison.Ordinal);
        Assert.DoesNotContain("ML9998", unshipped, StringComparison.Ordinal);
        Assert.DoesNotContain("\nML2005 ", unshipped, StringComparison.Ordinal);
        Assert.Contains("\nML1005 | References | Disabled | OptionalReferenceTargetIsMissing\n", unshipped, StringComparison.Ordinal);
        Assert.Contains("\nML1010 | References | Info | VolumeIsNeverMounted\n", unshipped, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = DocGenCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The files the generator reads and writes, copied to a scratch folder.</summary>
    private static TempDirectory CopyOfRepository()
    {
        var copy = new TempDirectory();
        foreach (var relative in new[] { "ManifestLint.sln", "README.md", RuleDocuments.ShippedPath, RuleDocuments.UnshippedPath, RuleList.Path })
        {
            copy.Write(relative, File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative)));
        }

        foreach (var page in Directory.GetFiles(RepositoryPaths.Rules, "*.md"))
        {
            copy.Write(Path.Combine("rules", Path.GetFileName(page)), File.ReadAllText(page));
        }

        return copy;
    }
}
