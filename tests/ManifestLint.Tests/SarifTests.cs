using System.Text.Json;
using ManifestLint.Analysis;
using ManifestLint.Sarif;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>SARIF for GitHub code scanning: schema-valid, exact regions, help, fingerprints, baselines.</summary>
public sealed class SarifTests
{
    private const string Deployment = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
        data:
          a: "1"
          a: "2"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: second
          name: again
        """;

    [Fact]
    public void Examples_report_validates_against_the_official_schema_and_follows_githubs_rules()
    {
        var run = CliRun.In(RepositoryPaths.Root, "examples", "--format", "sarif");
        Assert.Equal(1, run.ExitCode);
        SarifSchema.AssertValid(run.Out);
        AssertGitHubAcceptsIt(run.Out);
    }

    [Fact]
    public void Corpus_report_validates_against_the_official_schema()
    {
        var run = CliRun.In(RepositoryPaths.Corpus, ".", "--format", "sarif", "--fail-level", "none");
        Assert.Equal(0, run.ExitCode);
        SarifSchema.AssertValid(run.Out);
        AssertGitHubAcceptsIt(run.Out);
    }

    [Fact]
    public void A_clean_run_still_has_a_results_array()
    {
        using var temp = new TempDirectory();
        temp.Write("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");
        var run = CliRun.In(temp.Path, "--format", "sarif");
        Assert.Equal(0, run.ExitCode);
        SarifSchema.AssertValid(run.Out);
        using var json = JsonDocument.Parse(run.Out);
        var sarifRun = json.RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Array, sarifRun.GetProperty("results").ValueKind);
        Assert.Equal(0, sarifRun.GetProperty("results").GetArrayLength());
        Assert.False(sarifRun.TryGetProperty("automationDetails", out _));
    }

    [Fact]
    public void Every_rule_of_the_catalog_is_described_with_its_help_page()
    {
        var run = CliRun.In(RepositoryPaths.Root, "examples", "--format", "sarif");
        using var json = JsonDocument.Parse(run.Out);
        var driver = json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("ManifestLint", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("semanticVersion").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(RuleCatalog.Default.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.GetProperty("name").GetString());
            // The page as readers see it: without the marker line that ends its generated header, and with its links
            // to other pages absolute: GitHub shows help on the alert's page (issue 18 item 5).
            var page = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, id + ".md")).ReplaceLineEndings("\n");
            Assert.Contains(ManifestLint.DocGen.RuleDocuments.BodyMarker + "\n", page, StringComparison.Ordinal);
            page = page.Replace(ManifestLint.DocGen.RuleDocuments.BodyMarker + "\n", string.Empty, StringComparison.Ordinal);
            var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
            var absolute = System.Text.RegularExpressions.Regex.Replace(page, @"\]\((?![a-z]+:)(?!#)([^)\s]+)\)", m => "](" + new Uri(new Uri(RuleDescriptor.HelpBaseUri), m.Groups[1].Value).AbsoluteUri + ")");
            Assert.Equal(absolute, markdown);
            var text = rule.GetProperty("help").GetProperty("text").GetString()!;
            Assert.DoesNotContain("<!--", text, StringComparison.Ordinal);
            Assert.StartsWith(id + ": ", text, StringComparison.Ordinal);
            foreach (var help in new[] { markdown, text })
            {
                Assert.DoesNotMatch(@"\]\((?!https://)", help);
                Assert.DoesNotMatch(@"(?<!/manifestlint/blob/main/rules/)\bML\d{4}\.md", help);
            }

            Assert.Equal(RuleDescriptor.HelpBaseUri + id + ".md", rule.GetProperty("helpUri").GetString());
            Assert.True(Uri.TryCreate(rule.GetProperty("helpUri").GetString(), UriKind.Absolute, out _));
            var configuration = rule.GetProperty("defaultConfiguration");
            Assert.Contains(configuration.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.Equal(RuleCatalog.Default.ById[id].IsEnabledByDefault, configuration.GetProperty("enabled").GetBoolean());
            Assert.Equal(RuleCatalog.Default.ById[id].Category, rule.GetProperty("properties").GetProperty("tags")[0].GetString());
            // The precision is the one the rule declares; the remediation reaches code scanning through the help, which
            // GitHub shows next to each alert (it reads no remediation field of its own).
            Assert.Equal(RuleDescriptor.PrecisionOf(RuleCatalog.Default.ById[id]), rule.GetProperty("properties").GetProperty("precision").GetString());
            var remediation = RuleDescriptor.RemediationOf(RuleCatalog.Default.ById[id]);
            Assert.Contains("**How to fix:** " + remediation, markdown, StringComparison.Ordinal);
            Assert.Contains("How to fix: " + remediation.Replace("`", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Related_locations_are_linked_from_the_message_and_other_brackets_are_escaped()
    {
        Microsoft.CodeAnalysis.Sarif.Location Related(int id, string text) => new() { Id = id, Message = new Microsoft.CodeAnalysis.Sarif.Message { Text = text } };
        var result = new Microsoft.CodeAnalysis.Sarif.Result
        {
            Message = new Microsoft.CodeAnalysis.Sarif.Message { Text = "env [x] of ConfigMap default/a reads ConfigMap default/a." },
            RelatedLocations = new List<Microsoft.CodeAnalysis.Sarif.Location> { Related(1, "ConfigMap default/a is defined here"), Related(2, "ConfigMap a [generator] is generated here") },
        };
        SarifReportBuilder.LinkRelatedLocations(result);
        Assert.Equal(@"env \[x\] of [ConfigMap default/a](1) reads ConfigMap default/a. See [ConfigMap a \[generator\] is generated here](2).", result.Message.Text);
    }

    [Fact]
    public void Results_carry_exact_regions_objects_related_locations_and_fingerprints()
    {
        using var temp = new TempDirectory();
        temp.Write("deploy/app.yaml", Deployment);
        var run = CliRun.In(temp.Path, "--format", "sarif", "--sarif-category", "manifests");
        using var json = JsonDocument.Parse(run.Out);
        var sarifRun = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("manifests/", sarifRun.GetProperty("automationDetails").GetProperty("id").GetString());
        var result = sarifRun.GetProperty("results")[0];
        Assert.Equal("ML0002", result.GetProperty("ruleId").GetString());
        Assert.Equal(1, result.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0];
        var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("deploy/app.yaml", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((7, 3, 7, 4), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal("ConfigMap/default/first", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        var related = result.GetProperty("relatedLocations")[0];
        Assert.Equal(6, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.False(string.IsNullOrEmpty(related.GetProperty("message").GetProperty("text").GetString()));
        Assert.Matches("^[0-9a-f]+:1$", result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
        Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty(FindingIdentity.FingerprintName).GetString());
        Assert.Equal("utf16CodeUnits", sarifRun.GetProperty("columnKind").GetString());
        var invocation = sarifRun.GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(0, invocation.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Moving_an_object_keeps_its_stable_fingerprint_but_not_its_line()
    {
        using var temp = new TempDirectory();
        var documents = Deployment.Split("---\n");
        temp.Write("a.yaml", documents[0] + "---\n" + documents[1]);
        var before = Fingerprints(CliRun.In(temp.Path, "--format", "sarif").Out);
        temp.Write("a.yaml", "# a new comment\n" + documents[1] + "\n---\n" + documents[0]);
        var after = Fingerprints(CliRun.In(temp.Path, "--format", "sarif").Out);
        Assert.Equal(before.Select(f => f.Stable).Order(), after.Select(f => f.Stable).Order());
        Assert.NotEqual(before.Select(f => f.Line).Order(), after.Select(f => f.Line).Order());
    }

    [Fact]
    public void A_baseline_of_its_own_output_leaves_every_result_unchanged_and_exits_0()
    {
        var first = CliRun.In(RepositoryPaths.Root, "examples", "--format", "sarif");
        Assert.Equal(1, first.ExitCode);
        using var temp = new TempDirectory();
        var baseline = temp.Write("baseline.sarif", first.Out);
        var second = CliRun.In(RepositoryPaths.Root, "examples", "--format", "sarif", "--baseline", baseline);
        Assert.Equal(0, second.ExitCode);
        SarifSchema.AssertValid(second.Out);
        using var json = JsonDocument.Parse(second.Out);
        var states = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("baselineState").GetString()).ToArray();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal("unchanged", s));
    }

    [Fact]
    public void A_baseline_marks_new_and_absent_results_and_only_new_ones_fail()
    {
        using var temp = new TempDirectory();
        temp.Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nimmutable: \"yes\"\n");
        var baseline = temp.Write("old.sarif", CliRun.In(temp.Path, "a.yaml", "--format", "sarif").Out);
        temp.Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: []\n");
        var run = CliRun.In(temp.Path, "a.yaml", "--format", "sarif", "--baseline", baseline);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(1 new since the baseline)", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Out);
        var states = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("baselineState").GetString())).ToArray();
        Assert.Equal(2, states.Length);
        Assert.Contains(("ML0005", "new"), states);
        Assert.Contains(("ML0005", "absent"), states);
        SarifSchema.AssertValid(run.Out);
    }

    [Fact]
    public void An_unreadable_baseline_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        temp.Write("a.yaml", "{}\n");
        Assert.Equal(2, CliRun.In(temp.Path, "--baseline", "missing.sarif").ExitCode);
        temp.Write("bad.sarif", "not json");
        Assert.Equal(2, CliRun.In(temp.Path, "--baseline", "bad.sarif").ExitCode);
    }

    [Fact]
    public void Line_hash_ignores_spaces_and_line_endings_and_numbers_repeated_lines()
    {
        // A line's hash covers the first 100 non-blank characters from its start, so lines that begin the same
        // 100 characters get one hash and are told apart by their occurrence number.
        var lines = new HashSet<int> { 1, 2, 3 };
        var longLine = "data: " + new string('x', 120);
        var lf = LineHash.Compute($"{longLine}\n{longLine}\nother: x\n", lines);
        var crlf = LineHash.Compute($"{longLine.Replace(": ", ":\t", StringComparison.Ordinal)}\r\n  {longLine}\r\nother:   x\r\n", lines);
        Assert.Equal(lf, crlf);
        Assert.EndsWith(":1", lf[1], StringComparison.Ordinal);
        Assert.Equal(lf[1].Split(':')[0] + ":2", lf[2]);
        Assert.NotEqual(lf[1].Split(':')[0], lf[3].Split(':')[0]);
        Assert.NotEqual(LineHash.Compute("a\nb\n", new HashSet<int> { 1 })[1], LineHash.Compute("a\nc\n", new HashSet<int> { 1 })[1]);
    }

    [Fact]
    public void Sarif_output_file_is_written_atomically()
    {
        using var temp = new TempDirectory();
        temp.Write("a.yaml", Deployment);
        var run = CliRun.In(temp.Path, "--format", "sarif", "--output", "out/../report.sarif", "a.yaml");
        Assert.Equal(0, run.ExitCode);
        SarifSchema.AssertValid(File.ReadAllText(Path.Combine(temp.Path, "report.sarif")));
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    public static TheoryData<string> GoldenCases() => new() { "ML1003", "ML3001", "ML0002" };

    /// <summary>
    /// The whole SARIF for a fixture folder, compared with a reviewed golden file; the machine-specific root URI
    /// and the tool version are normalised. Refresh with UPDATE_GENERATED=1 after reviewing the change.
    /// </summary>
    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Sarif_for_a_fixture_folder_matches_its_golden_file(string ruleId)
    {
        var folder = Path.Combine(RepositoryPaths.Fixtures, ruleId);
        var run = CliRun.In(folder, "--format", "sarif", "--no-editorconfig", "--fail-level", "none");
        SarifSchema.AssertValid(run.Out);
        var root = new Uri(folder.EndsWith('/') ? folder : folder + "/").AbsoluteUri;
        var normalised = run.Out.Replace(root, "file:///fixtures/" + ruleId + "/", StringComparison.Ordinal)
            .Replace("\"" + ManifestLint.Cli.ToolVersion.Current + "\"", "\"0.0.0-test\"", StringComparison.Ordinal)
            .Replace("ManifestLint " + ManifestLint.Cli.ToolVersion.Current, "ManifestLint 0.0.0-test", StringComparison.Ordinal);
        // The rules with their help pages are checked by Every_rule_of_the_catalog_is_described_with_its_help_page;
        // the golden file keeps what is specific to these findings.
        var json = System.Text.Json.Nodes.JsonNode.Parse(normalised)!;
        var driver = json["runs"]![0]!["tool"]!["driver"]!;
        // (Not even their number: a new rule would otherwise change every golden file.)
        driver["rules"] = "left out of the golden file";
        var golden = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        GeneratedFile.Check(Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Tests", "Sarif", ruleId + ".sarif"), golden);
    }

    private static (string Stable, int Line)[] Fingerprints(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        return json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("partialFingerprints").GetProperty(FindingIdentity.FingerprintName).GetString()!,
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .ToArray();
    }

    /// <summary>What GitHub's SARIF ingestion requires (docs: "SARIF support for code scanning").</summary>
    private static void AssertGitHubAcceptsIt(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        var runs = json.RootElement.GetProperty("runs");
        Assert.Equal(1, runs.GetArrayLength());
        var run = runs[0];
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Array, run.GetProperty("results").ValueKind);
        foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            Assert.InRange(rule.GetProperty("shortDescription").GetProperty("text").GetString()!.Length, 1, 1024);
            Assert.InRange(rule.GetProperty("fullDescription").GetProperty("text").GetString()!.Length, 1, 1024);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
        }

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            if (result.TryGetProperty("relatedLocations", out var related))
            {
                // GitHub shows a related location only when the message links it: [text](id).
                var message = result.GetProperty("message").GetProperty("text").GetString()!;
                foreach (var location in related.EnumerateArray())
                {
                    Assert.Matches(@"(?<!\\)\[[^\]]+\]\(" + location.GetProperty("id").GetInt32() + @"\)", message);
                }
            }

            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            foreach (var location in result.GetProperty("locations").EnumerateArray())
            {
                var physical = location.GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                Assert.False(Uri.TryCreate(uri, UriKind.Absolute, out _) && uri.StartsWith("file:", StringComparison.Ordinal), $"{uri} should be relative");
                var region = physical.GetProperty("region");
                var startLine = region.GetProperty("startLine").GetInt32();
                var endLine = region.GetProperty("endLine").GetInt32();
                Assert.True(startLine >= 1 && endLine >= startLine);
                Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
                if (endLine == startLine)
                {
                    Assert.True(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
                }
            }
        }
    }
}
