using System.Globalization;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using ManifestLint.Sarif;
using ManifestLint.Yaml;
using ManifestLint.Engine;

namespace ManifestLint.Fuzz;

/// <summary>One input of the fuzzer: a linted set of one to three files.</summary>
/// <param name="TreeSeed">Set: the files go through <see cref="TreeTarget"/> (the CLI over a hostile folder) with this seed.</param>
public sealed record FuzzInput(IReadOnlyList<byte[]> Files, LintOptions Options, bool WithSarif, int? TreeSeed = null);

/// <summary>
/// Runs the engine on one input the way the command line does (bytes → loader → linter → SARIF) and says what
/// went wrong: an exception escaping the engine, an internal error (a rule that threw), or a finding whose
/// location lies outside its file.
/// </summary>
public static class FuzzTarget
{
    public static string FileName(int index) => $"/fuzz/input{index}.yaml";

    /// <summary>Null when the run was clean; otherwise a one-line description whose first part names the bug.</summary>
    public static string? Run(FuzzInput input, out IReadOnlyList<string> signature)
    {
        if (input.TreeSeed is { } treeSeed)
        {
            return TreeTarget.Run(input.Files, treeSeed, out signature);
        }

        signature = Array.Empty<string>();
        LintResult result;
        var files = new List<SourceFile>();
        try
        {
            for (var i = 0; i < input.Files.Count; i++)
            {
                var bytes = input.Files[i];
                files.Add(SourceFileReader.ReadBytes(FileName(i), FileName(i), bytes, input.Options.Limits));
            }

            result = new Linter(input.Options).Analyze(files);
        }
        catch (Exception e)
        {
            return "exception: " + Describe(e);
        }

        if (result.InternalErrors.Count > 0)
        {
            return "internal error: " + result.InternalErrors[0];
        }

        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in result.Diagnostics)
        {
            keys.Add(diagnostic.Id);
            if (LocationProblem(diagnostic, byPath) is { } problem)
            {
                return "bad location: " + problem;
            }
        }

        foreach (var file in files)
        {
            foreach (var problem in file.Problems)
            {
                keys.Add(file.Skipped ? "skipped:" + Shape(problem.Message) : "problem:" + Shape(problem.Message));
            }
        }

        if (input.WithSarif)
        {
            try
            {
                var sarif = SarifReport.Render(result, RuleCatalog.Default, new SarifReportOptions { WorkingDirectory = "/fuzz", ToolVersion = "0.0.0-fuzz" });
                if (sarif.Length == 0)
                {
                    return "sarif: empty";
                }
            }
            catch (Exception e)
            {
                return "sarif exception: " + Describe(e);
            }
        }

        signature = keys.ToArray();
        return null;
    }

    /// <summary>Null when the finding's span and line positions lie inside its file's text.</summary>
    public static string? LocationProblem(Microsoft.CodeAnalysis.Diagnostic diagnostic, IReadOnlyDictionary<string, SourceFile> files)
    {
        var location = diagnostic.Location;
        if (!location.IsInSource && location.Kind != Microsoft.CodeAnalysis.LocationKind.ExternalFile)
        {
            return null;
        }

        var span = location.GetLineSpan();
        if (!files.TryGetValue(span.Path, out var file))
        {
            return $"{diagnostic.Id} points into '{span.Path}', which is not a file of the run";
        }

        var text = file.Text;
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        var source = location.SourceSpan;
        if (source.Start < 0 || source.End > text.Length || source.Start > source.End)
        {
            return $"{diagnostic.Id} span {source} outside a text of {text.Length} characters";
        }

        if (span.StartLinePosition.Line >= lines || span.EndLinePosition.Line >= lines || span.StartLinePosition > span.EndLinePosition)
        {
            return $"{diagnostic.Id} lines {span.StartLinePosition}-{span.EndLinePosition} outside a text of {lines} lines";
        }

        return null;
    }

    private static string Describe(Exception e)
    {
        var frame = (e.StackTrace ?? string.Empty).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "?";
        return $"{e.GetType().Name}: {e.Message} | {frame}";
    }

    private static string Shape(string message)
    {
        // Messages with their numbers removed: "line 3" and "line 4" are the same behaviour.
        var chars = message.Where(c => !char.IsDigit(c)).Take(48).ToArray();
        return new string(chars);
    }

    public static string Format(LintOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"kube {options.Get(OptionCatalog.KubeVersion)}, namespace {options.Get(OptionCatalog.DefaultNamespace)}, limits depth {options.Limits.MaxDepth} nodes {options.Limits.MaxNodes} aliases {options.Limits.MaxAliasExpansion} bytes {options.Limits.MaxFileBytes} line {options.Limits.MaxLineLength}");
}
