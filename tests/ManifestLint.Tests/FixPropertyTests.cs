using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Fuzz;
using ManifestLint.Loading;
using ManifestLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace ManifestLint.Tests;

/// <summary>
/// The fix properties (see <see cref="FixVerifier"/>) over every rule fixture, both real-world corpora and generated
/// and mutated sets. The files are read once and fixed in memory: the corpora stay untouched.
/// </summary>
public sealed class FixPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20261126;

    /// <summary>ML3003 is off by default; its fix is checked wherever it would fire.</summary>
    private static LintOptions WithModeNotation(LintOptions options) => options with
    {
        SeverityOverrides = new Dictionary<string, ReportDiagnostic>(options.SeverityOverrides, StringComparer.Ordinal) { ["ML3003"] = ReportDiagnostic.Info },
    };

    [Fact]
    public void Safe_fixes_of_the_rule_fixtures_keep_the_properties()
    {
        var verifiers = new List<FixVerifier>();
        foreach (var fixture in Fixture.All())
        {
            var verifier = new FixVerifier(WithModeNotation(fixture.Options()));
            verifier.Verify(fixture.Name, fixture.Files.Select(f => (f, File.ReadAllBytes(f))).ToArray());
            verifiers.Add(verifier);
        }

        Report("fixtures", verifiers);
    }

    [Theory]
    [InlineData("corpus")]
    [InlineData("corpus-2")]
    public void Safe_fixes_of_a_real_world_corpus_keep_the_properties(string corpus)
    {
        var root = Path.GetFullPath(Path.Combine(RepositoryPaths.Corpus, "..", corpus));
        var files = ManifestFileFinder.FindFiles(root, new List<InputError>())
            .Select(f => (f, File.ReadAllBytes(f)))
            .ToArray();
        Assert.True(files.Length > 500, $"only {files.Length} files in {root}");
        var verifier = new FixVerifier(WithModeNotation(LintOptions.Default));
        verifier.Verify(corpus, files);
        Report(corpus, new[] { verifier });
    }

    [Fact]
    public void Safe_fixes_of_generated_and_mutated_sets_keep_the_properties()
    {
        var seeds = RepositoryPaths.FixtureSeeds();
        var random = new Random(Seed);
        var mutator = new Mutator(random, seeds);
        var verifier = new FixVerifier(WithModeNotation(LintOptions.Default));
        for (var i = 0; i < 300; i++)
        {
            var generated = new ManifestGenerator(Seed + i).Set(maxFiles: 3, maxObjects: 4).Select(Encoding.UTF8.GetBytes).ToList();
            var files = i % 2 == 0 ? generated : generated.Select(mutator.Mutate).ToList();
            verifier.Verify($"case {i} (seed {Seed + i}, {(i % 2 == 0 ? "generated" : "mutated")})", files.Select((b, n) => ($"/generated/file{n}.yaml", b)).ToArray());
        }

        // Mutations of the fixtures themselves: every fixable construct, shaken.
        for (var i = 0; i < 300; i++)
        {
            var seed = seeds[i % seeds.Count];
            var bytes = i < seeds.Count ? seed : mutator.Mutate(seed);
            verifier.Verify($"fixture mutation {i}", new[] { ("/mutated/input.yaml", bytes) });
        }

        Report("generated and mutated", new[] { verifier });
    }

    private void Report(string what, IReadOnlyList<FixVerifier> verifiers)
    {
        var byRule = verifiers.SelectMany(v => v.FixesByRule).GroupBy(p => p.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(p => p.Value)}");
        var failures = verifiers.SelectMany(v => v.Failures).ToArray();
        output.WriteLine($"{what}: {verifiers.Sum(v => v.Files)} files, {verifiers.Sum(v => v.FilesChanged)} changed, {verifiers.Sum(v => v.FixesApplied)} safe fixes applied ({string.Join(", ", byRule)}), {failures.Length} failures");
        Assert.True(failures.Length == 0, string.Join("\n\n", failures.Take(15)));
    }
}
