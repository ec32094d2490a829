using ManifestLint.Configuration;
using ManifestLint.Loading;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Engine;

/// <summary>The outcome of a run: what was read, what was found, what went wrong with the inputs.</summary>
public sealed class LintResult
{
    internal LintResult(
        LintedSet set,
        IReadOnlyList<LintFinding> findings,
        IReadOnlyList<InputError> inputErrors,
        IReadOnlyList<string> internalErrors,
        TimeSpan elapsed)
    {
        Set = set;
        Findings = findings;
        Diagnostics = findings.Select(f => f.Diagnostic).ToArray();
        InputErrors = inputErrors;
        InternalErrors = internalErrors;
        Elapsed = elapsed;
    }

    public LintedSet Set { get; }

    public IReadOnlyList<SourceFile> Files => Set.Files;

    /// <summary>The files by full path, as a finding's location names them.</summary>
    public IReadOnlyDictionary<string, SourceFile> FilesByPath => Set.FilesByPath;

    /// <summary>Findings with their effective severity, file and object, in a deterministic order (file, position, rule).</summary>
    public IReadOnlyList<LintFinding> Findings { get; }

    /// <summary>The diagnostics of <see cref="Findings"/>, in the same order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Findings silenced by an annotation or a comment, with the reason given; not counted.</summary>
    public IReadOnlyList<SuppressedDiagnostic> Suppressed { get; init; } = Array.Empty<SuppressedDiagnostic>();

    /// <summary>Mistakes in configuration files and suppression comments, with file and line.</summary>
    public IReadOnlyList<ConfigurationMessage> ConfigurationMessages { get; init; } = Array.Empty<ConfigurationMessage>();

    /// <summary>Paths the user named that could not be read (exit code 2).</summary>
    public IReadOnlyList<InputError> InputErrors { get; }

    /// <summary>Rules that failed on some input; the run went on without them.</summary>
    public IReadOnlyList<string> InternalErrors { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The kustomize builds the run linted (empty when there are none or builds are off).</summary>
    public IReadOnlyList<Model.Kustomize.KustomizeBuild> Builds { get; init; } = Array.Empty<Model.Kustomize.KustomizeBuild>();

    /// <summary>Where the time of the run went (the benchmark's phase table).</summary>
    public LintPhaseTimes Phases { get; init; } = LintPhaseTimes.None;

    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity);

    /// <summary>
    /// The same run with its in-source suppressions (comments, annotations) ignored: the findings they silenced are
    /// findings again, in the run's order, and count (<c>--strict</c>, for CI on pull requests that could add them).
    /// </summary>
    public LintResult CountingSuppressed()
    {
        if (Suppressed.Count == 0)
        {
            return this;
        }

        // Both lists are in the run's order (file, position, rule, message): merge them.
        var merged = new List<LintFinding>(Findings.Count + Suppressed.Count);
        int a = 0, b = 0;
        while (a < Findings.Count || b < Suppressed.Count)
        {
            if (b >= Suppressed.Count || (a < Findings.Count && Order(Diagnostics[a], Suppressed[b].Diagnostic) <= 0))
            {
                merged.Add(Findings[a++]);
            }
            else
            {
                merged.Add(Suppressed[b++].Finding);
            }
        }

        return new LintResult(Set, merged, InputErrors, InternalErrors, Elapsed)
        {
            ConfigurationMessages = ConfigurationMessages,
            Phases = Phases,
        };
    }

    private static int Order(Diagnostic x, Diagnostic y)
    {
        var order = string.CompareOrdinal(x.Location.GetLineSpan().Path, y.Location.GetLineSpan().Path);
        if (order == 0)
        {
            order = x.Location.SourceSpan.Start.CompareTo(y.Location.SourceSpan.Start);
        }

        if (order == 0)
        {
            order = x.Location.SourceSpan.End.CompareTo(y.Location.SourceSpan.End);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Id, y.Id);
        }

        return order != 0 ? order : string.CompareOrdinal(x.GetMessage(System.Globalization.CultureInfo.InvariantCulture), y.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Wall time of each phase of a run: reading and parsing the files (zero when the files were given already read),
/// building the linted set, running the rules, and suppressing and sorting the findings.
/// </summary>
public sealed record LintPhaseTimes(TimeSpan Load, TimeSpan Model, TimeSpan Rules, TimeSpan Finish)
{
    public static readonly LintPhaseTimes None = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
