using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;
using ManifestLint.Configuration;

namespace ManifestLint.Tests.Support;

/// <summary>
/// A rule fixture: one YAML file (or a folder of files linted as one set) under <c>Fixtures/&lt;ID&gt;/</c>, whose
/// comments state the expected findings. A marker <c># ~ML1003</c> (optionally <c>@54</c>, the 1-based column the
/// finding starts at, and <c>: text the message contains</c>) expects one finding of that rule starting on that line. Findings of the folder's rule and of every rule a
/// marker names are compared as sets of (rule, line); a file without markers must produce none of them.
/// A line <c># fixture-options: --kube-version 1.31 --external secret/db-*</c> sets options for the run.
/// </summary>
internal sealed class Fixture
{
    private static readonly Regex MarkerPattern = new(@"~(ML\d{4})(?:@(\d+))?(?::\s*([^~#]*[^~#\s]))?", RegexOptions.CultureInvariant);
    private static readonly Regex OptionsPattern = new(@"#\s*fixture-options:\s*(.*)$", RegexOptions.CultureInvariant);

    private Fixture(string ruleId, string name, IReadOnlyList<string> files)
    {
        RuleId = ruleId;
        Name = name;
        Files = files;
    }

    public string RuleId { get; }

    /// <summary><c>ML1003/missing-key.yaml</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Files { get; }

    public static IEnumerable<Fixture> All()
    {
        foreach (var ruleDirectory in Directory.GetDirectories(RepositoryPaths.Fixtures).OrderBy(d => d, StringComparer.Ordinal))
        {
            var ruleId = Path.GetFileName(ruleDirectory);
            foreach (var file in Directory.GetFiles(ruleDirectory).Where(f => ManifestFileFinder.IsManifestFileName(Path.GetFileName(f))).OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return new Fixture(ruleId, $"{ruleId}/{Path.GetFileName(file)}", new[] { file });
            }

            foreach (var set in Directory.GetDirectories(ruleDirectory).OrderBy(d => d, StringComparer.Ordinal))
            {
                var files = ManifestFileFinder.FindFiles(set, new List<InputError>());
                yield return new Fixture(ruleId, $"{ruleId}/{Path.GetFileName(set)}/", files);
            }
        }
    }

    public static Fixture Named(string name) => All().Single(f => f.Name == name);

    public IReadOnlyList<Marker> Markers()
    {
        var markers = new List<Marker>();
        foreach (var file in Files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var hash = lines[i].IndexOf("# ~", StringComparison.Ordinal);
                if (hash < 0)
                {
                    continue;
                }

                foreach (Match match in MarkerPattern.Matches(lines[i].Substring(hash)))
                {
                    markers.Add(new Marker(
                        file,
                        i + 1,
                        match.Groups[1].Value,
                        match.Groups[3].Success ? match.Groups[3].Value.Trim() : null,
                        match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null));
                }
            }
        }

        return markers;
    }

    public LintOptions Options()
    {
        var args = new List<string>();
        foreach (var file in Files)
        {
            foreach (var line in File.ReadLines(file))
            {
                var match = OptionsPattern.Match(line);
                if (match.Success)
                {
                    args.AddRange(match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        // The folder's rule is on for its own fixtures even when it is off by default.
        var descriptor = RuleCatalog.Default.ById[RuleId];
        var severities = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal) { [RuleId] = ToReport(descriptor.DefaultSeverity) };
        var options = LintOptions.Default with { SeverityOverrides = severities };
        var externals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new InvalidOperationException($"{Name}: fixture option {args[i]} needs a value");
            switch (args[i])
            {
                case "--kube-version":
                    KubernetesVersion.TryParse(value, out var version, out var error);
                    options = options.With(OptionCatalog.KubeVersion, error is null ? version : throw new InvalidOperationException(error));
                    break;
                case "--namespace":
                    options = options.With(OptionCatalog.DefaultNamespace, value);
                    break;
                case "--external":
                    externals.Add(value);
                    break;
                case "--enable":
                    severities[value] = ToReport(RuleCatalog.Default.ById[value].DefaultSeverity);
                    break;
                default:
                    throw new InvalidOperationException($"{Name}: unknown fixture option {args[i]}");
            }

            i++;
        }

        return options.With(OptionCatalog.ExternalObjects, new ExternalObjects(externals));
    }

    public LintResult Lint() => TestLinter.LintPaths(Files, Options(), RepositoryPaths.Root);

    /// <summary>The fixture re-printed with the actual findings under the lines they start on.</summary>
    public string Annotate(IEnumerable<Diagnostic> actual)
    {
        var byLine = actual
            .GroupBy(d => (Path: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToDictionary(g => g.Key, g => g.ToList());
        var builder = new StringBuilder();
        foreach (var file in Files)
        {
            builder.Append("--- ").AppendLine(Path.GetRelativePath(RepositoryPaths.Root, file));
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                builder.Append((i + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').AppendLine(lines[i]);
                if (byLine.TryGetValue((file, i + 1), out var found))
                {
                    foreach (var d in found)
                    {
                        var column = d.Location.GetLineSpan().StartLinePosition.Character + 1;
                        builder.Append("    ^ actual ").Append(d.Id).Append(" at column ").Append(column).Append(": ").AppendLine(d.Message());
                    }
                }
            }
        }

        return builder.ToString();
    }

    public override string ToString() => Name;

    private static ReportDiagnostic ToReport(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ReportDiagnostic.Error,
        DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
        _ => ReportDiagnostic.Info,
    };
}

internal sealed record Marker(string File, int Line, string RuleId, string? MessageContains, int? Column = null);
