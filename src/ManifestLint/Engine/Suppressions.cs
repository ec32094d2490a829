using System.Text.RegularExpressions;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Engine;

/// <summary>How a finding was silenced, with the reason the author gave.</summary>
public sealed record SuppressionInfo(string Kind, string Justification, string Source);

/// <summary>A finding that a suppression silenced: it does not count toward the exit code.</summary>
public sealed record SuppressedDiagnostic(LintFinding Finding, SuppressionInfo Suppression)
{
    public Diagnostic Diagnostic => Finding.Diagnostic;
}

/// <summary>
/// Suppressions written in the manifests themselves: object annotations
/// (<c>ignore-check.manifestlint.io/ML3004: "reason"</c>, <c>manifestlint.io/ignore-all: "reason"</c>, the
/// convention kube-linter users know) and YAML comments (<c># manifestlint-disable-line ML3004 -- reason</c>,
/// <c>-next-line</c>, <c>-file</c>; several IDs comma-separated, none meaning every rule). A comment that
/// suppresses nothing is reported, so that stale suppressions do not pile up.
/// </summary>
public sealed class Suppressions
{
    public const string IgnoreCheckPrefix = KubeObject.IgnoreCheckPrefix;
    public const string IgnoreAll = KubeObject.IgnoreAll;
    private const string Marker = "manifestlint-disable";

    private static readonly Regex Directive = new(
        @"#\s*manifestlint-disable(?<scope>-line|-next-line|-file)?(?=\s|$)(?<ids>[^-\n]*(?:-(?!-)[^-\n]*)*)(?:--\s*(?<reason>.*))?$",
        RegexOptions.CultureInvariant);

    private readonly HashSet<string> _catalogIds;
    private readonly Dictionary<SourceFile, List<CommentDirective>> _comments = new();
    private readonly List<ConfigurationMessage> _messages = new();

    private Suppressions(RuleCatalog catalog)
    {
        _catalogIds = new HashSet<string>(catalog.ById.Keys, StringComparer.Ordinal);
    }

    public static Suppressions Build(LintedSet set, RuleCatalog catalog)
    {
        var suppressions = new Suppressions(catalog);
        foreach (var file in set.Files)
        {
            if (!file.IsContext && file.ContainsAscii(Marker))
            {
                suppressions._comments[file] = suppressions.ReadComments(file, catalog);
            }
        }

        return suppressions;
    }

    /// <summary>
    /// Splits sorted findings into those shown and those an annotation or comment silences, keeping their order, and
    /// marks the directives used (see <see cref="Unused"/>).
    /// </summary>
    public (List<LintFinding> Active, List<SuppressedDiagnostic> Suppressed) Split(IEnumerable<LintFinding> findings)
    {
        var active = new List<LintFinding>();
        var suppressed = new List<SuppressedDiagnostic>();
        foreach (var finding in findings)
        {
            if ((Find(finding) ?? FindOnBuiltObjects(finding.Diagnostic, finding.BuiltObjects)) is { } suppression)
            {
                suppressed.Add(new SuppressedDiagnostic(finding, suppression));
            }
            else
            {
                active.Add(finding);
            }
        }

        return (active, suppressed);
    }

    public IReadOnlyList<ConfigurationMessage> Messages => _messages;

    /// <summary>The suppression that silences <paramref name="diagnostic"/>, if any.</summary>
    /// <summary>What silences the finding where it is written: a comment of its file, an annotation of its object.</summary>
    public SuppressionInfo? Find(LintFinding finding)
    {
        if (finding.File is not { } file)
        {
            return null;
        }

        var diagnostic = finding.Diagnostic;
        var span = diagnostic.Location.GetLineSpan();
        var line = span.StartLinePosition.Line + 1;
        if (_comments.TryGetValue(file, out var directives))
        {
            foreach (var directive in directives)
            {
                if (directive.Applies(diagnostic.Id, line))
                {
                    directive.Used = true;
                    return new SuppressionInfo("inSource", directive.Reason, $"{file.DisplayPath}({directive.Line}): # {directive.Text}");
                }
            }
        }

        return finding.Object is { } owner ? FindAnnotation(diagnostic, owner) : null;
    }

    /// <summary>
    /// A finding of kustomize builds whose place (a patch line) holds no suppression is silenced by an annotation of
    /// the objects the builds made, the base's annotations included; when it occurs in several builds, only if every
    /// one of their objects silences it.
    /// </summary>
    private static SuppressionInfo? FindOnBuiltObjects(Diagnostic diagnostic, IReadOnlyList<KubeObject> objects)
    {
        if (objects is not { Count: > 0 })
        {
            return null;
        }

        SuppressionInfo? first = null;
        foreach (var obj in objects.OrderBy(o => o.DisplayName, StringComparer.Ordinal))
        {
            if (FindAnnotation(diagnostic, obj) is not { } suppression)
            {
                return null;
            }

            first ??= suppression;
        }

        return first;
    }

    private static SuppressionInfo? FindAnnotation(Diagnostic diagnostic, KubeObject owner)
    {
        if (owner.SuppressionAnnotations is not { } annotations)
        {
            return null;
        }

        foreach (var key in new[] { IgnoreCheckPrefix + diagnostic.Id, IgnoreAll })
        {
            if (annotations.TryGetValue(key, out var reason))
            {
                return new SuppressionInfo("inSource", reason, $"{owner.DisplayName}: annotation {key}");
            }
        }

        return null;
    }

    /// <summary>Comment directives that silenced nothing, as warnings with their line.</summary>
    public IEnumerable<ConfigurationMessage> Unused()
    {
        foreach (var pair in _comments)
        {
            // A directive naming only unknown rules was already reported as such.
            foreach (var directive in pair.Value.Where(d => !d.Used && (d.Ids.Count == 0 || d.Ids.Any(_catalogIds.Contains))))
            {
                var what = directive.Ids.Count == 0 ? "any finding" : string.Join(", ", directive.Ids);
                yield return new ConfigurationMessage(pair.Key.DisplayPath, directive.Line, $"'# {directive.Text}' suppresses nothing: no {what} {directive.ScopeText}. Remove it.")
                {
                    // The column of the comment, and the (first) rule it names: CI annotations need both.
                    Column = directive.Column,
                    RuleId = directive.Ids.FirstOrDefault(_catalogIds.Contains),
                };
            }
        }
    }

    private List<CommentDirective> ReadComments(SourceFile file, RuleCatalog catalog)
    {
        var directives = new List<CommentDirective>();
        var text = file.Text;

        // A large run dropped the file's trees: they are read again for the scalars' ranges, and dropped again.
        var released = file.IsReleased;
        var scalars = ScalarRanges(file);
        if (released)
        {
            file.ReleaseDocuments();
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
            {
                continue;
            }

            var content = text.Substring(lineStart, i - lineStart).TrimEnd('\r');
            var at = content.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var hash = content.LastIndexOf('#', at);
                var isComment = hash >= 0 && (hash == 0 || char.IsWhiteSpace(content[hash - 1])) && !InScalar(scalars, lineStart + hash);
                var match = isComment ? Directive.Match(content.Substring(hash)) : Match.Empty;
                if (match.Success)
                {
                    var ids = match.Groups["ids"].Value.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)
                        .Select(id => id.ToUpperInvariant()).ToArray();
                    foreach (var unknown in ids.Where(id => !catalog.ById.ContainsKey(id)))
                    {
                        _messages.Add(new ConfigurationMessage(file.DisplayPath, line, $"there is no rule {unknown} (see 'manifestlint rules')") { Column = hash + 1 });
                    }

                    var scope = match.Groups["scope"].Value;
                    directives.Add(new CommentDirective(
                        line,
                        scope switch { "-next-line" => DirectiveScope.NextLine, "-file" => DirectiveScope.File, _ => DirectiveScope.Line },
                        ids,
                        match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : string.Empty,
                        content.Substring(hash).TrimStart('#', ' '))
                    {
                        Column = hash + 1,
                    });
                }
            }

            line++;
            lineStart = i + 1;
        }

        return directives;
    }

    private static List<SourceRange> ScalarRanges(SourceFile file)
    {
        var ranges = new List<SourceRange>();
        var visited = new HashSet<YamlNode>(NodeIdentityComparer.Instance);
        var stack = new Stack<YamlNode>();
        foreach (var document in file.Documents)
        {
            if (document.Root is not null)
            {
                stack.Push(document.Root);
            }
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case YamlScalar scalar when scalar.Range.Start.Line != scalar.Range.End.Line || scalar.IsQuoted:
                    ranges.Add(scalar.Range);
                    break;
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        stack.Push(entry.Key);
                        stack.Push(entry.Value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }

        return ranges;
    }

    private static bool InScalar(List<SourceRange> ranges, int offset) => ranges.Any(r => r.Contains(offset));

    private enum DirectiveScope
    {
        Line,
        NextLine,
        File,
    }

    private sealed class CommentDirective
    {
        public CommentDirective(int line, DirectiveScope scope, IReadOnlyList<string> ids, string reason, string text)
        {
            Line = line;
            Scope = scope;
            Ids = ids;
            Reason = reason;
            Text = text;
        }

        public int Line { get; }

        public DirectiveScope Scope { get; }

        public IReadOnlyList<string> Ids { get; }

        public string Reason { get; }

        public string Text { get; }

        public bool Used { get; set; }

        /// <summary>The 1-based column of the comment's '#'.</summary>
        public int Column { get; init; }

        public string ScopeText => Scope switch
        {
            DirectiveScope.NextLine => $"starts on line {Line + 1}",
            DirectiveScope.File => "is reported in this file",
            _ => $"starts on line {Line}",
        };

        public bool Applies(string id, int line) =>
            (Ids.Count == 0 || Ids.Contains(id))
            && Scope switch
            {
                DirectiveScope.NextLine => line == Line + 1,
                DirectiveScope.File => true,
                _ => line == Line,
            };
    }
}
