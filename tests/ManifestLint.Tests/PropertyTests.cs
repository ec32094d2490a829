using System.Globalization;
using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Fuzz;
using ManifestLint.Loading;
using ManifestLint.Sarif;
using ManifestLint.Tests.Support;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// Properties over generated manifest sets and their mutations (seeded, so a failure names a reproducible case):
/// the engine never throws nor fails inside a rule, every finding lies inside its file, the output does not depend
/// on file order or thread count, and SARIF always validates against the official schema.
/// </summary>
public sealed class PropertyTests
{
    private const int Seed = 20261126;

    [Fact]
    public void Random_manifests_and_their_mutations_never_throw_and_every_finding_lies_inside_its_file()
    {
        var seeds = RepositoryPaths.FixtureSeeds();
        var random = new Random(Seed);
        var mutator = new Mutator(random, seeds);
        for (var i = 0; i < 400; i++)
        {
            var generated = new ManifestGenerator(Seed + i).Set(maxFiles: 3, maxObjects: 4).Select(Encoding.UTF8.GetBytes).ToList();
            var files = i % 2 == 0 ? generated : generated.Select(mutator.Mutate).ToList();
            var failure = FuzzTarget.Run(new FuzzInput(files, LintOptions.Default with { MaxParallelism = 1 }, WithSarif: i % 20 == 0), out _);
            Assert.True(failure is null, $"case {i} (seed {Seed + i}, {(i % 2 == 0 ? "generated" : "mutated")}): {failure}");
        }
    }

    [Fact]
    public void Output_is_byte_identical_for_any_file_order_and_thread_count()
    {
        // 300 objects in 8 files: enough for the parallel paths of both the loader (4 files) and the rules (256 objects).
        using var temp = new TempDirectory();
        var generator = new ManifestGenerator(Seed + 1);
        var paths = new List<string>();
        for (var f = 0; f < 8; f++)
        {
            var documents = Enumerable.Range(0, 38).Select(_ => generator.Object());
            paths.Add(temp.Write($"dir{f % 3}/file{f}.yaml", string.Join("---\n", documents)));
        }

        string? expected = null;
        var random = new Random(Seed);
        foreach (var parallelism in new[] { 1, 2, 8, 1, 2, 8 })
        {
            var shuffled = paths.OrderBy(_ => random.Next()).ToArray();
            var result = TestLinter.LintPaths(shuffled, LintOptions.Default with { MaxParallelism = parallelism }, temp.Path);
            Assert.Empty(result.InternalErrors);
            Assert.True(result.Set.Objects.Count >= 256, "the set is too small to lint in parallel");
            var output = Canonical(result) + SarifReport.Render(result, RuleCatalog.Default, new SarifReportOptions { WorkingDirectory = temp.Path, ToolVersion = "0.0.0" });
            expected ??= output;
            Assert.True(expected == output, $"output differs with {parallelism} threads and files in the order {string.Join(", ", shuffled.Select(Path.GetFileName))}: {FirstDifference(expected, output)}");
        }
    }

    [Fact]
    public void Sarif_of_random_sets_always_validates_against_the_official_schema()
    {
        var random = new Random(Seed);
        var seeds = Directory.EnumerateFiles(RepositoryPaths.Fixtures, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var mutator = new Mutator(random, seeds);
        for (var i = 0; i < 24; i++)
        {
            var texts = new ManifestGenerator(Seed + 1000 + i).Set(maxFiles: 3, maxObjects: 3).Select(Encoding.UTF8.GetBytes).ToList();
            if (i % 3 == 2)
            {
                texts = texts.Select(mutator.Mutate).ToList();
            }

            var files = texts.Select((t, n) => SourceFileReader.ReadBytes($"/work/set/f{n}.yaml", $"f{n}.yaml", t, Yaml.YamlLimits.Default)).ToArray();
            var result = new Linter(LintOptions.Default with { MaxParallelism = 1 }).Analyze(files);
            SarifSchema.AssertValid(SarifReport.Render(result, RuleCatalog.Default, new SarifReportOptions { WorkingDirectory = "/work/set", ToolVersion = "0.0.0" }));
        }
    }

    [Theory]
    [MemberData(nameof(FuzzRegressions))]
    public void Inputs_the_fuzzer_once_failed_on_stay_fixed(string folder)
    {
        // Each folder holds the input files of one failure and failure.txt with what went wrong then.
        var files = Directory.GetFiles(folder, "input*.yaml").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var failure = FuzzTarget.Run(new FuzzInput(files, LintOptions.Default with { MaxParallelism = 1 }, WithSarif: true), out _);
        Assert.True(failure is null, $"{Path.GetFileName(folder)} ({File.ReadAllText(Path.Combine(folder, "failure.txt")).Trim()}): {failure}");
    }

    public static TheoryData<string> FuzzRegressions()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Tests", "FuzzRegressions")).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(folder);
        }

        return data;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return $"line {i + 1}:\n  expected {a[i]}\n  actual   {b[i]}";
            }
        }

        return $"{a.Length} lines expected, {b.Length} produced";
    }

    private static string Canonical(LintResult result)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            text.Append(CultureInfo.InvariantCulture, $"{span.Path}{span.Span} {diagnostic.Severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            foreach (var related in diagnostic.AdditionalLocations)
            {
                text.Append(" | ").Append(related.GetLineSpan().ToString());
            }

            foreach (var property in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(" | ").Append(property.Key).Append('=').Append(property.Value);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
