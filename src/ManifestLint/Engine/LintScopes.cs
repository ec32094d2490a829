using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Model.Kustomize;

namespace ManifestLint.Engine;

/// <summary>Splits a run into the sets the rules look at one by one.</summary>
internal static class LintScopes
{
    /// <summary>
    /// The sets whose objects the rules look at: each kustomize build's objects as the build makes them, and the
    /// objects of every file no build reads, as written. Without builds, that is the whole set. Each set also sees
    /// what the sets deployed beside it define: the files outside builds see every build, a build sees those files
    /// and the builds that share no file with it (a dev and a prod overlay of one base are alternatives, not both
    /// deployed).
    /// </summary>
    public static IReadOnlyList<LintedSet> Plan(LintedSet set, IReadOnlyList<KustomizeBuild> builds, Dictionary<SourceFile, string> namespaces, Model.Knowledge.KnowledgeTable? knowledge)
    {
        if (builds.Count == 0)
        {
            return new[] { set };
        }

        var built = new HashSet<string>(builds.SelectMany(b => b.Files), StringComparer.Ordinal);
        var flat = set.Without(built);
        var byPath = set.FilesByPath;
        var buildSets = new List<LintedSet>();
        foreach (var build in builds)
        {
            var buildFiles = build.Files.Where(byPath.ContainsKey).Select(p => byPath[p]).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
            buildSets.Add(LintedSet.FromBuild(build, buildFiles, namespaces[build.Root.File], knowledge));
        }

        flat.SeeAlso(buildSets);
        for (var i = 0; i < buildSets.Count; i++)
        {
            var mine = new HashSet<string>(builds[i].Files, StringComparer.Ordinal);
            var context = new List<LintedSet> { flat };
            for (var j = 0; j < buildSets.Count; j++)
            {
                if (j != i && !builds[j].Files.Any(mine.Contains))
                {
                    context.Add(buildSets[j]);
                }
            }

            buildSets[i].SeeAlso(context);
        }

        return buildSets.Prepend(flat).ToArray();
    }
}
