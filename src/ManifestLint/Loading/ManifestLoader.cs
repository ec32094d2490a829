using ManifestLint.Yaml;

namespace ManifestLint.Loading;

/// <summary>Loads every input of a run: expands directories, reads and parses files in parallel, keeps order.</summary>
public static class ManifestLoader
{
    public static IReadOnlyList<SourceFile> Load(InputSet inputs, YamlLimits limits, int maxParallelism, List<InputError> errors)
    {
        var work = new List<(string Path, bool IsContext)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<SourceFile>();
        var standardInputDone = false;

        void AddPath(string path, bool isContext)
        {
            if (path == "-")
            {
                if (!isContext && !standardInputDone)
                {
                    standardInputDone = true;
                    files.Add(SourceFileReader.ReadText(inputs.StandardInputName, inputs.StandardInputName, inputs.StandardInput ?? string.Empty, limits));
                }

                return;
            }

            var full = Path.GetFullPath(Path.Combine(inputs.WorkingDirectory, path));
            if (Directory.Exists(full))
            {
                foreach (var file in ManifestFileFinder.FindFiles(full, errors))
                {
                    if (seen.Add(file))
                    {
                        work.Add((file, isContext));
                    }
                }
            }
            else if (File.Exists(full))
            {
                if (seen.Add(full))
                {
                    work.Add((full, isContext));
                }
            }
            else if (!isContext)
            {
                errors.Add(new InputError(path, "no such file or directory"));
            }
        }

        foreach (var path in inputs.Paths)
        {
            AddPath(path, isContext: false);
        }

        foreach (var path in inputs.ContextPaths)
        {
            AddPath(path, isContext: true);
        }

        var parsed = new SourceFile[work.Count];
        var parallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount;
        if (parallelism == 1 || work.Count < 4)
        {
            for (var i = 0; i < work.Count; i++)
            {
                parsed[i] = Read(work[i], inputs.WorkingDirectory, limits);
            }
        }
        else
        {
            Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
                parsed[i] = Read(work[i], inputs.WorkingDirectory, limits));
        }

        foreach (var file in parsed)
        {
            if (file.ReadError is not null && !file.IsContext)
            {
                errors.Add(new InputError(file.DisplayPath, "cannot read the file: " + file.ReadError));
            }
        }

        files.AddRange(parsed);
        return files;
    }

    private static SourceFile Read((string Path, bool IsContext) item, string workingDirectory, YamlLimits limits) =>
        SourceFileReader.ReadFile(item.Path, DisplayPathOf(item.Path, workingDirectory), item.IsContext, limits);

    /// <summary>Relative to the working directory when below it, with '/' separators; absolute otherwise.</summary>
    public static string DisplayPathOf(string fullPath, string workingDirectory)
    {
        var root = workingDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var display = fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length) : fullPath;
        return display.Replace(Path.DirectorySeparatorChar, '/');
    }
}
