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

    /// <summary>Replaces the text between two marker lines of a file.</summary>
    public static string ReplaceSection(string text, string startMarker, string endMarker, string content)
    {
        var start = text.IndexOf(startMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"Markers {startMarker} and {endMarker} not found.");
        }

        return text.Substring(0, start + startMarker.Length) + "\n" + content + text.Substring(end);
    }
}
