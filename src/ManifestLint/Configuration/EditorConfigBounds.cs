using ManifestLint.Text;

namespace ManifestLint.Configuration;

/// <summary>
/// What an .editorconfig may cost before Roslyn's parser sees it. A pull request writes its own: a section with nine
/// <c>**/</c> segments never finished matching a file 40 folders deep (the glob becomes a backtracking regex), 40,000
/// nested braces overflowed the stack, a 95 MB file took 4.6 GB. A file over a bound is ignored and a section header
/// over a bound matches nothing; each is a configuration warning, and the run goes on.
/// </summary>
public static class EditorConfigBounds
{
    /// <summary>The largest .editorconfig read (real ones are a few KiB).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The longest section header.</summary>
    public const int MaxSectionLength = 1024;

    /// <summary>Braces nested in one section header (<c>{a,{b,c}}</c> is 2).</summary>
    public const int MaxBraceDepth = 4;

    /// <summary>Brace groups, <c>**</c> and <c>*</c> wildcards in one section header: each is a backtracking point.</summary>
    public const int MaxBraceGroups = 16;

    public const int MaxDoubleStars = 2;

    public const int MaxWildcards = 8;

    /// <summary>What replaces a header over a bound: a path no linted file has, so its options apply nowhere.</summary>
    public const string IgnoredSection = "[/manifestlint-ignored-section]";

    /// <summary>
    /// <paramref name="text"/> with every section header over a bound replaced by <see cref="IgnoredSection"/>, and
    /// the warning for each (1-based line, message).
    /// </summary>
    public static string Bound(string text, out IReadOnlyList<(int Line, string Message)> warnings)
    {
        var found = new List<(int Line, string Message)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] != '[' || Problem(line) is not { } problem)
            {
                continue;
            }

            lines[i] = IgnoredSection;
            found.Add((i + 1, $"the section header {problem}; its settings are ignored"));
        }

        warnings = found;
        return found.Count == 0 ? text : string.Join("\n", lines);
    }

    private static string? Problem(string header)
    {
        if (header.Length > MaxSectionLength)
        {
            return $"is longer than {Text.MessageText.Count(MaxSectionLength)} characters";
        }

        int depth = 0, deepest = 0, groups = 0, doubleStars = 0, wildcards = 0;
        for (var i = 0; i < header.Length; i++)
        {
            switch (header[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    groups++;
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case '}':
                    depth--;
                    break;
                case '*' when i + 1 < header.Length && header[i + 1] == '*':
                    doubleStars++;
                    wildcards++;
                    i++;
                    break;
                case '*':
                    wildcards++;
                    break;
            }
        }

        return deepest > MaxBraceDepth ? $"nests braces {deepest} deep (at most {MaxBraceDepth})"
            : groups > MaxBraceGroups ? $"has {groups} brace groups (at most {MaxBraceGroups})"
            : doubleStars > MaxDoubleStars ? $"has {doubleStars} '**' wildcards (at most {MaxDoubleStars})"
            : wildcards > MaxWildcards ? $"has {wildcards} wildcards (at most {MaxWildcards})"
            : null;
    }
}
