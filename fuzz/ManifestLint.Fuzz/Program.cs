using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Fuzz;
using ManifestLint.Yaml;
using ManifestLint.Configuration;

// A mutational fuzzer with behavioural feedback: inputs are mutated from a seed corpus (the rule fixtures, the
// inputs of past failures and the example app), linted as sets of one to three files, and kept in the corpus when they make the engine
// report something it had not reported before (a new combination of rule IDs and load problems). Every
// failure (an exception escaping the engine, an internal error, a finding located outside its file, a run
// longer than the hang timeout) is written to the output folder with a replay command.
//
//   dotnet run -c Release --project fuzz/ManifestLint.Fuzz -- --minutes 30 [--seed N] [--out fuzz/out]
//        [--corpus DIR]... [--hang-seconds 10] [--replay DIR]
// As the CLI's Program.cs: Roslyn's .editorconfig glob regexes get a match timeout (the tree target runs the CLI).
AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));
var arguments = Arguments.Parse(args);
if (arguments.Replay is { } replay)
{
    return Replay(replay);
}

var root = FindRepositoryRoot();
var corpusDirectories = arguments.Corpus.Count > 0
    ? arguments.Corpus
    : new List<string>
    {
        Path.Combine(root, "tests", "ManifestLint.Tests", "Fixtures"),
        Path.Combine(root, "tests", "ManifestLint.Tests", "FuzzRegressions"),
        Path.Combine(root, "examples"),
    };
var corpus = LoadCorpus(corpusDirectories);
if (corpus.Count == 0)
{
    Console.Error.WriteLine("fuzz: no seed files found in " + string.Join(", ", corpusDirectories));
    return 2;
}

var output = Path.GetFullPath(arguments.Output ?? Path.Combine(root, "fuzz", "out"));
Directory.CreateDirectory(output);
var random = new Random(arguments.Seed);
var mutator = new Mutator(random, corpus);
var signatures = new HashSet<string>(StringComparer.Ordinal);
var failures = new Dictionary<string, int>(StringComparer.Ordinal);
var stopwatch = Stopwatch.StartNew();
var deadline = TimeSpan.FromMinutes(arguments.Minutes);
long executions = 0;
var lastReport = TimeSpan.Zero;
Console.WriteLine($"fuzz: {corpus.Count} seeds, seed {arguments.Seed}, {arguments.Minutes} min, output {output}");

while (stopwatch.Elapsed < deadline && (arguments.MaxExecutions == 0 || executions < arguments.MaxExecutions))
{
    var input = NextInput();
    executions++;
    string? failure = null;
    IReadOnlyList<string> signature = Array.Empty<string>();
    var runner = new Thread(() => failure = FuzzTarget.Run(input, out signature), 64 * 1024 * 1024) { IsBackground = true };
    var started = stopwatch.Elapsed;
    runner.Start();
    if (!runner.Join(TimeSpan.FromSeconds(arguments.HangSeconds)))
    {
        Save(input, $"hang: no result after {arguments.HangSeconds} s");
        Console.WriteLine($"fuzz: HANG after {executions:N0} executions; the input is saved; stopping (the stuck thread cannot be aborted)");
        WriteStats(stopped: "hang");
        return 1;
    }

    if (failure is not null)
    {
        Save(input, failure);
    }
    else if (signature.Count > 0 && signatures.Add(string.Join("|", signature)) && corpus.Count < 20_000)
    {
        foreach (var file in input.Files.Where(f => f.Length < 256 * 1024))
        {
            corpus.Add(file);
        }
    }

    if ((stopwatch.Elapsed - started).TotalSeconds > arguments.HangSeconds / 2.0)
    {
        Save(input, $"slow: {(stopwatch.Elapsed - started).TotalSeconds:F1} s");
    }

    if (stopwatch.Elapsed - lastReport > TimeSpan.FromSeconds(60))
    {
        lastReport = stopwatch.Elapsed;
        Console.WriteLine(Status());
        WriteStats(stopped: null);
    }
}

Console.WriteLine(Status());
WriteStats(stopped: "time");
return failures.Count == 0 ? 0 : 1;

FuzzInput NextInput()
{
    var count = random.Next(4) == 0 ? 2 + random.Next(2) : 1;
    var files = new List<byte[]>();
    for (var i = 0; i < count; i++)
    {
        files.Add(mutator.Mutate(corpus[random.Next(corpus.Count)]));
    }

    var options = LintOptions.Default
        .With(OptionCatalog.KubeVersion, random.Next(3) == 0 ? new KubernetesVersion(1, 25 + random.Next(10)) : KubernetesVersion.Newest)
        .With(OptionCatalog.DefaultNamespace, random.Next(8) == 0 ? "other" : "default") with
    {
        MaxParallelism = 1,
        Limits = random.Next(10) == 0
            ? new YamlLimits { MaxDepth = 1 + random.Next(12), MaxNodes = 1 + random.Next(400), MaxAliasExpansion = random.Next(200), MaxFileBytes = 16 + random.Next(8192), MaxLineLength = 1 + random.Next(200) }
            : YamlLimits.Default,
    };
    // One input in four runs the command line over a hostile folder (links, FIFOs, odd names, .editorconfig, formats).
    return new FuzzInput(files, options, WithSarif: random.Next(16) == 0, TreeSeed: random.Next(4) == 0 ? random.Next() : null);
}

void Save(FuzzInput input, string failure)
{
    var key = failure.Length > 160 ? failure.Substring(0, 160) : failure;
    failures.TryGetValue(key, out var seen);
    failures[key] = seen + 1;
    if (seen >= 3)
    {
        return;
    }

    var hash = Convert.ToHexString(SHA256.HashData(input.Files.SelectMany(f => f).ToArray())).Substring(0, 12).ToLowerInvariant();
    var folder = Path.Combine(output, "failures", hash);
    Directory.CreateDirectory(folder);
    for (var i = 0; i < input.Files.Count; i++)
    {
        File.WriteAllBytes(Path.Combine(folder, $"input{i}.yaml"), input.Files[i]);
    }

    File.WriteAllText(Path.Combine(folder, "failure.txt"), failure + "\n" + FuzzTarget.Format(input.Options) + "\n");
    if (input.TreeSeed is { } treeSeed)
    {
        File.WriteAllText(Path.Combine(folder, "tree-seed.txt"), treeSeed.ToString(CultureInfo.InvariantCulture));
    }
    Console.WriteLine($"fuzz: FAILURE {failure} -> {folder}");
}

string Status() => string.Create(CultureInfo.InvariantCulture,
    $"fuzz: {stopwatch.Elapsed:hh\\:mm\\:ss} {executions:N0} executions ({executions / Math.Max(1, stopwatch.Elapsed.TotalSeconds):F0}/s), corpus {corpus.Count}, behaviours {signatures.Count}, distinct failures {failures.Count}");

void WriteStats(string? stopped)
{
    var lines = new StringBuilder();
    lines.AppendLine(Status());
    lines.AppendLine("stopped: " + (stopped ?? "running"));
    foreach (var (failure, count) in failures.OrderBy(f => f.Key, StringComparer.Ordinal))
    {
        lines.AppendLine($"{count}x {failure}");
    }

    File.WriteAllText(Path.Combine(output, "stats.txt"), lines.ToString());
}

static int Replay(string folder)
{
    var files = Directory.GetFiles(folder, "input*.yaml").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
    if (File.Exists(Path.Combine(folder, "tree-seed.txt")))
    {
        var treeFailure = TreeTarget.Run(files, int.Parse(File.ReadAllText(Path.Combine(folder, "tree-seed.txt")).Trim(), CultureInfo.InvariantCulture), out _);
        Console.WriteLine(treeFailure ?? "clean");
        return treeFailure is null ? 0 : 1;
    }

    FuzzTarget.Run(new FuzzInput(files, LintOptions.Default with { MaxParallelism = 1 }, WithSarif: false), out _);
    var watch = Stopwatch.StartNew();
    FuzzTarget.Run(new FuzzInput(files, LintOptions.Default with { MaxParallelism = 1 }, WithSarif: false), out _);
    Console.WriteLine($"lint alone: {watch.Elapsed.TotalSeconds:F2} s");
    watch.Restart();
    var failure = FuzzTarget.Run(new FuzzInput(files, LintOptions.Default with { MaxParallelism = 1 }, WithSarif: true), out _);
    Console.WriteLine((failure ?? "clean (with default options; failure.txt names the options of the failing run)") + $" in {watch.Elapsed.TotalSeconds:F2} s");
    return failure is null ? 0 : 1;
}

static List<byte[]> LoadCorpus(IEnumerable<string> directories)
{
    var seeds = new List<byte[]>();
    foreach (var directory in directories.Where(Directory.Exists))
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            if (info.Length is > 0 and < 1024 * 1024)
            {
                seeds.Add(File.ReadAllBytes(file));
            }
        }
    }

    return seeds;
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "ManifestLint.sln")))
        {
            return directory.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

internal sealed class Arguments
{
    public double Minutes { get; private set; } = 1;

    public int Seed { get; private set; } = Environment.TickCount;

    public string? Output { get; private set; }

    public List<string> Corpus { get; } = new();

    public int HangSeconds { get; private set; } = 10;

    public long MaxExecutions { get; private set; }

    public string? Replay { get; private set; }

    public static Arguments Parse(string[] args)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--minutes": result.Minutes = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": result.Seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": result.Output = value; break;
                case "--corpus": result.Corpus.Add(value); break;
                case "--hang-seconds": result.HangSeconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--executions": result.MaxExecutions = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--replay": result.Replay = value; break;
                default: throw new ArgumentException("unknown option " + args[i]);
            }

            i++;
        }

        return result;
    }
}
