namespace ManifestLint.Tests.Support;

/// <summary>Where the repository, its fixtures, rule pages and the shared corpus are, from the test binaries.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "ManifestLint.Tests", "Fixtures");

    public static string Rules => Path.Combine(Root, "rules");

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>The bytes of every fixture, in a fixed order: the seeds the mutator shakes.</summary>
    public static List<byte[]> FixtureSeeds() => Directory.EnumerateFiles(Fixtures, "*.yaml", SearchOption.AllDirectories)
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(File.ReadAllBytes)
        .ToList();

    /// <summary>The real-world corpus beside the repository (<c>../shared/corpus</c>), or MANIFESTLINT_CORPUS.</summary>
    public static string Corpus
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MANIFESTLINT_CORPUS");
            var path = string.IsNullOrEmpty(configured) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus")) : configured;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"The corpus is not at {path}: put ../shared/corpus beside the repository or set MANIFESTLINT_CORPUS.");
            }

            return path;
        }
    }

    /// <summary>
    /// The second corpus (<c>../shared/corpus-2</c>: kustomize trees and operator installs), or MANIFESTLINT_CORPUS_2.
    /// </summary>
    public static string Corpus2
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MANIFESTLINT_CORPUS_2");
            var path = string.IsNullOrEmpty(configured) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus-2")) : configured;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"The second corpus is not at {path}: put ../shared/corpus-2 beside the repository or set MANIFESTLINT_CORPUS_2.");
            }

            return path;
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ManifestLint.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ManifestLint.sln not found above " + AppContext.BaseDirectory);
    }
}
