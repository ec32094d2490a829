namespace ManifestLint.Tests.Support;

/// <summary>
/// Generated files are checked, not silently rewritten: a test compares them with what the code generates and
/// fails with instructions. <c>UPDATE_GENERATED=1 dotnet test</c> rewrites them (only when they differ).
/// </summary>
internal static class GeneratedFile
{
    public static void Check(string path, string expected)
    {
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (actual == expected)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.Fail($"{Path.GetRelativePath(RepositoryPaths.Root, path)} is out of date with the code. Run `UPDATE_GENERATED=1 dotnet test` and commit the result.");
    }
}
