using System.Diagnostics;
using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Cli;
using ManifestLint.Cli.Output;
using ManifestLint.Loading;
using ManifestLint.Yaml;
using YamlDotNet.Core;
using ManifestLint.Engine;

namespace ManifestLint.Bench;

/// <summary>Phase times of one in-process run over already-listed files (milliseconds).</summary>
internal sealed record PhaseSample(double Read, double Parse, double Model, double Rules, double Finish, double Report, int Findings)
{
    public double Total => Read + Parse + Model + Rules + Finish + Report;
}

/// <summary>
/// The tool's pipeline run phase by phase in this process (read bytes, parse into the node tree, build the
/// linted set, run the rules, suppress and sort, write the text report), and a bare YamlDotNet parse of the same
/// files: parser events only, no tree, the floor any YAML linter on YamlDotNet stands on.
/// </summary>
internal static class InProcess
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static IReadOnlyList<string> ListFiles(string directory)
    {
        var errors = new List<InputError>();
        return ManifestFileFinder.FindFiles(Path.GetFullPath(directory), errors);
    }

    /// <summary>
    /// The engine's own run (<see cref="Linter.Lint"/>) over the listed files, as the tool makes it: load (read and
    /// parse in parallel, and for a large run take each file's facts and drop its trees), model, rules, finish; then
    /// the text report. Reading is part of load: <see cref="PhaseSample.Read"/> is zero.
    /// </summary>
    public static PhaseSample Pipeline(string workingDirectory, IReadOnlyList<string> paths)
    {
        var result = new Linter(LintOptions.Default).Lint(new InputSet { Paths = paths.ToArray(), WorkingDirectory = workingDirectory });
        var stopwatch = Stopwatch.StartNew();
        var console = new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, false, _ => null, workingDirectory);
        var writer = new StringWriter();
        TextReporter.Write(new ReportContext(result, console, useColor: false), writer);
        var report = stopwatch.Elapsed.TotalMilliseconds;
        return new PhaseSample(0, result.Phases.Load.TotalMilliseconds, result.Phases.Model.TotalMilliseconds, result.Phases.Rules.TotalMilliseconds,
            result.Phases.Finish.TotalMilliseconds, report, result.Diagnostics.Count);
    }

    /// <summary>Read, decode and pull every parser event of every file; returns milliseconds.</summary>
    public static double BareParse(IReadOnlyList<string> paths, bool parallel)
    {
        var stopwatch = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.For(0, paths.Count, i => ParseOne(paths[i]));
        }
        else
        {
            foreach (var path in paths)
            {
                ParseOne(path);
            }
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static long ParseOne(string path) => ParseEvents(StrictUtf8.GetString(File.ReadAllBytes(path)));

    /// <summary>Pulls every parser event of <paramref name="text"/>; returns how many.</summary>
    public static long ParseEvents(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        long events = 0;
        try
        {
            while (parser.MoveNext())
            {
                events++;
            }
        }
        catch (YamlException)
        {
            // A broken file stops where the tool's reader stops too.
        }

        return events;
    }
}
