using System.Globalization;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Cli.Output;

/// <summary>A finished run as the reporters see it: findings with display paths and 1-based positions.</summary>
internal sealed class ReportContext
{
    private readonly IReadOnlyDictionary<string, SourceFile> _files;

    public ReportContext(LintResult result, CliConsole console, bool useColor, bool showSuppressed = false)
    {
        Result = result;
        Console = console;
        UseColor = useColor;
        ShowSuppressed = showSuppressed;
        Shown = result.Diagnostics;

        // Related locations and configuration messages name other files than the findings' own: by path.
        _files = result.FilesByPath;
    }

    public LintResult Result { get; }

    /// <summary>
    /// The findings that the line-oriented reports (text, GitHub, JSON) show: all of them, or with <c>--baseline</c> only
    /// the new ones. A baselined finding does not count toward the exit code, so printing it at full severity (an
    /// error annotation on a green check) would contradict the run; SARIF keeps them all, marked unchanged.
    /// </summary>
    public IReadOnlyList<Diagnostic> Shown { get; private set; } = Array.Empty<Diagnostic>();

    /// <summary>Shows only the findings that are new since the baseline.</summary>
    public void ShowOnly(IReadOnlyList<Diagnostic> findings) => Shown = findings;

    public CliConsole Console { get; }

    public bool UseColor { get; }

    /// <summary><c>--show-suppressed</c>: list silenced findings too (text output).</summary>
    public bool ShowSuppressed { get; }

    /// <summary>A path as users see it: relative to the working directory when below it.</summary>
    public string DisplayPath(string path)
    {
        if (_files.TryGetValue(path, out var file))
        {
            return file.DisplayPath;
        }

        return Path.IsPathRooted(path) ? ManifestLint.Loading.ManifestLoader.DisplayPathOf(path, Console.WorkingDirectory) : path;
    }

    public string DisplayPath(Location location) => DisplayPath(location.GetLineSpan().Path);

    public static (int Line, int Column, int EndLine, int EndColumn) Region(Location location)
    {
        var span = location.GetLineSpan();
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    public static string? RelatedMessage(Diagnostic diagnostic, int index) =>
        diagnostic.Properties.TryGetValue(Finding.RelatedMessagePrefix + index.ToString(CultureInfo.InvariantCulture), out var message) ? message : null;
}
