using ManifestLint.Yaml;

namespace ManifestLint.Loading;

/// <summary>
/// Finds Go/Helm template syntax that makes a file not a manifest yet (ML0004). Braces inside string
/// content are fine: Prometheus alert texts (<c>'{{ $labels.instance }}'</c>, also unquoted in the middle of a
/// sentence) and Grafana legends are data, and so is a comment (<c># {{ $labels.pod }}</c>), which kubectl drops.
/// A template is a <c>{{</c> that is YAML structure (a flow mapping), one outside a comment line in a file that does not
/// parse, or one in a plain scalar that uses Helm's objects and functions.
/// </summary>
internal static class TemplateDetector
{
    private static readonly string[] HelmMarkers =
    {
        // Helm's built-in objects and its own functions; Prometheus and Grafana templates use none of them
        // ({{ $labels.pod }}, {{ with $labels.cluster -}}, {{ $value | humanize }}).
        ".Values", ".Release", ".Chart", ".Capabilities", ".Files", "include \"", "toYaml", "tpl ",
    };

    public static LoadProblem? Find(string text, YamlReadResult result)
    {
        var first = text.IndexOf("{{", StringComparison.Ordinal);
        if (first < 0)
        {
            return null;
        }

        if (result.Error is { Kind: YamlReadErrorKind.Syntax })
        {
            // Without a tree only whole comment lines are known to be comments.
            for (var at = first; at >= 0; at = text.IndexOf("{{", at + 2, StringComparison.Ordinal))
            {
                if (!IsOnCommentLine(text, at))
                {
                    return Problem(text, at);
                }
            }

            return null;
        }

        var scalars = new List<YamlScalar>();
        var visited = new HashSet<YamlNode>(NodeIdentityComparer.Instance);
        foreach (var document in result.Documents)
        {
            Collect(document.Root, scalars, visited);
        }

        scalars.Sort((a, b) => a.Start.Offset.CompareTo(b.Start.Offset));
        for (var at = first; at >= 0; at = text.IndexOf("{{", at + 2, StringComparison.Ordinal))
        {
            var scalar = Containing(scalars, at);
            if (scalar is null)
            {
                if (IsInComment(text, at, scalars))
                {
                    continue;
                }

                return Problem(text, at);
            }

            if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && IsHelm(scalar.Value))
            {
                return Problem(text, at);
            }
        }

        return null;
    }

    /// <summary>
    /// True when a <c>#</c> before <paramref name="offset"/> on its line starts a comment: it is outside every scalar
    /// (a <c>#</c> in a quoted or block scalar is content) and at the line's start or after a space or tab.
    /// </summary>
    private static bool IsInComment(string text, int offset, List<YamlScalar> scalars)
    {
        for (var i = offset - 1; i >= 0 && text[i] is not ('\n' or '\r'); i--)
        {
            if (text[i] == '#' && (i == 0 || text[i - 1] is ' ' or '\t' or '\n' or '\r') && Containing(scalars, i) is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the line of <paramref name="offset"/> is a comment line: its first non-blank character is <c>#</c>.</summary>
    private static bool IsOnCommentLine(string text, int offset)
    {
        var start = offset;
        while (start > 0 && text[start - 1] is not ('\n' or '\r'))
        {
            start--;
        }

        while (start < offset && text[start] is ' ' or '\t')
        {
            start++;
        }

        return start < offset && text[start] == '#';
    }

    private static bool IsHelm(string value)
    {
        foreach (var marker in HelmMarkers)
        {
            if (value.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static YamlScalar? Containing(List<YamlScalar> scalars, int offset)
    {
        int lo = 0, hi = scalars.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (scalars[mid].Start.Offset <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && scalars[found].Range.Contains(offset) ? scalars[found] : null;
    }

    private static void Collect(YamlNode? node, List<YamlScalar> scalars, HashSet<YamlNode> visited)
    {
        if (node is null || !visited.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlScalar scalar:
                scalars.Add(scalar);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, scalars, visited);
                }

                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Collect(entry.Key, scalars, visited);
                    Collect(entry.Value, scalars, visited);
                }

                break;
        }
    }

    private static LoadProblem Problem(string text, int offset)
    {
        var position = TextDecoding.PositionAt(text, offset);
        var end = new SourcePosition(position.Line, position.Column + 2, offset + 2);
        return new LoadProblem(
            LoadProblemKind.Template,
            // What was found; ML0004's message states what it means.
            "{{",
            new SourceRange(position, end));
    }
}
