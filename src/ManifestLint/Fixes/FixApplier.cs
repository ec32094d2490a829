using System.Text;

namespace ManifestLint.Fixes;

/// <summary>The text after some fixes, and which fixes made it in.</summary>
public sealed record FixedText(string Text, IReadOnlyList<CodeFix> Applied, IReadOnlyList<CodeFix> Deferred);

/// <summary>
/// Applies fixes to a file's text as minimal edits. Fixes are taken in position order; one that overlaps a fix already
/// taken is deferred to the next run, when it is found again on the changed text. A fix is all of its edits or none.
/// </summary>
public static class FixApplier
{
    public static FixedText Apply(string text, IEnumerable<CodeFix> fixes)
    {
        var applied = new List<CodeFix>();
        var deferred = new List<CodeFix>();
        foreach (var fix in fixes.OrderBy(f => f.Start))
        {
            if (applied.Any(fix.Overlaps) || fix.Edits.Any(e => e.Start < 0 || e.End > text.Length))
            {
                deferred.Add(fix);
            }
            else
            {
                applied.Add(fix);
            }
        }

        var edits = applied.SelectMany(f => f.Edits).OrderBy(e => e.Start).ToArray();
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var edit in edits)
        {
            builder.Append(text, position, edit.Start - position).Append(edit.NewText);
            position = edit.End;
        }

        builder.Append(text, position, text.Length - position);
        return new FixedText(builder.ToString(), applied, deferred);
    }
}
