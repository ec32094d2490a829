using ManifestLint.Analysis;
using ManifestLint.Loading;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// pre-commit lints the changed files with the whole repository as <c>--context</c>: findings in context files stay
/// hidden unless a linted file causes them (one of their related locations is in a linted file).
/// </summary>
public sealed class ContextFindingTests : IDisposable
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  mode: fast\n";

    private const string Pod =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n" +
        "    env:\n    - name: LEVEL\n      valueFrom:\n        configMapKeyRef:\n          name: app-config\n          key: level\n";

    // An unrelated object with its own finding (a duplicate key) that no other file causes.
    private const string Unrelated = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n  name: other2\n";

    private readonly TempDirectory _repo = new();

    public ContextFindingTests()
    {
        _repo.Write("config/configmap.yaml", ConfigMap);
        _repo.Write("apps/pod.yaml", Pod);
        _repo.Write("misc/other.yaml", Unrelated);
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_changed_configmap_reports_the_broken_pod_in_an_unchanged_file()
    {
        var result = Lint("config/configmap.yaml");
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal("ML1003", finding.Id);
        Assert.EndsWith("apps/pod.yaml", finding.Location.GetLineSpan().Path.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains(finding.AdditionalLocations, l => l.GetLineSpan().Path.Replace('\\', '/').EndsWith("config/configmap.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_pod_reports_its_own_finding()
    {
        var result = Lint("apps/pod.yaml");
        Assert.Equal(new[] { "ML1003@14:16" }, result.Brief());
    }

    [Fact]
    public void Findings_in_context_files_that_no_linted_file_causes_stay_hidden()
    {
        var result = Lint("misc/other.yaml");
        Assert.Equal(new[] { "ML0002@5:3" }, result.Brief());
        Assert.Empty(Lint("config/configmap.yaml").OfRule("ML0002"));
    }

    [Fact]
    public void Without_context_every_file_reports()
    {
        var result = TestLinter.LintPaths(new[] { "." }, workingDirectory: _repo.Path);
        Assert.Equal(new[] { "ML1003", "ML0002" }, result.Diagnostics.Select(d => d.Id).OrderByDescending(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_named_explicitly_and_inside_a_context_directory_is_linted_not_context()
    {
        // Explicit paths are added before the context directories, and each file is loaded once.
        var result = Lint("./apps/../apps/pod.yaml");
        var files = result.Files.Where(f => f.Path.Replace('\\', '/').EndsWith("apps/pod.yaml", StringComparison.Ordinal)).ToArray();
        var pod = Assert.Single(files);
        Assert.False(pod.IsContext);
        Assert.All(result.Files.Where(f => f != pod), f => Assert.True(f.IsContext));
        Assert.Equal(3, result.Files.Count);
    }

    private LintResult Lint(string changed) =>
        new Linter().Lint(new InputSet
        {
            Paths = new[] { changed },
            ContextPaths = new[] { "." },
            WorkingDirectory = _repo.Path,
        });
}
