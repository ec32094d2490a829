using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Model.Kustomize;
using ManifestLint.Tests.Support;
using ManifestLint.Yaml;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// The differential test of kustomize builds: every root of both corpora and of the kustomize fixtures is built by
/// ManifestLint and by the real kustomize (<c>kubectl kustomize</c>, v5.5 on the CI image), and the two are compared
/// on what the rules read: each object's kind, namespace and name; the keys of every ConfigMap and Secret; every
/// reference a pod spec or ServiceAccount makes to one, after name rewriting. Generated names are compared without
/// kustomize's content hash (ManifestLint names a generated object by its prefixed name; see the README's
/// "kustomize" section). Where the two differ on purpose, or kustomize refuses a root (files the corpus does not
/// hold), the difference is listed with its reason in oracle-differences.txt; any other difference fails.
/// </summary>
public sealed class KustomizeOracleTests
{
    private static readonly string DifferencesFile = Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Integration.Tests", "Kustomize", "oracle-differences.txt");

    // kustomize's hash alphabet (api/hasher: hex digits mapped to consonants and digits that spell no words).
    private static readonly Regex HashSuffix = new("-[bcdfghjklmnpqrstvwxz2456789]{10}$", RegexOptions.CultureInvariant);

    public static TheoryData<string> Trees => new() { "corpus", "corpus-2", "fixtures" };

    [Theory]
    [MemberData(nameof(Trees))]
    public void Builds_agree_with_kustomize(string tree)
    {
        var kubectl = ProcessRunner.Find("kubectl");
        Assert.True(kubectl is not null, "kubectl (with kustomize v5.5 built in) is required for the differential test; .ci/run checks it is installed");
        var root = tree switch
        {
            "corpus" => RepositoryPaths.Corpus,
            "corpus-2" => RepositoryPaths.Corpus2,
            _ => RepositoryPaths.Fixtures,
        };
        var result = TestLinter.LintPaths(new[] { root }, LintOptions.Default, root);
        Assert.NotEmpty(result.Builds);
        // kustomize runs for every root at once (a process each, waiting more than computing); the comparison is in
        // build order, so the differences come out the same every time.
        var outputs = new ProcessResult[result.Builds.Count];
        var summaries = new HashSet<string>?[result.Builds.Count];
        Parallel.For(0, result.Builds.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var directory = Path.GetDirectoryName(result.Builds[i].Root.File.Path)!;
            outputs[i] = ProcessRunner.Run(kubectl!, new[] { "kustomize", directory }, directory);
            summaries[i] = outputs[i].ExitCode == 0 ? Summarize(Parse(outputs[i].Out), hashed: true) : null;
        });

        var actual = new List<string>();
        for (var i = 0; i < result.Builds.Count; i++)
        {
            var build = result.Builds[i];
            var directory = Path.GetDirectoryName(build.Root.File.Path)!;
            var name = tree + "/" + Path.GetRelativePath(root, directory).Replace('\\', '/');
            var run = outputs[i];
            if (run.ExitCode != 0)
            {
                actual.Add($"{name} | kustomize refuses the build");
                continue;
            }

            var theirs = summaries[i]!;
            var ours = Summarize(LintedSet.FromBuild(build, Array.Empty<SourceFile>(), "default"), hashed: false);
            foreach (var line in theirs.Except(ours))
            {
                actual.Add($"{name} | only kustomize: {line}");
            }

            foreach (var line in ours.Except(theirs))
            {
                actual.Add($"{name} | only ManifestLint: {line}");
            }
        }

        var listed = File.ReadAllLines(DifferencesFile)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Where(l => l.StartsWith(tree + "/", StringComparison.Ordinal))
            .ToList();
        var unexpected = actual.Except(listed).ToList();
        var gone = listed.Except(actual).ToList();
        Assert.True(unexpected.Count == 0 && gone.Count == 0,
            $"ManifestLint's kustomize builds and kustomize's differ beyond {DifferencesFile}:\n"
            + string.Join("\n", unexpected.Select(l => "+ " + l)) + "\n" + string.Join("\n", gone.Select(l => "- " + l)));
    }

    private static LintedSet Parse(string yaml)
    {
        // CustomResourceDefinitions (megabytes of schema in some builds) hold nothing the comparison reads; they are
        // left out on both sides, so that the test stays in the fast suite.
        var documents = yaml.Split("\n---\n").Where(d => !Regex.IsMatch(d, "^kind: CustomResourceDefinition$", RegexOptions.Multiline));
        yaml = string.Join("\n---\n", documents);
        var file = SourceFileReader.ReadText("kustomize-output.yaml", "kustomize-output.yaml", yaml, YamlLimits.Default);
        return LintedSet.Build(new[] { file }, "default");
    }

    /// <summary>One line per fact the rules read.</summary>
    private static HashSet<string> Summarize(LintedSet set, bool hashed)
    {
        string Name(string name) => hashed ? HashSuffix.Replace(name, "-<hash>") : name;
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in set.Objects)
        {
            if (Kustomization.IsKustomizeKind(obj.Kind) || obj.IsKind("CustomResourceDefinition"))
            {
                // A flux Kustomization in a build's output is read back as a kustomization, not an object; CRDs are left out.
                continue;
            }

            lines.Add($"{obj.Kind} {obj.Namespace}/{Name(obj.Name ?? "?")}");
            if (obj.Kind is "ConfigMap" or "Secret")
            {
                var keys = new[] { "data", "binaryData", "stringData" }
                    .SelectMany(f => obj.Root.GetMapping(f)?.Entries.Select(e => e.Name) ?? Enumerable.Empty<string?>())
                    .OfType<string>().Distinct().OrderBy(k => k, StringComparer.Ordinal);
                lines.Add($"{obj.Kind} {obj.Namespace}/{Name(obj.Name ?? "?")} keys: {string.Join(",", keys)}");
            }
        }

        var hashedNames = new HashSet<(string, string, string)>(set.BuiltSources.Where(s => s.IsHashSuffixed).Select(s => (s.KindName, s.Namespace ?? "default", s.Name)));
        foreach (var made in set.BuiltSources)
        {
            var name = made.Name + (made.IsHashSuffixed ? "-<hash>" : string.Empty);
            lines.Add($"{made.KindName} {made.Namespace}/{name}");
            lines.Add($"{made.KindName} {made.Namespace}/{name} keys: {string.Join(",", made.EnvironmentKeys.Distinct().OrderBy(k => k, StringComparer.Ordinal))}");
        }

        foreach (var edge in set.Graph.Edges)
        {
            var target = edge.Target;
            var targetName = hashedNames.Contains((target.Kind, target.Namespace, target.Name)) ? target.Name + "-<hash>" : Name(target.Name);
            lines.Add($"{edge.OwnerIdentity.Kind} {edge.OwnerIdentity.Namespace}/{Name(edge.OwnerIdentity.Name)} -> {edge.Kind} {target.Kind} {target.Namespace}/{targetName}");
        }

        return lines;
    }
}
