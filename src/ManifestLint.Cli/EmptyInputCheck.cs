using System.CommandLine;
using ManifestLint.Analysis;
using ManifestLint.Engine;

namespace ManifestLint.Cli;

/// <summary>
/// Nothing linted is not success: a folder the user named that holds no manifest (a typo in a folder name, a chart
/// folder with only templates, a glob that matched nothing the tool reads) would otherwise exit 0 and let CI pass a
/// check that checked nothing. <c>--allow-empty</c> keeps the old behaviour for generated trees that may be empty.
/// </summary>
internal sealed class EmptyInputCheck
{
    public Option<bool> AllowEmpty { get; } = new("--allow-empty")
    {
        Description = "Exit 0 even when a named path holds no manifest (by default that is a usage error, exit code 2).",
    };

    public void AddTo(RootCommand root) => root.Options.Add(AllowEmpty);

    /// <summary>The named folders under which no object, kustomization or broken file was found.</summary>
    public IReadOnlyList<string> EmptyPaths(ParseResult parseResult, IReadOnlyList<string> paths, LintResult result, string workingDirectory)
    {
        if (parseResult.GetValue(AllowEmpty))
        {
            return Array.Empty<string>();
        }

        var filled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in result.Set.Objects)
        {
            filled.Add(obj.File.Path);
        }

        foreach (var kustomization in result.Set.Kustomizations)
        {
            filled.Add(kustomization.File.Path);
        }

        foreach (var file in result.Files)
        {
            // A file that could not be parsed says so in the report; only template-only files count as empty.
            if (file.Problems.Count > 0 && file.SkipReason != "template syntax")
            {
                filled.Add(file.Path);
            }
        }

        var empty = new List<string>();
        foreach (var path in paths.Where(p => p != "-"))
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
            if (!Directory.Exists(full))
            {
                // A missing path is already an input error. A named file that is no manifest is left alone: pre-commit
                // passes every changed YAML and JSON file (workflows, values files), and those are not mistakes.
                continue;
            }

            var prefix = full.EndsWith(Path.DirectorySeparatorChar) ? full : full + Path.DirectorySeparatorChar;
            if (!result.Files.Any(f => !f.IsContext && filled.Contains(f.Path) && (f.Path == full || f.Path.StartsWith(prefix, StringComparison.Ordinal))))
            {
                empty.Add(path);
            }
        }

        return empty;
    }
}
