namespace ManifestLint.Sarif;

/// <summary>What the SARIF report needs beyond the findings.</summary>
public sealed record SarifReportOptions
{
    /// <summary>Result URIs are relative to this directory (<c>%SRCROOT%</c>).</summary>
    public required string WorkingDirectory { get; init; }

    public required string ToolVersion { get; init; }

    /// <summary>The exit code the run ends with, recorded in the invocation.</summary>
    public int ExitCode { get; init; }

    /// <summary><c>automationDetails.id</c> (<c>--sarif-category</c>); omitted when null.</summary>
    public string? Category { get; init; }

    /// <summary>The command line, recorded in the invocation.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = Array.Empty<string>();

    /// <summary>
    /// At most this many results in the run (GitHub code scanning rejects a run with more than 25,000); the most
    /// severe are kept and a notification says what was left out.
    /// </summary>
    public int MaxResults { get; init; } = GitHubLimits.ResultsPerRun;

    /// <summary>At most this many locations per result, the primary one and the related ones (GitHub: 1,000).</summary>
    public int MaxLocationsPerResult { get; init; } = GitHubLimits.LocationsPerResult;

    /// <summary>Told, in a sentence, what the caps left out (the CLI prints it on standard error).</summary>
    public Action<string>? LeftOut { get; init; }

    /// <summary>The comparison with an earlier run (<c>--baseline</c>); null when there is none.</summary>
    public BaselineComparison? Baseline { get; init; }
}

/// <summary>
/// GitHub code scanning's hard limits on an uploaded SARIF run, as documented in "SARIF results exceed one or more
/// limits" (docs.github.com, code-security, troubleshooting SARIF uploads): over them the upload is rejected.
/// </summary>
public static class GitHubLimits
{
    public const int ResultsPerRun = 25_000;

    public const int LocationsPerResult = 1_000;
}
