using System.Reflection;
using System.Text.RegularExpressions;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using ManifestLint.Rules;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// Options are declared once (<see cref="OptionCatalog"/>, or the rule that reads one), and every reader takes them
/// from there.
/// </summary>
public sealed class OptionCatalogTests
{
    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');

    [Fact]
    public void Only_the_catalogue_writes_a_manifestlint_key_or_an_msbuild_key()
    {
        // "manifestlint.io/..." is the annotation prefix, not an option key.
        var key = new Regex("\"(manifestlint\\.(?!io/)|build_property\\.|build_metadata\\.)", RegexOptions.CultureInvariant);
        var naming = SourceFiles().Where(f => key.IsMatch(File.ReadAllText(f))).Select(Relative).ToArray();
        Assert.Equal(new[] { "src/ManifestLint/Configuration/OptionCatalog.cs" }, naming);
    }

    [Fact]
    public void A_rule_option_is_named_only_in_its_rule_file()
    {
        var rules = RuleCatalog.Default.Rules.Where(r => r.Options.Count > 0).ToArray();
        Assert.Contains(rules, r => r is VolumeHidesSystemDirectory);
        foreach (var rule in rules)
        {
            var id = rule.SupportedDiagnostics[0].Id;
            foreach (var option in rule.Options)
            {
                // Declared as a public static field of the rule class, so that the rule, tests and tools reach it by name.
                Assert.Contains(
                    rule.GetType().GetFields(BindingFlags.Public | BindingFlags.Static),
                    f => ReferenceEquals(f.GetValue(null), option));
                Assert.Contains(option, RuleCatalog.Default.Options.All);
                Assert.Same(option, RuleCatalog.Default.Options.ByKey[option.Key!]);

                var literal = "\"" + option.Name + "\"";
                var naming = SourceFiles().Where(f => File.ReadAllText(f).Contains(literal, StringComparison.Ordinal)).Select(Relative).ToArray();
                var only = Assert.Single(naming);
                Assert.StartsWith($"src/ManifestLint/Rules/{id}.", only, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_option_is_declared_completely_and_once()
    {
        Assert.Equal(RuleCatalog.Default.Options.All.Count, RuleCatalog.Default.Options.All.Distinct().Count());
        Assert.Equal(RuleCatalog.Default.Options.All.Count(o => o.Key is not null), RuleCatalog.Default.Options.ByKey.Count);
        foreach (var option in RuleCatalog.Default.Options.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Help), $"{option} has no help");
            Assert.True(option.Key is not null || option.Flag is not null || option.MSBuildKey is not null, $"{option} can be set nowhere");
        }

        // Only the limits may be set by a pull request's .editorconfig under --strict (they can only be lowered).
        Assert.Equal(
            OptionCatalog.Limits.Cast<LintOption>().ToArray(),
            RuleCatalog.Default.Options.All.Where(o => o.Strict == StrictPolicy.OnlyStricter).ToArray());
    }

    [Fact]
    public void Every_option_is_documented_the_engines_in_the_readme_a_rules_on_its_page()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        foreach (var rule in RuleCatalog.Default.Rules)
        {
            var page = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, rule.SupportedDiagnostics[0].Id + ".md"));
            foreach (var option in rule.Options)
            {
                Assert.True(page.Contains(option.Key!, StringComparison.Ordinal), $"rules/{rule.SupportedDiagnostics[0].Id}.md does not document {option}");
            }
        }

        // The MSBuild inputs of the analyzer (ProjectDir, the ManifestLint metadata) are documented with the analyzer.
        foreach (var option in RuleCatalog.Default.Options.All.Except(RuleCatalog.Default.Options.RuleOptions).Where(o => o.Key is not null || o.Flag is not null))
        {
            // A limit is documented by its name (--limit NAME=VALUE, manifestlint.NAME), the others by key or flag.
            var documented = OptionCatalog.Limits.Contains(option) || option == OptionCatalog.MaxTotalBytes
                ? readme.Contains(option.Name, StringComparison.Ordinal)
                : readme.Contains(option.Key ?? option.Flag!, StringComparison.Ordinal);
            Assert.True(documented, $"README.md does not mention {option}");
        }
    }

    [Fact]
    public void The_command_line_offers_every_declared_flag_with_its_help()
    {
        var help = CliRun.In(RepositoryPaths.Root, "--help").Out;
        foreach (var option in RuleCatalog.Default.Options.All.Where(o => o.Flag is not null))
        {
            Assert.Contains(option.Flag!, help, StringComparison.Ordinal);

            // The limits share one flag, --limit NAME=VALUE, whose help names them all.
            var documented = OptionCatalog.Limits.Contains(option) || option == OptionCatalog.MaxTotalBytes ? option.Name : option.Help;
            Assert.Contains(documented, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_analyzer_reads_the_options_that_apply_in_the_compiler_from_the_catalogue()
    {
        var set = new Dictionary<string, string>
        {
            ["manifestlint.system_directories"] = "/srv",
            ["manifestlint.kube_version"] = "1.30",
            ["manifestlint.max_depth"] = "10",
        };
        var values = OptionValues.Read(RuleCatalog.Default.Options, key => set.TryGetValue(key, out var value) ? value : null, o => o.InCompiler);
        var settings = new FileSettings(null, values, "test");
        Assert.Equal(new[] { "/srv" }, settings.Values.Get(VolumeHidesSystemDirectory.SystemDirectories));
        Assert.Equal(new KubernetesVersion(1, 30), settings.Values.Get(OptionCatalog.KubeVersion));
        Assert.True(settings.Limits.IsEmpty);

        var options = LintOptions.Default.With(VolumeHidesSystemDirectory.SystemDirectories, new[] { "/srv" });
        Assert.Equal(new[] { "/srv" }, options.Get(VolumeHidesSystemDirectory.SystemDirectories));
        Assert.Equal(VolumeHidesSystemDirectory.SystemDirectories.Default, LintOptions.Default.Get(VolumeHidesSystemDirectory.SystemDirectories));
    }
}
