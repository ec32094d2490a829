using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ManifestLint.Engine;

namespace ManifestLint.Bench;

internal sealed class RunSettings
{
    public int Runs { get; init; } = 5;
    public int Seed { get; init; } = 1;
    public int[] Sizes { get; init; } = { 10_000, 100_000 };
    public string? Corpus { get; init; }
    public string? JsonPath { get; init; }
    public string WorkDirectory { get; init; } = string.Empty;
    public bool Aot { get; init; } = true;
    public string? PublishedTool { get; init; }
}

internal sealed record Stat(double Median, double Min, double Max)
{
    public static Stat Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Stat(median, sorted[0], sorted[^1]);
    }

    public string Ms => string.Create(CultureInfo.InvariantCulture, $"{Median,7:F0} [{Min:F0}-{Max:F0}]");
}

internal sealed record ProcessFigures(string Build, Stat WallMs, Stat CpuMs, Stat PeakMiB, int ExitCode, double MegabytesPerSecond);

internal sealed record PhaseFigures(Stat Read, Stat Parse, Stat Model, Stat Rules, Stat Finish, Stat Report, Stat Total, int Findings);

internal sealed record ScenarioResult(
    string Name, string Path, int Files, int Documents, long Bytes,
    List<ProcessFigures> Process, PhaseFigures? Phases, Stat? BareParseSingleMs, Stat? BareParseParallelMs);

internal sealed record BenchReport(
    DateTime StartedUtc, string Machine, int ProcessorCount, string Runtime, int Runs, int Seed, string? Commit,
    string? AotStatus, List<ScenarioResult> Scenarios, List<TargetResult> Targets);

internal sealed record TargetResult(string Target, string Measured, bool Met);

/// <summary>
/// Publishes the tool like a user gets it, then times it as a whole process (median and spread of several runs
/// after one warm-up) and, in this process, phase by phase next to a bare YamlDotNet parse of the same files.
/// </summary>
internal sealed class Runner
{
    private readonly RunSettings _settings;
    private readonly string _root;

    public Runner(RunSettings settings)
    {
        _settings = settings;
        _root = FindRepositoryRoot();
    }

    public int Run()
    {
        var started = DateTime.UtcNow;
        Directory.CreateDirectory(_settings.WorkDirectory);
        var tool = _settings.PublishedTool ?? InstallTool();
        string? aotStatus = null;
        string? aot = null;
        if (_settings.Aot)
        {
            aot = PublishAot(out var status);
            aotStatus = status;
        }

        var scenarios = new List<ScenarioResult>();
        var small = Path.Combine(_settings.WorkDirectory, "small");
        WriteSmallFile(small);
        scenarios.Add(Measure("one small file", Path.Combine(small, "app.yaml"), 1, tool, aot, phases: false));

        var corpus = _settings.Corpus ?? Path.GetFullPath(Path.Combine(_root, "..", "shared", "corpus"));
        if (Directory.Exists(corpus))
        {
            scenarios.Add(Measure("shared corpus", corpus, null, tool, null, phases: true));
        }
        else
        {
            Console.Error.WriteLine($"bench: no corpus at {corpus}; pass --corpus DIR");
        }

        // Kustomize trees and operator installs beside it: reported, no target.
        var corpus2 = Path.Combine(Path.GetDirectoryName(corpus.TrimEnd(Path.DirectorySeparatorChar))!, "corpus-2");
        if (Directory.Exists(corpus2))
        {
            scenarios.Add(Measure("shared corpus-2", corpus2, null, tool, null, phases: true));
        }

        foreach (var size in _settings.Sizes)
        {
            var directory = Path.Combine(_settings.WorkDirectory, $"generated-{size}-{_settings.Seed}");
            Console.Error.WriteLine($"bench: generating {size:N0} documents (seed {_settings.Seed}) in {directory}");
            var summary = CorpusGenerator.Generate(directory, size, _settings.Seed);
            scenarios.Add(Measure($"generated {size / 1000}k", directory, summary.Documents, tool, null, phases: true));
            Directory.Delete(directory, recursive: true);
        }

        var report = new BenchReport(started, Environment.MachineName, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription,
            _settings.Runs, _settings.Seed, Git("rev-parse --short HEAD"), aotStatus, scenarios, Targets(scenarios));
        Print(report);
        var json = _settings.JsonPath ?? Path.Combine(_settings.WorkDirectory, "results.json");
        File.WriteAllText(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"JSON: {json}");
        return 0;
    }

    private ScenarioResult Measure(string name, string path, int? documents, string jit, string? aot, bool phases)
    {
        Console.Error.WriteLine($"bench: {name}");
        var files = File.Exists(path) ? new[] { path } : InProcess.ListFiles(path).ToArray();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var workingDirectory = File.Exists(path) ? Path.GetDirectoryName(path)! : path;
        var argument = File.Exists(path) ? Path.GetFileName(path) : ".";
        var process = new List<ProcessFigures> { RunProcess("dotnet tool", jit, workingDirectory, argument, bytes) };
        if (aot is not null)
        {
            process.Add(RunProcess("aot", aot, workingDirectory, argument, bytes));
        }

        PhaseFigures? phaseFigures = null;
        Stat? single = null, parallel = null;
        if (phases)
        {
            var samples = new List<PhaseSample>();
            for (var i = 0; i <= _settings.Runs; i++)
            {
                GC.Collect();
                var sample = InProcess.Pipeline(workingDirectory, files);
                if (i > 0)
                {
                    samples.Add(sample);
                }
            }

            phaseFigures = new PhaseFigures(
                Stat.Of(samples.Select(s => s.Read)), Stat.Of(samples.Select(s => s.Parse)), Stat.Of(samples.Select(s => s.Model)),
                Stat.Of(samples.Select(s => s.Rules)), Stat.Of(samples.Select(s => s.Finish)), Stat.Of(samples.Select(s => s.Report)),
                Stat.Of(samples.Select(s => s.Total)), samples[0].Findings);
            documents ??= CountObjects(workingDirectory, files);
            GC.Collect();
            single = Stat.Of(Repeat(() => InProcess.BareParse(files, parallel: false)));
            parallel = Stat.Of(Repeat(() => InProcess.BareParse(files, parallel: true)));
        }

        return new ScenarioResult(name, path, files.Length, documents ?? 0, bytes, process, phaseFigures, single, parallel);
    }

    private static int CountObjects(string workingDirectory, IReadOnlyList<string> files) =>
        new Engine.Linter().Lint(new Loading.InputSet { Paths = files.ToArray(), WorkingDirectory = workingDirectory }).Set.Objects.Count;

    private IEnumerable<double> Repeat(Func<double> measure)
    {
        measure();
        var values = new List<double>();
        for (var i = 0; i < _settings.Runs; i++)
        {
            values.Add(measure());
        }

        return values;
    }

    private ProcessFigures RunProcess(string build, string tool, string workingDirectory, string argument, long bytes)
    {
        var samples = new List<ProcessSample>();
        for (var i = 0; i <= _settings.Runs; i++)
        {
            var sample = ChildProcess.Measure(workingDirectory, tool, new[] { argument, "--format", "text" });
            if (i > 0)
            {
                samples.Add(sample);
            }
        }

        var wall = Stat.Of(samples.Select(s => s.WallMs));
        return new ProcessFigures(build, wall, Stat.Of(samples.Select(s => s.UserMs + s.SystemMs)), Stat.Of(samples.Select(s => s.PeakKiB / 1024.0)),
            samples[0].ExitCode, bytes / 1e6 / (wall.Median / 1000));
    }

    private static List<TargetResult> Targets(List<ScenarioResult> scenarios)
    {
        var targets = new List<TargetResult>();
        string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        if (scenarios.FirstOrDefault(s => s.Name == "shared corpus") is { } corpus)
        {
            var wall = corpus.Process[0].WallMs.Median;
            targets.Add(new("shared corpus, process wall <= 1000 ms", F(wall, "F0") + " ms (CPU " + F(corpus.Process[0].CpuMs.Median, "F0") + " ms)", wall <= 1000));
        }

        var big = scenarios.Where(s => s.Name.StartsWith("generated", StringComparison.Ordinal)).OrderBy(s => s.Documents).ToList();
        if (big.Count > 0)
        {
            var largest = big[^1];
            var mbs = largest.Process[0].MegabytesPerSecond;
            targets.Add(new($"{largest.Name}: >= 40 MB/s end to end", F(mbs, "F1") + " MB/s", mbs >= 40));
            var ratio = largest.Process[0].WallMs.Median / largest.BareParseParallelMs!.Median;
            targets.Add(new($"{largest.Name}: process wall <= 1.3x bare parallel parse", F(ratio, "F2") + "x (" + F(largest.Process[0].WallMs.Median, "F0") + " / " + F(largest.BareParseParallelMs.Median, "F0") + " ms)", ratio <= 1.3));
            foreach (var s in big)
            {
                var limit = 3 * s.Bytes / 1048576.0 + 100;
                var peak = s.Process[0].PeakMiB.Median;
                targets.Add(new($"{s.Name}: peak memory <= 3x input + 100 MiB ({F(limit, "F0")} MiB)", F(peak, "F0") + " MiB", peak <= limit));
            }

            if (big.Count > 1)
            {
                var perDocSmall = big[0].Process[0].WallMs.Median / big[0].Documents;
                var perDocLarge = largest.Process[0].WallMs.Median / largest.Documents;
                var growth = perDocLarge / perDocSmall;
                var inProcess = (largest.Phases!.Total.Median / largest.Documents) / (big[0].Phases!.Total.Median / big[0].Documents);
                targets.Add(new($"per-document cost {largest.Name} / {big[0].Name} <= 1.2", F(growth, "F2") + " (process), " + F(inProcess, "F2") + " (in-process pipeline)", growth <= 1.2));
            }
        }

        if (scenarios.FirstOrDefault(s => s.Name == "one small file") is { } small)
        {
            foreach (var p in small.Process)
            {
                targets.Add(new($"one small file ({p.Build}): process wall <= 80 ms", F(p.WallMs.Median, "F0") + " ms", p.WallMs.Median <= 80));
            }
        }

        return targets;
    }

    private static void Print(BenchReport report)
    {
        var o = new StringBuilder();
        o.AppendLine(CultureInfo.InvariantCulture, $"ManifestLint benchmark: {report.ProcessorCount} cores, {report.Runtime}, commit {report.Commit}, {report.Runs} runs after one warm-up, seed {report.Seed}");
        o.AppendLine();
        o.AppendLine("Whole process (the installed dotnet tool, and the Native AOT build where published; text output): median [min-max]");
        o.AppendLine("| scenario | build | files | documents | MB | wall ms | CPU ms | peak MiB | MB/s |");
        o.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            foreach (var p in s.Process)
            {
                o.AppendLine(CultureInfo.InvariantCulture,
                    $"| {s.Name} | {p.Build} | {s.Files:N0} | {s.Documents:N0} | {s.Bytes / 1e6:F1} | {p.WallMs.Ms} | {p.CpuMs.Ms} | {p.PeakMiB.Median:F0} | {p.MegabytesPerSecond:F1} |");
            }
        }

        o.AppendLine();
        o.AppendLine("In-process phases (ms, medians) and a bare YamlDotNet parse of the same files (read + decode + parser events)");
        o.AppendLine("| scenario | read | load (read, parse, facts) | model | rules | finish | report | total | bare parse 1 thread | bare parse parallel | total / bare parallel |");
        o.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios.Where(s => s.Phases is not null))
        {
            var p = s.Phases!;
            o.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {p.Read.Median:F0} | {p.Parse.Median:F0} | {p.Model.Median:F0} | {p.Rules.Median:F0} | {p.Finish.Median:F0} | {p.Report.Median:F0} | {p.Total.Median:F0} | {s.BareParseSingleMs!.Median:F0} | {s.BareParseParallelMs!.Median:F0} | {p.Total.Median / s.BareParseParallelMs.Median:F2}x |");
        }

        o.AppendLine();
        o.AppendLine("Targets");
        o.AppendLine("| target | measured (median) | met |");
        o.AppendLine("|---|---|---|");
        foreach (var t in report.Targets)
        {
            o.AppendLine(CultureInfo.InvariantCulture, $"| {t.Target} | {t.Measured} | {(t.Met ? "yes" : "NO")} |");
        }

        if (report.AotStatus is not null)
        {
            o.AppendLine();
            o.AppendLine("Native AOT: " + report.AotStatus);
        }

        Console.Write(o.ToString());
    }

    /// <summary>
    /// The tool as users get it: <c>dotnet pack</c> of the CLI (ReadyToRun code for this machine, as the package
    /// carries), then <c>dotnet tool install --tool-path</c> from that package alone. Returns the installed command.
    /// </summary>
    private string InstallTool()
    {
        var packages = Path.Combine(_settings.WorkDirectory, "packages");
        var toolPath = Path.Combine(_settings.WorkDirectory, "tool");
        foreach (var directory in new[] { packages, toolPath })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        RunDotnet("pack", Path.Combine("src", "ManifestLint.Cli", "ManifestLint.Cli.csproj"), "-c", "Release", "-o", packages, "--nologo");
        var package = Directory.GetFiles(packages, "ManifestLint.*.nupkg").Single();
        var version = Path.GetFileNameWithoutExtension(package).Substring("ManifestLint.".Length);
        var config = Path.Combine(_settings.WorkDirectory, "nuget-local-only.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
        RunDotnet("tool", "install", "--tool-path", toolPath, "--add-source", packages, "--configfile", config, "--version", version, "ManifestLint");
        var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "manifestlint.exe" : "manifestlint");
        return File.Exists(tool) ? tool : throw new InvalidOperationException("dotnet tool install made no " + tool);
    }

    private void RunDotnet(params string[] arguments)
    {
        var (exitCode, log) = Dotnet(arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments[0]} failed:\n{log}");
        }
    }

    /// <summary>Runs <c>dotnet</c> in the repository; returns its exit code and everything it wrote.</summary>
    private (int ExitCode, string Log) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Console.Error.WriteLine($"bench: dotnet {string.Join(' ', arguments)}");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, log + errors.Result);
    }

    /// <summary>The Native AOT build of the CLI; null (with the reason in <paramref name="status"/>) when it cannot be published.</summary>
    private string? PublishAot(out string status)
    {
        var output = Path.Combine(_settings.WorkDirectory, "publish-aot");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // The AOT build has no trim or AOT warnings; as errors, a new one fails its publish (reported, not timed).
        var (exitCode, log) = Dotnet("publish", Path.Combine("src", "ManifestLint.Cli", "ManifestLint.Cli.csproj"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "-o", output, "--nologo", "-p:ManifestLintAot=true");
        var tool = Path.Combine(output, OperatingSystem.IsWindows() ? "ManifestLint.Cli.exe" : "ManifestLint.Cli");
        if (exitCode != 0 || !File.Exists(tool))
        {
            var lines = log.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(5);
            status = "publish failed: " + string.Join(" | ", lines.Select(l => l.Trim()));
            Console.Error.WriteLine("bench: " + status);
            return null;
        }

        status = "published (" + (new FileInfo(tool).Length / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB executable)";
        return tool;
    }

    private void WriteSmallFile(string directory)
    {
        var generated = Path.Combine(directory, "generated");
        CorpusGenerator.Generate(generated, 4, _settings.Seed);
        var parts = Directory.GetFiles(generated, "*.y*ml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText);
        File.WriteAllText(Path.Combine(directory, "app.yaml"), string.Join("---\n", parts));
        Directory.Delete(generated, recursive: true);
    }

    private string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ManifestLint.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the ManifestLint repository");
    }
}
