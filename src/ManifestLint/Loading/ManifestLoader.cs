using ManifestLint.Yaml;

namespace ManifestLint.Loading;

/// <summary>Loads every input of a run: expands directories, reads and parses files in parallel, keeps order.</summary>
public static class ManifestLoader
{
    public static IReadOnlyList<SourceFile> Load(InputSet inputs, YamlLimits limits, int maxParallelism, List<InputError> errors) =>
        Load(inputs, _ => limits, maxParallelism, errors);

    /// <summary>
    /// Loads the inputs with per-file limits. A path the user named that cannot be read is an <see cref="InputError"/>
    /// (exit code 2); a file or folder found inside a named folder that cannot be read (no permission, deleted since
    /// the folder was listed) is skipped with its reason in the summary.
    /// </summary>
    /// <param name="onRead">
    /// Told the paths to read and their total size before any is read; it may return an action that each worker runs
    /// on a file right after parsing it (a large run takes the facts it needs and drops the trees there).
    /// </param>
    public static IReadOnlyList<SourceFile> Load(InputSet inputs, Func<string, YamlLimits> limitsFor, int maxParallelism, List<InputError> errors, Func<IReadOnlyList<string>, long, Action<SourceFile>?>? onRead = null)
    {
        var work = new List<(string Path, bool IsContext, bool Named)>();
        var skippedFolders = new List<InputError>();
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
                    files.Add(SourceFileReader.ReadText(inputs.StandardInputName, inputs.StandardInputName, inputs.StandardInput ?? string.Empty, limitsFor(inputs.StandardInputName)));
                }

                return;
            }

            var full = Path.GetFullPath(Path.Combine(inputs.WorkingDirectory, path));
            if (Directory.Exists(full))
            {
                foreach (var file in ManifestFileFinder.FindFiles(full, isContext ? new List<InputError>() : errors, skippedFolders))
                {
                    if (!isContext && inputs.Exclusions.Excludes(file, inputs.WorkingDirectory))
                    {
                        continue;
                    }

                    if (seen.Add(file))
                    {
                        work.Add((file, isContext || ManifestFileFinder.IsContextOnlyFileName(Path.GetFileName(file)), false));
                    }
                }
            }
            else if (File.Exists(full))
            {
                if (!isContext && inputs.Exclusions.Excludes(full, inputs.WorkingDirectory))
                {
                    return;
                }

                if (seen.Add(full))
                {
                    work.Add((full, isContext, true));
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
        var overBudget = OverBudget(work, inputs, files.Sum(f => f.ByteLength), out var toRead);
        var digest = onRead?.Invoke(work.Where((_, i) => overBudget[i] is null).Select(w => w.Path).ToArray(), toRead);
        SourceFile ReadOne(int i)
        {
            if (overBudget[i] is { } skipped)
            {
                return skipped;
            }

            var file = Read(work[i], inputs.WorkingDirectory, limitsFor);
            digest?.Invoke(file);
            return file;
        }

        var parallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount;
        if (parallelism == 1 || work.Count < 4)
        {
            for (var i = 0; i < work.Count; i++)
            {
                parsed[i] = ReadOne(i);
            }
        }
        else
        {
            // Largest files first, one file at a time per thread: a 4 MB CRD bundle parsed last would otherwise keep
            // one core busy while the other has nothing left to do.
            var order = LargestFirst(work);
            var next = -1;
            Parallel.For(0, parallelism, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, _ =>
            {
                int k;
                while ((k = Interlocked.Increment(ref next)) < order.Length)
                {
                    var i = order[k];
                    parsed[i] = ReadOne(i);
                }
            });
        }

        for (var i = 0; i < parsed.Length; i++)
        {
            if (parsed[i].ReadError is not null && !parsed[i].IsContext && work[i].Named)
            {
                errors.Add(new InputError(parsed[i].DisplayPath, "cannot read the file: " + parsed[i].ReadError));
            }
        }

        files.AddRange(parsed);
        foreach (var folder in skippedFolders.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // Listed like a file that was skipped, so that the summary names the reason and the reporters list it.
            files.Add(new SourceFile(folder.Path, DisplayPathOf(folder.Path, inputs.WorkingDirectory), isContext: false)
            {
                Skipped = true,
                SkipReason = folder.Message,
            });
        }

        return files;
    }

    /// <summary>
    /// The files past the run's input budget, decided before anything is read and in path order (so the same files,
    /// whatever the thread count), each as a skipped file with its ML0007 problem; null for the files that are read.
    /// </summary>
    private static SourceFile?[] OverBudget(List<(string Path, bool IsContext, bool Named)> work, InputSet inputs, long alreadyRead, out long toRead)
    {
        toRead = 0;
        var skipped = new SourceFile?[work.Count];
        var total = alreadyRead;
        var order = Enumerable.Range(0, work.Count).OrderBy(i => work[i].Path, StringComparer.Ordinal);
        foreach (var i in order)
        {
            var size = SizeOf(work[i].Path);
            total += size;
            if (total <= inputs.MaxTotalBytes)
            {
                toRead += size;
                continue;
            }

            var file = new SourceFile(work[i].Path, DisplayPathOf(work[i].Path, inputs.WorkingDirectory), work[i].IsContext);
            SourceFileReader.SkipOverBudget(file, inputs.MaxTotalBytes);
            skipped[i] = file;
        }

        return skipped;
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(SourceFileReader.ReadTarget(path)).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            // The reader reports it; it reads nothing.
            return 0;
        }
    }

    private static int[] LargestFirst(List<(string Path, bool IsContext, bool Named)> work)
    {
        var sizes = new long[work.Count];
        var order = new int[work.Count];
        for (var i = 0; i < work.Count; i++)
        {
            order[i] = i;
            sizes[i] = SizeOf(work[i].Path);
        }

        Array.Sort(order, (a, b) => sizes[b] != sizes[a] ? sizes[b].CompareTo(sizes[a]) : a.CompareTo(b));
        return order;
    }

    private static SourceFile Read((string Path, bool IsContext, bool Named) item, string workingDirectory, Func<string, YamlLimits> limitsFor) =>
        SourceFileReader.ReadFile(item.Path, DisplayPathOf(item.Path, workingDirectory), item.IsContext, limitsFor(item.Path));

    /// <summary>Relative to the working directory when below it, with '/' separators; absolute otherwise.</summary>
    public static string DisplayPathOf(string fullPath, string workingDirectory)
    {
        var root = workingDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var display = fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length) : fullPath;
        return display.Replace(Path.DirectorySeparatorChar, '/');
    }
}
