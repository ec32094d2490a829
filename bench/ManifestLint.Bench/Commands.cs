using System.Globalization;

namespace ManifestLint.Bench;

internal static class Commands
{
    public static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              ManifestLint.Bench generate --documents N [--seed S] --out DIR
              ManifestLint.Bench trees --path DIR [--runs 3]
              ManifestLint.Bench run [--runs 5] [--seed 1] [--sizes 10000,100000] [--corpus ../shared/corpus]
                                     [--json FILE] [--work DIR] [--no-aot] [--no-publish TOOL]
            """);
        return 2;
    }

    public static int Generate(string[] args)
    {
        var options = Options.Parse(args);
        var documents = options.Int("--documents", 10_000);
        var seed = options.Int("--seed", 1);
        var output = options.String("--out", null) ?? throw new ArgumentException("--out DIR is required");
        var summary = CorpusGenerator.Generate(output, documents, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Documents} documents in {summary.Files} files, {summary.Bytes / 1e6:F1} MB, seed {seed}, defects: {string.Join(", ", summary.Defects.Select(d => d.Key + "=" + d.Value))}"));
        return 0;
    }

    /// <summary>Only the in-process phases over one directory: quick to repeat while optimising.</summary>
    public static int Phases(string[] args)
    {
        var options = Options.Parse(args);
        var path = Path.GetFullPath(options.String("--path", null) ?? ".");
        var runs = options.Int("--runs", 3);
        var files = InProcess.ListFiles(path);
        for (var i = 0; i <= runs; i++)
        {
            GC.Collect();
            var pause = GC.GetTotalPauseDuration();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var s = InProcess.Pipeline(path, files);
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            pause = GC.GetTotalPauseDuration() - pause;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "warm-up" : "run " + i)}: load {s.Parse:F0} model {s.Model:F0} rules {s.Rules:F0} finish {s.Finish:F0} report {s.Report:F0} total {s.Total:F0} ms (CPU {cpu.TotalMilliseconds:F0} ms, GC pauses {pause.TotalMilliseconds:F0} ms), {s.Findings} findings, GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare parse: 1 thread {InProcess.BareParse(files, false):F0} ms, {InProcess.BareParse(files, false):F0} ms; parallel {InProcess.BareParse(files, true):F0} ms, {InProcess.BareParse(files, true):F0} ms"));
        return 0;
    }

    /// <summary>
    /// Where parsing time goes, one thread, warm: a bare YamlDotNet parse; the node tree built and dropped at once; the
    /// node trees kept until every file is read (as a run keeps them for cross-file rules). GC pauses for each.
    /// </summary>
    public static int Trees(string[] args)
    {
        var options = Options.Parse(args);
        var files = InProcess.ListFiles(Path.GetFullPath(options.String("--path", null) ?? "."));
        var texts = files.Select(File.ReadAllText).ToArray();
        var runs = options.Int("--runs", 3);
        var kept = new List<ManifestLint.Yaml.YamlReadResult>(texts.Length);
        for (var i = 0; i <= runs; i++)
        {
            kept.Clear();
            var bare = Timed(() =>
            {
                foreach (var text in texts)
                {
                    InProcess.ParseEvents(text);
                }
            });
            var dropped = Timed(() =>
            {
                foreach (var text in texts)
                {
                    GC.KeepAlive(ManifestLint.Yaml.YamlStreamReader.Read(text));
                }
            });
            var keptTime = Timed(() =>
            {
                foreach (var text in texts)
                {
                    kept.Add(ManifestLint.Yaml.YamlStreamReader.Read(text));
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "warm-up" : "run " + i)}: bare parse {bare.Ms:F0} ms (GC {bare.Gc:F0}) | tree built and dropped {dropped.Ms:F0} ms (GC {dropped.Gc:F0}) | trees kept {keptTime.Ms:F0} ms (GC {keptTime.Gc:F0}), {keptTime.Ms / bare.Ms:F2}x bare"));
        }

        return 0;

        static (double Ms, double Gc) Timed(Action action)
        {
            GC.Collect();
            var pause = GC.GetTotalPauseDuration();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            action();
            return (stopwatch.Elapsed.TotalMilliseconds, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
        }
    }

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var settings = new RunSettings
        {
            Runs = options.Int("--runs", 5),
            Seed = options.Int("--seed", 1),
            Sizes = (options.String("--sizes", "10000,100000") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            Corpus = options.String("--corpus", null),
            JsonPath = options.String("--json", null),
            WorkDirectory = options.String("--work", null) ?? Path.Combine(Path.GetTempPath(), "manifestlint-bench"),
            Aot = !options.Flag("--no-aot"),
            PublishedTool = options.String("--no-publish", null),
        };
        return new Runner(settings).Run();
    }
}

internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException("unexpected argument " + args[i]);
            }

            var name = args[i];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            options._values[name] = value;
        }

        return options;
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? String(string name, string? fallback) => _values.TryGetValue(name, out var value) && value is not null ? value : fallback;

    public int Int(string name, int fallback) => String(name, null) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
