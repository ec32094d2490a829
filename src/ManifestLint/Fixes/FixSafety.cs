namespace ManifestLint.Fixes;

/// <summary>Whether <c>--fix</c> applies a fix on its own.</summary>
public enum FixSafety
{
    /// <summary>The object then means what the user evidently meant, and nothing else changes: <c>--fix</c> applies it.</summary>
    Safe,

    /// <summary>A choice the user should make (a rename, a changed value): only <c>--fix-suggested</c> applies it.</summary>
    Suggested,
}
