using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// Builds the way CI machines are set up: these start real <c>dotnet build</c> processes, so they live in the slow
/// test project, apart from the fast inner loop.
/// </summary>
public sealed class PackagingBuildTests
{
    [Fact]
    public void The_SARIF_project_builds_when_NUGET_PACKAGES_has_no_trailing_slash()
    {
        // CI caches set NUGET_PACKAGES=/home/runner/.nuget/packages (no slash); MSBuild's NuGetPackageRoot then has none
        // either, and a HintPath written as $(NuGetPackageRoot)sarif.sdk/... points at ".../packagessarif.sdk".
        var cache = GlobalPackagesFolder().TrimEnd('/', '\\');
        using var temp = new TempDirectory();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            var source = Path.Combine(RepositoryPaths.Root, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(temp.Path, file));
            }
        }

        CopyTree(RepositoryPaths.Rules, Path.Combine(temp.Path, "rules"));
        CopyTree(Path.Combine(RepositoryPaths.Root, "src", "ManifestLint"), Path.Combine(temp.Path, "src", "ManifestLint"));
        CopyTree(Path.Combine(RepositoryPaths.Root, "src", "ManifestLint.Sarif"), Path.Combine(temp.Path, "src", "ManifestLint.Sarif"));

        var build = ProcessRunner.Run(
            "dotnet",
            new[] { "build", Path.Combine("src", "ManifestLint.Sarif", "ManifestLint.Sarif.csproj"), "-nologo", "-v:q" },
            temp.Path,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = cache },
            900);
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    private static string GlobalPackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
