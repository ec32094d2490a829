using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Analysis;

/// <summary>
/// Bounds how many findings one run reports, so that a pull request cannot turn a small file into a huge report
/// (1,000 pods aliasing one container, an 8 MB ConfigMap with 300,000 bad keys). Past a cap, the findings left out
/// become one "... and N more" finding at the last one shown, with the highest severity of those left out, so the
/// exit code and the count stay honest.
/// </summary>
internal sealed class FindingBudget
{
    /// <summary>Findings of one rule about one object (or one file, for findings outside any object).</summary>
    public const int PerObjectAndRule = 100;

    /// <summary>Findings of one rule in the whole run.</summary>
    public const int PerRule = 1000;

    /// <summary>
    /// Findings of one rule about one object kept in memory while rules run. The caps above are applied later, to the
    /// sorted findings, so that the ones shown do not depend on the thread count; this one only bounds memory (an 8 MB
    /// ConfigMap with 300,000 bad keys).
    /// </summary>
    public const int PerObjectAndRuleInMemory = 10 * PerObjectAndRule;

    private readonly Dictionary<(string Scope, string Id), int> _arrived = new();
    private readonly Dictionary<(string Scope, string Id), Overflow> _droppedOnArrival = new();

    /// <summary>True when the finding is kept for now; called as findings arrive, under the collector's lock.</summary>
    public bool Admit(Diagnostic diagnostic)
    {
        var key = (Scope(diagnostic), diagnostic.Id);
        _arrived.TryGetValue(key, out var count);
        _arrived[key] = ++count;
        if (count <= PerObjectAndRuleInMemory)
        {
            return true;
        }

        if (!_droppedOnArrival.TryGetValue(key, out var dropped))
        {
            _droppedOnArrival[key] = dropped = new Overflow();
        }

        dropped.Drop(diagnostic);
        return false;
    }

    /// <summary>
    /// The findings shown: the first <see cref="PerObjectAndRule"/> of each rule and object and the first
    /// <see cref="PerRule"/> of each rule in <paramref name="sorted"/> (report order, so the same ones whatever the
    /// thread count), plus one "... and N more" finding for each cap reached. <paramref name="added"/> tells whether
    /// the list needs sorting again.
    /// </summary>
    public List<Diagnostic> Cap(IReadOnlyList<Diagnostic> sorted, out bool added)
    {
        var perObject = new Dictionary<(string Scope, string Id), Overflow>();
        var shown = new List<Diagnostic>(sorted.Count);
        foreach (var diagnostic in sorted)
        {
            var key = (Scope(diagnostic), diagnostic.Id);
            if (!perObject.TryGetValue(key, out var overflow))
            {
                perObject[key] = overflow = new Overflow();
            }

            if (overflow.Count(diagnostic, PerObjectAndRule))
            {
                shown.Add(diagnostic);
            }
        }

        // Per rule, over the findings shown one by one; an object's "... and N more" stays where its rule was not capped,
        // and where it was, its count goes into the rule's own "... and N more".
        var perRule = new Dictionary<string, Overflow>(StringComparer.Ordinal);
        var kept = new List<Diagnostic>(shown.Count);
        foreach (var diagnostic in shown)
        {
            if (!perRule.TryGetValue(diagnostic.Id, out var overflow))
            {
                perRule[diagnostic.Id] = overflow = new Overflow();
            }

            if (overflow.Count(diagnostic, PerRule))
            {
                kept.Add(diagnostic);
            }
        }

        added = false;
        foreach (var pair in perObject.OrderBy(p => p.Key.Scope, StringComparer.Ordinal).ThenBy(p => p.Key.Id, StringComparer.Ordinal))
        {
            if (_droppedOnArrival.TryGetValue(pair.Key, out var early))
            {
                pair.Value.Add(early);
            }

            if (pair.Value.Dropped == 0)
            {
                continue;
            }

            if (perRule[pair.Key.Id].Dropped > 0)
            {
                perRule[pair.Key.Id].Add(pair.Value);
                continue;
            }

            added = true;
            kept.Add(pair.Value.Summary(
                $"... and {MessageText.Count(pair.Value.Dropped)} more findings of this rule in {ScopeText(pair.Key.Scope)}, not shown " +
                $"(at most {PerObjectAndRule} per rule and object). Fix the ones shown and run again."));
        }

        foreach (var pair in perRule.Where(p => p.Value.Dropped > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            added = true;
            kept.Add(pair.Value.Summary(
                $"... and {MessageText.Count(pair.Value.Dropped)} more findings of this rule, not shown (at most {PerRule} per rule in one run). " +
                "Fix the ones shown and run again."));
        }

        return kept;
    }

    private static string Scope(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(Finding.ObjectProperty, out var obj) && obj is not null
            ? obj
            : diagnostic.Location.GetLineSpan().Path;

    private static string ScopeText(string scope) => MessageText.Shorten(scope, 200);

    /// <summary>What was kept and left out under one cap.</summary>
    private sealed class Overflow
    {
        private int _kept;
        private Diagnostic? _last;
        private DiagnosticSeverity _severity = DiagnosticSeverity.Hidden;

        public int Dropped { get; private set; }

        public bool Count(Diagnostic diagnostic, int cap)
        {
            if (_kept < cap)
            {
                _kept++;
                _last = diagnostic;
                return true;
            }

            Drop(diagnostic);
            return false;
        }

        public void Drop(Diagnostic diagnostic)
        {
            Dropped++;
            if (diagnostic.Severity > _severity)
            {
                _severity = diagnostic.Severity;
            }
        }

        /// <summary>Adds what <paramref name="other"/> left out.</summary>
        public void Add(Overflow other)
        {
            Dropped += other.Dropped;
            if (other._severity > _severity)
            {
                _severity = other._severity;
            }
        }

        /// <summary>One finding of the same rule at the last one kept, with the highest severity left out.</summary>
        public Diagnostic Summary(string message)
        {
            var last = _last!;
            var descriptor = last.Descriptor;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (last.Properties.TryGetValue(Finding.ObjectProperty, out var obj))
            {
                properties = properties.Add(Finding.ObjectProperty, obj);
            }

            return Diagnostic.Create(
                descriptor.Id,
                descriptor.Category,
                message,
                _severity,
                descriptor.DefaultSeverity,
                isEnabledByDefault: true,
                warningLevel: _severity == DiagnosticSeverity.Error ? 0 : 1,
                title: descriptor.Title,
                description: descriptor.Description,
                helpLink: descriptor.HelpLinkUri,
                location: last.Location,
                customTags: descriptor.CustomTags,
                properties: properties);
        }
    }
}
