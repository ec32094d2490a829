using System.Globalization;
using ManifestLint.Analysis;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// The rule catalog, its pages and fixtures agree with the code. The generated parts of the documentation (page
/// headers, the rules index, the README table, the Unshipped release) are the doc generator's: DocGenTests runs its check.
/// </summary>
public sealed class CatalogTests
{
    private static readonly string[] PageHeadings = { "## Cause", "## Why it matters", "## How to fix", "## When to suppress", "## Examples" };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in RuleCatalog.Default.Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        var ids = RuleCatalog.Default.Descriptors.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Distinct().Count(), ids.Length);
        Assert.All(ids, id => Assert.Matches(@"^ML[0-4]\d{3}$", id));
        Assert.Contains("ML0001", ids);
    }

    [Fact]
    public void Rule_list_holds_every_rule_type_of_the_engine_once()
    {
        // The catalog lists its rules in code (a trimmed Native AOT build drops types found only by reflection), in a
        // file the doc generator writes; reflection here finds a rule added without running the generator.
        var discovered = typeof(ManifestRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ManifestRule).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
        var listed = RuleCatalog.Default.Rules.Select(r => r.GetType().FullName!).ToArray();

        Assert.Equal(listed.Length, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(discovered, listed.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_is_complete(string id)
    {
        var d = RuleCatalog.Default.ById[id];
        var title = d.Title.ToString(CultureInfo.InvariantCulture);
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.False(title.EndsWith('.'), $"{id}: a title is not a sentence");
        Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString(CultureInfo.InvariantCulture)));
        var description = d.Description.ToString(CultureInfo.InvariantCulture);
        Assert.True(description.Length > 20 && description.EndsWith('.'), $"{id}: the description should be one or two full sentences");
        Assert.Equal(RuleDescriptor.HelpUri(id), d.HelpLinkUri);
        var expectedCategory = id[2] switch
        {
            '0' => RuleCategory.Input,
            '1' => RuleCategory.References,
            '2' => RuleCategory.Content,
            '3' => RuleCategory.Volumes,
            _ => RuleCategory.Environment,
        };
        Assert.Equal(expectedCategory, d.Category);
        Assert.Contains(d.Category, d.CustomTags);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Message_format_is_more_than_one_placeholder(string id)
    {
        var format = RuleCatalog.Default.ById[id].MessageFormat.ToString(CultureInfo.InvariantCulture);
        Assert.True(format != "{0}", $"{id}: write the message as a format with placeholders for what varies, not as one \"{{0}}\"");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_states_its_precision(string id)
    {
        // Stated in the rule's own RuleDescriptor.Create call (a required parameter), carried as a custom tag.
        var d = RuleCatalog.Default.ById[id];
        Assert.Single(d.CustomTags, t => t.StartsWith(RuleDescriptor.PrecisionTagPrefix, StringComparison.Ordinal));
        Assert.Contains(RuleDescriptor.PrecisionOf(d), new[] { "very-high", "high", "medium", "low" });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_states_how_to_fix_in_one_sentence(string id)
    {
        var d = RuleCatalog.Default.ById[id];
        var remediation = RuleDescriptor.RemediationOf(d);
        Assert.True(remediation.Length is > 20 and <= 200, $"{id}: the remediation is one short sentence ({remediation.Length} characters)");
        Assert.True(char.IsUpper(remediation[0]) && remediation.EndsWith('.'), $"{id}: the remediation is a sentence, capitalised and ending with a period");
        Assert.DoesNotMatch(@"[.;:!?] [A-Z][a-z]|\n", remediation);
        Assert.NotEqual(d.Description.ToString(CultureInfo.InvariantCulture), remediation);
    }

    [Fact]
    public void A_descriptor_without_precision_or_remediation_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleDescriptor.Create(
            "ML9999", "Title", "Message {0}.", RuleCategory.Input, Microsoft.CodeAnalysis.DiagnosticSeverity.Error, true, "A description of the rule.", default, "Fix it like this."));
        Assert.Throws<ArgumentException>(() => RuleDescriptor.Create(
            "ML9999", "Title", "Message {0}.", RuleCategory.Input, Microsoft.CodeAnalysis.DiagnosticSeverity.Error, true, "A description of the rule.", RulePrecision.High, " "));
        var bare = new Microsoft.CodeAnalysis.DiagnosticDescriptor("ML9999", "Title", "Message {0}.", RuleCategory.Input, Microsoft.CodeAnalysis.DiagnosticSeverity.Error, true);
        Assert.Throws<InvalidOperationException>(() => RuleDescriptor.PrecisionOf(bare));
        Assert.Throws<InvalidOperationException>(() => RuleDescriptor.RemediationOf(bare));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_matches_the_descriptor(string id)
    {
        var d = RuleCatalog.Default.ById[id];
        var path = Path.Combine(RepositoryPaths.Rules, id + ".md");
        Assert.True(File.Exists(path), $"rules/{id}.md is missing");
        var lines = File.ReadAllLines(path);
        Assert.Equal($"# {id}: {d.Title}", lines[0]);
        var row = $"| {d.Category} | {Configuration.Severity.Name(d.DefaultSeverity)} | {(d.IsEnabledByDefault ? "yes" : "no")} | {RuleDescriptor.PrecisionOf(d)} |";
        Assert.True(lines.Contains(row), $"rules/{id}.md should have the metadata row {row}");
        foreach (var heading in PageHeadings)
        {
            Assert.True(lines.Contains(heading), $"rules/{id}.md lacks the heading '{heading}'");
        }

        Assert.Contains(lines, l => l.StartsWith("```yaml", StringComparison.Ordinal));
        // A page the doc generator started for a new rule says TODO until someone writes it.
        Assert.DoesNotContain(lines, l => l.Contains("TODO", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_says_whether_and_how_the_rule_fixes(string id)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Rules, id + ".md"));
        var fixLines = lines.Where(l => l.StartsWith("**Fix:**", StringComparison.Ordinal)).ToArray();
        var safety = ManifestLint.Analysis.RuleTable.FixText(id);
        if (safety.Length == 0)
        {
            Assert.True(fixLines.Length == 0, $"rules/{id}.md has a Fix line, but no fix provider fixes {id}");
            return;
        }

        Assert.True(fixLines.Length == 1, $"rules/{id}.md needs one line '**Fix:** {safety} — what the fix does'");
        Assert.StartsWith($"**Fix:** {safety} — ", fixLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_page_belongs_to_a_rule()
    {
        var pages = Directory.GetFiles(RepositoryPaths.Rules, "ML*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.True(RuleCatalog.Default.ById.ContainsKey(page!), $"rules/{page}.md has no rule"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_fixtures_that_find_and_fixtures_that_stay_silent(string id)
    {
        var fixtures = Fixture.All().Where(f => f.RuleId == id).ToArray();
        Assert.True(fixtures.Length > 0, $"Fixtures/{id}/ is missing");
        Assert.True(fixtures.Any(f => f.Markers().Any(m => m.RuleId == id)), $"no fixture of {id} expects a finding");
        Assert.True(fixtures.Any(f => f.Markers().All(m => m.RuleId != id)), $"no fixture of {id} shows what it must not report");
    }
}
