using System.CommandLine;
using System.Globalization;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Cli.Fixing;

/// <summary>What a fix pass did: how many files and findings it fixed, and whether it only printed a diff.</summary>
internal sealed record FixOutcome(int FilesChanged, int FixesApplied, bool DiffOnly, int ExitCode);

/// <summary>
/// <c>--fix</c>, <c>--fix-suggested</c> and <c>--diff</c>: the fixes of the findings of one run, applied file by file
/// (<see cref="FixedFileWriter"/>) or printed as a unified diff. Fixes that overlap one taken earlier in the file are
/// left for the next run, which finds them again on the changed text.
/// </summary>
internal sealed class FixCommand
{
    private readonly Option<bool> _fix = new("--fix")
    {
        Description = "Apply safe fixes in place, then lint again and report what is left.",
    };

    private readonly Option<bool> _fixSuggested = new("--fix-suggested")
    {
        Description = "Apply suggested fixes too (renames, changed values); implies --fix.",
    };

    private readonly Option<bool> _diff = new("--diff")
    {
        Description = "With --fix or --fix-suggested: print the fixes as a unified diff and change nothing.",
    };

    public FixCommand(RootCommand root)
    {
        root.Options.Add(_fix);
        root.Options.Add(_fixSuggested);
        root.Options.Add(_diff);
    }

    public bool IsRequested(ParseResult parseResult) => parseResult.GetValue(_fix) || parseResult.GetValue(_fixSuggested);

    /// <summary>A usage mistake in the fix options, or null.</summary>
    public string? UsageError(ParseResult parseResult) =>
        parseResult.GetValue(_diff) && !IsRequested(parseResult) ? "--diff: it shows what --fix would change; add --fix or --fix-suggested" : null;

    public FixOutcome Run(LintResult result, InputSet inputs, ParseResult parseResult, CliConsole console, string failLevel)
    {
        var safety = parseResult.GetValue(_fixSuggested) ? FixSafety.Suggested : FixSafety.Safe;
        var diffOnly = parseResult.GetValue(_diff);
        var roots = inputs.Paths
            .Where(p => p != "-")
            .Select(p => SafeRealPath(Path.GetFullPath(Path.Combine(inputs.WorkingDirectory, p))))
            .OfType<string>()
            .ToArray();
        var byFile = result.Diagnostics.GroupBy(d => d.Location.GetLineSpan().Path).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var fixedDiagnostics = new HashSet<Diagnostic>();
        var files = 0;
        var deferred = 0;
        foreach (var file in result.Files)
        {
            if (file.IsContext || file.Skipped || !byFile.TryGetValue(file.Path, out var diagnostics))
            {
                continue;
            }

            var fixes = FixCatalog.Default.GetFixes(diagnostics, file, safety);
            if (fixes.Count == 0)
            {
                continue;
            }

            var isStandardInput = inputs.StandardInput is not null && file.Path == inputs.StandardInputName;
            var outcome = FixApplier.Apply(file.Text, fixes);
            if (diffOnly)
            {
                var name = file.DisplayPath;
                console.Out.Write(UnifiedDiff.Create("a/" + name, "b/" + name, file.Text, outcome.Applied.SelectMany(f => f.Edits)));
            }
            else if (isStandardInput)
            {
                console.Error.WriteLine($"manifestlint: {file.DisplayPath}: standard input is not fixed in place; use --diff to see the fixes");
                continue;
            }
            else if (FixedFileWriter.Write(file, outcome.Text, roots) is { } reason)
            {
                console.Error.WriteLine($"manifestlint: {file.DisplayPath}: not fixed: {reason}");
                continue;
            }

            files++;
            deferred += outcome.Deferred.Count;
            fixedDiagnostics.UnionWith(outcome.Applied.Select(f => f.Diagnostic));
        }

        console.Out.Flush();
        var verb = diffOnly ? "would fix" : "fixed";
        var line = string.Create(CultureInfo.InvariantCulture, $"manifestlint: {verb} {Count(fixedDiagnostics.Count, "finding")} in {Count(files, "file")}");
        if (deferred > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"; {Count(deferred, "fix")} overlapping another left for the next run");
        }

        console.Error.WriteLine(line);

        // With --diff nothing changes: the exit code follows the findings the fixes would leave.
        var left = result.Diagnostics.Where(d => !fixedDiagnostics.Contains(d));
        var exitCode = result.InputErrors.Count > 0 ? ExitCodes.UsageError : FailLevel.Fails(failLevel, left) ? ExitCodes.Findings : ExitCodes.Clean;
        return new FixOutcome(files, fixedDiagnostics.Count, diffOnly, exitCode);
    }

    private static string? SafeRealPath(string path)
    {
        try
        {
            return FixedFileWriter.RealPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : noun.EndsWith("x", StringComparison.Ordinal) ? "es" : "s");
}
