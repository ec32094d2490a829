using System.Collections.Immutable;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Fixes;

/// <summary>
/// A fix provider, shaped like Roslyn's <c>CodeFixProvider</c>: it declares the diagnostic IDs it fixes, the
/// equivalence key of its fixes and whether they are safe, and turns a finding into a <see cref="CodeFix"/>. The rule
/// attached the exact edit (<see cref="FixHint"/>); the provider decides whether and how it is offered.
/// </summary>
public abstract class FixProvider
{
    public abstract ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <summary>Names the kind of fix (Roslyn's <c>CodeAction.EquivalenceKey</c>): fixes with one key may be applied together.</summary>
    public abstract string EquivalenceKey { get; }

    public abstract FixSafety Safety { get; }

    /// <summary>What the provider's fixes do, for rule pages and <c>manifestlint rules</c>.</summary>
    public abstract string Summary { get; }

    /// <summary>The fix for <paramref name="diagnostic"/> in <paramref name="file"/>, or null when there is none.</summary>
    public virtual CodeFix? GetFix(Diagnostic diagnostic, SourceFile file)
    {
        if (FixHint.From(diagnostic) is not { } hint || !FitsText(hint, file.Text))
        {
            return null;
        }

        return new CodeFix(diagnostic, hint.Title, EquivalenceKey, Safety, hint.Edits);
    }

    /// <summary>Edits that lie inside the text and do not overlap: anything else is not this file's hint.</summary>
    private static bool FitsText(FixHint hint, string text)
    {
        var previousEnd = 0;
        foreach (var edit in hint.Edits)
        {
            if (edit.Start < previousEnd || edit.End > text.Length)
            {
                return false;
            }

            previousEnd = edit.End;
        }

        return true;
    }
}

/// <summary>Writes a value in the notation the API reads as meant: the octal literal, unquoted booleans and numbers, quoted text and keys.</summary>
public sealed class RewriteValueFixProvider : FixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ML0005", "ML2006", "ML2007", "ML3001", "ML3003");

    public override string EquivalenceKey => "ManifestLint.RewriteValue";

    public override FixSafety Safety => FixSafety.Safe;

    public override string Summary => "rewrites the value or key in place";
}

/// <summary>Removes lines that Kubernetes ignores or drops: <c>readOnly: false</c>, the overridden duplicate key, the identical earlier env entry.</summary>
public sealed class RemoveIgnoredEntryFixProvider : FixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ML0002", "ML3009", "ML4004");

    public override string EquivalenceKey => "ManifestLint.RemoveIgnoredEntry";

    public override FixSafety Safety => FixSafety.Safe;

    public override string Summary => "removes the entry Kubernetes ignores or drops, with its lines";
}

/// <summary>Removes trailing whitespace from the lines of a literal block: the value changes, so only suggested.</summary>
public sealed class TrimTrailingWhitespaceFixProvider : FixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ML2008");

    public override string EquivalenceKey => "ManifestLint.TrimTrailingWhitespace";

    public override FixSafety Safety => FixSafety.Suggested;

    public override string Summary => "removes the spaces and tabs at the ends of the block's lines (this changes the value)";
}

/// <summary>Replaces a referenced key with the near miss the message offers: a guess, so only suggested.</summary>
public sealed class DidYouMeanFixProvider : FixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ML1003", "ML1004");

    public override string EquivalenceKey => "ManifestLint.DidYouMean";

    public override FixSafety Safety => FixSafety.Suggested;

    public override string Summary => "replaces the key with the close match the message names";
}
