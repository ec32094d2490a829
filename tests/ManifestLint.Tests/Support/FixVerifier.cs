using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Loading;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Tests.Support;

/// <summary>
/// Checks the fix properties on one linted set held in memory (the inputs are never written): applying every safe
/// fix (a) keeps each file parseable, (b) changes its kubectl view (resolved values, the last of duplicate keys) only
/// at the fixed nodes, (c) removes the findings it fixes and adds none, and (d) is idempotent: fixing again, until
/// the overlapping fixes left for the next run are done, reaches a text that a further run leaves unchanged.
/// </summary>
internal sealed class FixVerifier
{
    private const int MaxRounds = 6;
    private static readonly Regex Digits = new(@"\d+", RegexOptions.CultureInvariant);

    private readonly LintOptions _options;
    private readonly FixSafety _safety;

    public FixVerifier(LintOptions options, FixSafety safety = FixSafety.Safe)
    {
        _options = options with { MaxParallelism = 1 };
        _safety = safety;
    }

    public int Files { get; private set; }

    public int FixesApplied { get; private set; }

    public int FilesChanged { get; private set; }

    public Dictionary<string, int> FixesByRule { get; } = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = new();

    /// <summary>Verifies one set; the first round's fixed texts by path.</summary>
    public IReadOnlyDictionary<string, string> Verify(string name, IReadOnlyList<(string Path, byte[] Bytes)> inputs)
    {
        var files = inputs.Select(i => Read(i.Path, i.Bytes)).ToArray();
        Files += files.Length;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstRound = new Dictionary<string, string>(StringComparer.Ordinal);
        var deferredFirst = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var before = new Linter(_options).Analyze(files);
            var fixedFindings = new List<Diagnostic>();
            var next = new SourceFile[files.Length];
            var edited = new Dictionary<string, (SourceFile Old, IReadOnlyList<CodeFix> Applied)>(StringComparer.Ordinal);
            var deferred = 0;
            for (var i = 0; i < files.Length; i++)
            {
                var file = before.Files.Single(f => f.Path == files[i].Path);
                var fixes = FixCatalog.Default.GetFixes(before.Diagnostics, file, _safety);
                if (fixes.Count == 0)
                {
                    next[i] = files[i];
                    continue;
                }

                var outcome = FixApplier.Apply(file.Text, fixes);
                deferred += outcome.Deferred.Count;
                fixedFindings.AddRange(outcome.Applied.Select(f => f.Diagnostic));
                edited[file.Path] = (file, outcome.Applied);
                next[i] = Read(file.Path, Encoding(file, outcome.Text));
                texts[file.Path] = outcome.Text;
                if (round == 0)
                {
                    FixesApplied += outcome.Applied.Count;
                    FilesChanged++;
                    firstRound[file.Path] = outcome.Text;
                    foreach (var fix in outcome.Applied)
                    {
                        FixesByRule[fix.Diagnostic.Id] = FixesByRule.TryGetValue(fix.Diagnostic.Id, out var count) ? count + 1 : 1;
                    }
                }
            }

            if (edited.Count == 0)
            {
                return firstRound;
            }

            if (round == 1 && deferredFirst == 0)
            {
                Fail(name, $"(d) a second run fixes again although the first deferred nothing: {string.Join(", ", edited.Keys.Select(Path.GetFileName))}");
                return firstRound;
            }

            if (round == 0)
            {
                deferredFirst = deferred;
            }

            var after = new Linter(_options).Analyze(next);
            foreach (var (path, (old, applied)) in edited)
            {
                var changed = after.Files.Single(f => f.Path == path);
                CheckParseable(name, old, changed);
                CheckTrees(name, old, changed, applied);
            }

            CheckFindings(name, before, after, fixedFindings);
            files = next;
        }

        Fail(name, $"(d) fixing did not settle after {MaxRounds} runs");
        return firstRound;
    }

    private SourceFile Read(string path, byte[] bytes) =>
        SourceFileReader.ReadBytes(path, Path.GetFileName(path), bytes, _options.Limits);

    private static byte[] Encoding(SourceFile file, string text)
    {
        var body = new UTF8Encoding(false).GetBytes(text);
        return file.HasByteOrderMark ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray() : body;
    }

    private void Fail(string name, string message)
    {
        if (Failures.Count < 50)
        {
            Failures.Add($"{name}: {message}");
        }
    }

    /// <summary>(a) The fixed file parses as far as the original did, with as many documents.</summary>
    private void CheckParseable(string name, SourceFile old, SourceFile changed)
    {
        if (changed.Problems.Count > old.Problems.Count || changed.Documents.Count != old.Documents.Count || changed.Skipped != old.Skipped)
        {
            Fail(name, $"(a) {Path.GetFileName(old.Path)} no longer parses: {string.Join("; ", changed.Problems.Select(p => p.Message))}\n{changed.Text}");
        }
    }

    /// <summary>(c) Every finding after the fixes was there before, and each fixed finding is gone.</summary>
    private void CheckFindings(string name, LintResult before, LintResult after, List<Diagnostic> fixedFindings)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in before.Diagnostics)
        {
            counts[Key(d)] = counts.TryGetValue(Key(d), out var c) ? c + 1 : 1;
        }

        foreach (var d in fixedFindings)
        {
            counts[Key(d)]--;
        }

        foreach (var d in after.Diagnostics)
        {
            var key = Key(d);
            if (!counts.TryGetValue(key, out var c) || c <= 0)
            {
                var span = d.Location.GetLineSpan();
                Fail(name, $"(c) after the fixes: {d.Id} at {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {d.GetMessage(CultureInfo.InvariantCulture)}");
                continue;
            }

            counts[key] = c - 1;
        }
    }

    /// <summary>Rule, object and YAML path (which survive edits elsewhere), or the message without its numbers.</summary>
    private static string Key(Diagnostic d)
    {
        d.Properties.TryGetValue(Finding.ObjectProperty, out var obj);
        d.Properties.TryGetValue(Finding.YamlPathProperty, out var path);
        return obj is not null && path is not null
            ? $"{d.Id}|{obj}|{path}"
            : $"{d.Id}|{Path.GetFileName(d.Location.GetLineSpan().Path)}|{obj}|{Digits.Replace(d.GetMessage(CultureInfo.InvariantCulture), "#")}";
    }

    /// <summary>(b) The kubectl view of every document differs only under the nodes the edits touched.</summary>
    private void CheckTrees(string name, SourceFile old, SourceFile changed, IReadOnlyList<CodeFix> applied)
    {
        var allowed = new List<string>();
        var shift = 0;
        foreach (var edit in applied.SelectMany(f => f.Edits).OrderBy(e => e.Start))
        {
            var position = edit.Start;
            while (position < edit.End - 1 && old.Text[position] is ' ' or '\t' or '-' or '\r' or '\n')
            {
                position++;
            }

            allowed.AddRange(PathsAt(old, position, edit.Start, edit.End));
            if (edit.NewText.Length > 0)
            {
                allowed.AddRange(PathsAt(changed, position + shift, position + shift, position + shift));
            }

            shift += edit.NewText.Length - edit.Length;
        }

        if (old.Documents.Any(d => d.Root is { ExpandedSize: > 200_000 }))
        {
            return;
        }

        var beforeLines = Leaves(old);
        var afterLines = Leaves(changed);
        foreach (var line in Difference(beforeLines, afterLines).Concat(Difference(afterLines, beforeLines)))
        {
            if (!allowed.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal) && (line.Length == prefix.Length || line[prefix.Length] is '.' or '[' or '=')))
            {
                Fail(name, $"(b) {Path.GetFileName(old.Path)}: the value changed outside the fixed nodes ({string.Join(", ", allowed)}): {line}");
                return;
            }
        }
    }

    private static IEnumerable<string> Difference(List<string> a, List<string> b)
    {
        var counts = b.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var line in a)
        {
            if (counts.TryGetValue(line, out var c) && c > 0)
            {
                counts[line] = c - 1;
            }
            else
            {
                yield return line;
            }
        }
    }

    /// <summary>The deepest node path at <paramref name="position"/>, and every node path starting in [start, end).</summary>
    private static List<string> PathsAt(SourceFile file, int position, int start, int end)
    {
        var paths = new List<string>();
        for (var d = 0; d < file.Documents.Count; d++)
        {
            if (file.Documents[d].Root is { } root)
            {
                Walk(root, "d" + d.ToString(CultureInfo.InvariantCulture), position, start, end, paths, 0);
            }
        }

        return paths;
    }

    private static void Walk(YamlNode node, string path, int position, int start, int end, List<string> paths, int depth)
    {
        if (depth > 200)
        {
            return;
        }

        if (node.Range.Contains(position) || (node.Range.Start.Offset >= start && node.Range.Start.Offset < end))
        {
            paths.Add(path);
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (entry.IsMerged)
                    {
                        continue;
                    }

                    var child = path + "." + (entry.Name ?? "?");
                    var key = entry.Key.Range;
                    if (key.Contains(position) || (key.Start.Offset >= start && key.Start.Offset < end))
                    {
                        paths.Add(child);
                    }

                    Walk(entry.Value, child, position, start, end, paths, depth + 1);
                }

                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    Walk(sequence[i], path + ItemStep(sequence[i], i), position, start, end, paths, depth + 1);
                }

                break;
        }
    }

    private static string ItemStep(YamlNode item, int index) =>
        item is YamlMapping mapping && mapping.GetString("name") is { } name ? "[name=" + name + "]" : "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Every leaf of the kubectl view as <c>path=json</c>.</summary>
    private static List<string> Leaves(SourceFile file)
    {
        var lines = new List<string>();
        for (var d = 0; d < file.Documents.Count; d++)
        {
            if (file.Documents[d].Root is { } root)
            {
                Leaves(root, "d" + d.ToString(CultureInfo.InvariantCulture), lines, 0);
            }
        }

        return lines;
    }

    private static void Leaves(YamlNode node, string path, List<string> lines, int depth)
    {
        if (depth > 200)
        {
            lines.Add(path + "=…");
            return;
        }

        switch (node)
        {
            case YamlScalar scalar:
                lines.Add(path + "=" + scalar.Resolved.Type + ":" + scalar.Resolved.Json);
                break;
            case YamlMapping mapping:
                var entries = mapping.JsonEntries();
                if (entries.Count == 0)
                {
                    lines.Add(path + "={}");
                }

                foreach (var entry in entries)
                {
                    Leaves(entry.Value, path + "." + entry.Name, lines, depth + 1);
                }

                break;
            case YamlSequence sequence:
                if (sequence.Count == 0)
                {
                    lines.Add(path + "=[]");
                }

                for (var i = 0; i < sequence.Count; i++)
                {
                    Leaves(sequence[i], path + ItemStep(sequence[i], i), lines, depth + 1);
                }

                break;
        }
    }
}
