using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Analysis;

/// <summary>
/// The <c># Source: chart/templates/x.yaml</c> comments <c>helm template</c> writes before each document it renders:
/// a finding in rendered output is fixed in that template, so the report names it (in the message, and as a related
/// location at the comment).
/// </summary>
internal sealed class HelmSources
{
    private const string Marker = "# Source: ";

    private readonly List<(int Start, int End, string Template, SourceRange Comment)> _documents = new();

    private HelmSources(SourceFile file)
    {
        var text = file.Text;
        var at = text.StartsWith(Marker, StringComparison.Ordinal) ? 0 : IndexOfLine(text, Marker, 0);
        while (at >= 0)
        {
            var lineEnd = text.IndexOf('\n', at);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var template = text.Substring(at + Marker.Length, lineEnd - at - Marker.Length).Trim();
            var next = IndexOfLine(text, "---", lineEnd);
            var end = next < 0 ? text.Length : next;
            if (template.Length > 0)
            {
                _documents.Add((at, end, template, new SourceRange(file.PositionAt(at), file.PositionAt(lineEnd > at && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd))));
            }

            at = IndexOfLine(text, Marker, lineEnd);
        }
    }

    /// <summary>The sources of a file, or null when <c>helm template</c> did not write it.</summary>
    public static HelmSources? Of(SourceFile file) =>
        file.ContainsAscii("\n" + Marker) || file.ContainsAscii(Marker) && file.Text.StartsWith(Marker, StringComparison.Ordinal)
            ? new HelmSources(file) is { _documents.Count: > 0 } sources ? sources : null
            : null;

    /// <summary>The template that rendered the document holding <paramref name="offset"/>, and where its comment is.</summary>
    public (string Template, SourceRange Comment)? At(int offset)
    {
        foreach (var document in _documents)
        {
            if (offset >= document.Start && offset < document.End)
            {
                return (document.Template, document.Comment);
            }
        }

        return null;
    }

    private static int IndexOfLine(string text, string prefix, int from)
    {
        var found = from < text.Length ? text.IndexOf("\n" + prefix, from, StringComparison.Ordinal) : -1;
        return found < 0 ? -1 : found + 1;
    }
}
