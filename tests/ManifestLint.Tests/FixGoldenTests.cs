using System.Text;
using ManifestLint.Fixes;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// Each fixable rule's fixtures with its fixes applied (safe and suggested, one run), compared with a reviewed golden
/// file under <c>Fixes/&lt;ID&gt;/</c>: the diff between the fixture and its golden is exactly what --fix changes.
/// Refresh with UPDATE_GENERATED=1 after reviewing the change.
/// </summary>
public sealed class FixGoldenTests
{
    private static string Goldens => Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Tests", "Fixes");

    public static TheoryData<string> FixableRules()
    {
        var data = new TheoryData<string>();
        foreach (var id in FixCatalog.Default.Providers.SelectMany(p => p.FixableDiagnosticIds).OrderBy(id => id, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixableRules))]
    public void Fixed_fixtures_match_their_golden_files(string id)
    {
        var changed = 0;
        foreach (var fixture in Fixture.All().Where(f => f.RuleId == id && !f.Name.EndsWith('/')))
        {
            var result = fixture.Lint();
            var file = result.Files.Single();
            var fixes = FixCatalog.Default.GetFixes(result.Diagnostics.Where(d => d.Id == id), file, FixSafety.Suggested);
            var golden = Path.Combine(Goldens, id, Path.GetFileName(fixture.Files[0]));
            if (fixes.Count == 0)
            {
                Assert.False(File.Exists(golden), $"{fixture.Name} has no fix any more: delete {golden}");
                continue;
            }

            var outcome = FixApplier.Apply(file.Text, fixes);
            var bytes = File.ReadAllBytes(fixture.Files[0]);
            var prefix = file.HasByteOrderMark ? "\uFEFF" : string.Empty;
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            CheckBytes(golden, prefix + outcome.Text);
            changed++;

            // The fixed findings are gone; the findings without a fix (or left for the next run) stay.
            var after = TestLinter.LintText(outcome.Text, fixture.Options(), fixture.Files[0]);
            Assert.Equal(result.OfRule(id).Count() - outcome.Applied.Count, after.OfRule(id).Count());
            Assert.True(bytes.Length > 0);
        }

        Assert.True(changed > 0, $"no fixture of {id} shows its fix: add one whose finding has a fix");
    }

    /// <summary>Like <see cref="GeneratedFile.Check"/>, but byte for byte: fixes must keep CRLF and BOMs.</summary>
    private static void CheckBytes(string path, string expected)
    {
        var actual = File.Exists(path) ? Encoding.UTF8.GetString(File.ReadAllBytes(path)) : null;
        if (actual == expected)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("UPDATE_GENERATED") == "1")
        {
            File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(expected));
            return;
        }

        Assert.Fail($"{Path.GetRelativePath(RepositoryPaths.Root, path)} is out of date with the code. Run `UPDATE_GENERATED=1 dotnet test` and commit the result.");
    }
}
