using System.Text.Json;
using System.Xml.Linq;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// Issue 18 items 9 and 7: <c>--format junit</c> and <c>--format gitlab</c> in the shapes their consumers document,
/// and several reports from one run.
/// </summary>
public sealed class ReportFormatTests
{
    // ML1003 (error) at 19:50 with its ConfigMap as related location, ML1002 (warning) at 22:33; clean.yaml has none.
    private const string App = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  a: \"1\"\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - name: B\n      valueFrom:\n        configMapKeyRef: {name: app-config, key: b}\n    - name: C\n      valueFrom:\n        configMapKeyRef: {name: other, key: c}\n";
    private const string Clean = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: clean\ndata:\n  a: \"1\"\n";

    private static TempDirectory Tree()
    {
        var temp = new TempDirectory();
        temp.Write("deploy/app.yaml", App);
        temp.Write("deploy/clean.yaml", Clean);
        return temp;
    }

    [Fact]
    public void Gitlab_code_quality_has_the_documented_fields_one_issue_per_finding()
    {
        using var temp = Tree();
        var run = CliRun.Invoke(temp.Path, null, false, new Dictionary<string, string> { ["CI_PROJECT_DIR"] = temp.Path }, "--format", "gitlab", "deploy");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);

        // GitLab: "a JSON array of objects" with description, check_name, fingerprint (unique), severity (info, minor,
        // major, critical, blocker), location.path (relative to the repository) and location.lines.begin.
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var issues = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, issues.Length);
        foreach (var issue in issues)
        {
            Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("description").GetString()));
            Assert.Matches("^ML[0-9]{4}$", issue.GetProperty("check_name").GetString());
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" });
            Assert.Equal("deploy/app.yaml", issue.GetProperty("location").GetProperty("path").GetString());
            Assert.True(issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        }

        Assert.Equal(issues.Length, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        var error = issues.Single(i => i.GetProperty("check_name").GetString() == "ML1003");
        Assert.Equal("critical", error.GetProperty("severity").GetString());
        Assert.Equal(19, error.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.EndsWith("(line 19, column 50)", error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("major", issues.Single(i => i.GetProperty("check_name").GetString() == "ML1002").GetProperty("severity").GetString());
    }

    [Fact]
    public void Gitlab_fingerprints_stay_unique_for_the_same_finding_twice()
    {
        using var temp = new TempDirectory();
        // Two identical documents: the same finding, with the same stable fingerprint, in two places.
        temp.Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {'bad key': v}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {'bad key': v}\n");
        var run = CliRun.In(temp.Path, "--format", "gitlab", "--fail-level", "none", "a.yaml");
        using var json = JsonDocument.Parse(run.Out);
        var fingerprints = json.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToArray();
        Assert.True(fingerprints.Length >= 2, run.Out);
        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
    }

    [Fact]
    public void Junit_has_one_case_per_clean_file_and_one_failing_case_per_finding_at_the_fail_level()
    {
        using var temp = Tree();
        var run = CliRun.In(temp.Path, "--format", "junit", "deploy");
        Assert.Equal(1, run.ExitCode);
        var xml = XDocument.Parse(run.Out);

        // The JUnit shape CI systems read: testsuites > testsuite > testcase (classname, name), failure (message, type).
        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        var cases = suite.Elements("testcase").ToArray();
        Assert.Equal(new[] { "deploy/app.yaml:19:50 ML1003", "deploy/app.yaml:22:33 ML1002", "deploy/clean.yaml" }, cases.Select(c => (string)c.Attribute("name")!));
        Assert.All(cases, c => Assert.False(string.IsNullOrEmpty((string?)c.Attribute("classname"))));
        Assert.Equal("3", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        Assert.Equal("1", (string?)suites.Attribute("failures"));

        var failure = Assert.Single(cases[0].Elements("failure"));
        Assert.Equal("ML1003", (string?)failure.Attribute("type"));
        Assert.StartsWith("ConfigMap default/app-config has no key 'b'", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Contains("deploy/app.yaml(4,9): ConfigMap default/app-config is defined here", failure.Value, StringComparison.Ordinal);

        // The warning is below --fail-level error: a passing case that says what it found, as the exit code does.
        Assert.Empty(cases[1].Elements("failure"));
        Assert.StartsWith("deploy/app.yaml(22,33): warning ML1002:", cases[1].Element("system-out")!.Value, StringComparison.Ordinal);
        Assert.Empty(cases[2].Elements());

        var strict = XDocument.Parse(CliRun.In(temp.Path, "--format", "junit", "--fail-level", "warning", "deploy").Out);
        Assert.Equal("2", (string?)strict.Root!.Element("testsuite")!.Attribute("failures"));
    }

    [Fact]
    public void Junit_survives_names_and_values_xml_cannot_hold()
    {
        using var temp = new TempDirectory();
        temp.Write("bad\u0001name.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {\"k\\u0002\\uD800\": v}\n");
        var run = CliRun.In(temp.Path, "--format", "junit", "--fail-level", "none", ".");
        Assert.Equal(0, run.ExitCode);
        var xml = XDocument.Parse(run.Out);
        Assert.Contains(xml.Descendants("testcase"), c => ((string)c.Attribute("name")!).StartsWith("bad\\u0001name.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void One_run_writes_several_reports()
    {
        using var temp = Tree();
        var run = CliRun.In(temp.Path, "--format", "sarif", "--output", "out.sarif", "--format", "github", "--format", "junit", "-o", "junit.xml", "deploy");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("::error file=deploy/app.yaml,line=19,col=50,", run.Out, StringComparison.Ordinal);
        SarifSchema.AssertValid(File.ReadAllText(Path.Combine(temp.Path, "out.sarif")));
        Assert.Equal("testsuites", XDocument.Load(Path.Combine(temp.Path, "junit.xml")).Root!.Name.LocalName);

        // An --output given before its --format belongs to the next one.
        run = CliRun.In(temp.Path, "-o", "first.json", "--format", "json", "--format", "gitlab", "deploy");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"findings\"", File.ReadAllText(Path.Combine(temp.Path, "first.json")), StringComparison.Ordinal);
        Assert.StartsWith("[", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("there is no --format for it", "--format", "json", "-o", "a.json", "-o", "b.json")]
    [InlineData("2 formats would go to standard output (json, text)", "--format", "json", "--format", "text")]
    [InlineData("--output same.json is given twice", "--format", "json", "-o", "same.json", "--format", "gitlab", "-o", "same.json")]
    public void Unpaired_reports_are_usage_errors_before_linting(string expected, params string[] args)
    {
        using var temp = Tree();
        var run = CliRun.In(temp.Path, args.Append("deploy").ToArray());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("objects", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}

/// <summary>Issue 18 item 2: <c>--only</c>, which the pre-commit references hook runs with.</summary>
public sealed class OnlyOptionTests
{
    [Fact]
    public void Only_the_named_rules_run_and_count()
    {
        using var temp = new TempDirectory();
        temp.Write("app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {a: \"1\"}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    envFrom:\n    - configMapRef: {name: gone}\n    env:\n    - {name: B, valueFrom: {configMapKeyRef: {name: app-config, key: b}}}\n");
        var all = CliRun.In(temp.Path, ".");
        Assert.Contains("error ML1003:", all.Out, StringComparison.Ordinal);
        Assert.Equal(1, all.ExitCode);

        var only = CliRun.In(temp.Path, "--only", "ml1001,ML1002", "--severity", "ML1002=error", ".");
        Assert.Equal(1, only.ExitCode);
        Assert.Equal(new[] { "app.yaml(14,28): error ML1002" }, only.OutLines.Select(l => l.Substring(0, l.IndexOf(": The", StringComparison.Ordinal))));

        var unknown = CliRun.In(temp.Path, "--only", "ML9999", ".");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--only: there is no rule ML9999", unknown.Error, StringComparison.Ordinal);
    }
}
