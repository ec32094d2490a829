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

    /// <summary>The comparison with an earlier run (<c>--baseline</c>); null when there is none.</summary>
    public BaselineComparison? Baseline { get; init; }
}
