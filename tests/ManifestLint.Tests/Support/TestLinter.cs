using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Tests.Support;

/// <summary>Runs the real engine on text or paths, the way the CLI does.</summary>
internal static class TestLinter
{
    public static LintResult LintText(string yaml, LintOptions? options = null, string name = "test.yaml")
    {
        var file = SourceFileReader.ReadText(name, name, yaml, (options ?? LintOptions.Default).Limits);
        return new Linter(options).Analyze(new[] { file });
    }

    public static LintResult LintPaths(IEnumerable<string> paths, LintOptions? options = null, string? workingDirectory = null) =>
        new Linter(options).Lint(new InputSet
        {
            Paths = paths.ToArray(),
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        });

    /// <summary><c>ML0002@12:3</c> for each finding: rule and 1-based start position.</summary>
    public static IReadOnlyList<string> Brief(this LintResult result) => result.Diagnostics
        .Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{d.Id}@{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
        })
        .ToArray();

    public static IEnumerable<Diagnostic> OfRule(this LintResult result, string id) => result.Diagnostics.Where(d => d.Id == id);

    public static string Message(this Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
