namespace ManifestLint.Cli.Output;

/// <summary>Paths as CI systems want them in reports.</summary>
internal static class ReportPaths
{
    /// <summary>
    /// Relative to the repository's checkout (<c>GITHUB_WORKSPACE</c>, <c>CI_PROJECT_DIR</c>) with '/', whatever the
    /// working directory; the display path when there is none or the file is outside it.
    /// </summary>
    public static string Relative(ReportContext report, string path, string? workspace)
    {
        if (!string.IsNullOrEmpty(workspace) && Path.IsPathRooted(path))
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(workspace), path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative.Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        return report.DisplayPath(path);
    }
}
