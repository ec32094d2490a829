namespace ManifestLint.Cli;

/// <summary>The process exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the fail level.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the fail level.</summary>
    public const int Findings = 1;

    /// <summary>Usage or configuration errors, or a path the user named that could not be read.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// ManifestLint itself failed (an exception, a rule that threw): the report is missing or incomplete and must not be
    /// trusted, so CI must not read it as "findings" (1), which it did before.
    /// </summary>
    public const int InternalError = 3;
}
