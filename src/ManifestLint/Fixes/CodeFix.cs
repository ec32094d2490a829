using Microsoft.CodeAnalysis;

namespace ManifestLint.Fixes;

/// <summary>
/// One fix for one finding (Roslyn's <c>CodeAction</c>): what it does, the provider's equivalence key, whether it is
/// safe, and the text edits, sorted and never overlapping each other.
/// </summary>
public sealed class CodeFix
{
    public CodeFix(Diagnostic diagnostic, string description, string equivalenceKey, FixSafety safety, IReadOnlyList<TextEdit> edits)
    {
        Diagnostic = diagnostic;
        Description = description;
        EquivalenceKey = equivalenceKey;
        Safety = safety;
        Edits = edits;
    }

    public Diagnostic Diagnostic { get; }

    public string Description { get; }

    public string EquivalenceKey { get; }

    public FixSafety Safety { get; }

    public IReadOnlyList<TextEdit> Edits { get; }

    public int Start => Edits[0].Start;

    public bool Overlaps(CodeFix other)
    {
        foreach (var edit in Edits)
        {
            foreach (var theirs in other.Edits)
            {
                if (edit.Overlaps(theirs))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
