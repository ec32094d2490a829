using System.Text.RegularExpressions;

namespace ManifestLint.Tests.Support;

/// <summary>
/// A committed snapshot of this repository's working tree (tracked and untracked, not ignored files) in a temporary
/// git repository, with the tool packed from it once. pre-commit's try-repo and the action need a committed
/// repository; packing the snapshot keeps the tests' own build output out of reach.
/// </summary>
public sealed class PackagedRepository : IDisposable
{
    private readonly TempDirectory _temp = new();

    public PackagedRepository()
    {
        Snapshot = Path.Combine(_temp.Path, "manifestlint");
        Packages = Path.Combine(_temp.Path, "packages");
        NuGetConfig = _temp.Write("nuget-local-only.config",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
        CopyWorkingTree(RepositoryPaths.Root, Snapshot);
        Git(Snapshot, "init", "--quiet");
        Git(Snapshot, "add", "--all");
        Git(Snapshot, "commit", "--quiet", "--no-verify", "-m", "snapshot of the working tree");

        var pack = ProcessRunner.Run("dotnet", new[] { "pack", Path.Combine(Snapshot, "src", "ManifestLint.Cli"), "--configuration", "Release", "--output", Packages }, Snapshot);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }

        var packages = Directory.GetFiles(Packages, "*.nupkg");
        if (packages.Length != 1)
        {
            throw new InvalidOperationException($"dotnet pack of the tool made {packages.Length} packages, expected one: {string.Join(", ", packages)}");
        }

        Package = packages[0];
        var match = Regex.Match(Path.GetFileName(Package), @"^ManifestLint\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$");
        if (!match.Success)
        {
            throw new InvalidOperationException("unexpected package name " + Path.GetFileName(Package));
        }

        Version = match.Groups[1].Value;
    }

    /// <summary>The committed copy of the repository (the action's GITHUB_ACTION_PATH, pre-commit's repo).</summary>
    public string Snapshot { get; }

    /// <summary>The folder with the packed tool (a local NuGet feed).</summary>
    public string Packages { get; }

    public string Package { get; }

    public string Version { get; }

    /// <summary>A NuGet.config without sources, so that installs read only the local feed (no nuget.org look-ups).</summary>
    public string NuGetConfig { get; }

    /// <summary>A scratch folder inside this fixture's temporary directory.</summary>
    public string NewDirectory(string name)
    {
        var path = Path.Combine(_temp.Path, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(path);
        return path;
    }

    public static readonly IReadOnlyDictionary<string, string?> GitIdentity = new Dictionary<string, string?>
    {
        ["GIT_AUTHOR_NAME"] = "ManifestLint tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@manifestlint.invalid",
        ["GIT_COMMITTER_NAME"] = "ManifestLint tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@manifestlint.invalid",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    public static void Git(string directory, params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, directory, GitIdentity, 120);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {directory}: {result}");
        }
    }

    public void Dispose() => _temp.Dispose();

    private static void CopyWorkingTree(string root, string destination)
    {
        if (ProcessRunner.Find("git") is null)
        {
            throw new InvalidOperationException("git is not installed: the packaging tests copy the working tree with git ls-files.");
        }

        var list = ProcessRunner.Run("git", new[] { "ls-files", "-z", "--cached", "--others", "--exclude-standard" }, root, null, 120);
        if (list.ExitCode != 0)
        {
            throw new InvalidOperationException($"{root} is not a git working tree (the packaging tests copy it with git ls-files): {list}");
        }

        foreach (var relative in list.Out.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            var source = Path.Combine(root, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree but still in the index
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(source));
            }
        }
    }
}
