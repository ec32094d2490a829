using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

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

    private readonly Dictionary<(string Scope, string Id), Overflow> _perObject = new();

    /// <summary>
    /// True when the finding is kept. Called as findings arrive: one object's findings arrive in a fixed order (its
    /// rules run one after another on one thread), so which ones are kept does not depend on the thread count.
    /// </summary>
    public bool Admit(Diagnostic diagnostic)
    {
        var scope = diagnostic.Properties.TryGetValue(Finding.ObjectProperty, out var obj) && obj is not null
            ? obj
            : diagnostic.Location.GetLineSpan().Path;
        var key = (scope, diagnostic.Id);
        if (!_perObject.TryGetValue(key, out var overflow))
        {
            _perObject[key] = overflow = new Overflow();
        }

        return overflow.Count(diagnostic, PerObjectAndRule);
    }

    /// <summary>The "... and N more" findings for objects over <see cref="PerObjectAndRule"/>.</summary>
    public IEnumerable<Diagnostic> ObjectOverflows() =>
        _perObject.Where(p => p.Value.Dropped > 0).Select(p => p.Value.Summary(
            $"... and {MessageText.Count(p.Value.Dropped)} more findings of this rule in {ScopeText(p.Key.Scope)}, not shown " +
            $"(at most {PerObjectAndRule} per rule and object). Fix the ones shown and run again."));

    /// <summary>
    /// Keeps the first <see cref="PerRule"/> findings of each rule in <paramref name="sorted"/> (report order, so the
    /// same ones whatever the thread count) and adds one finding per rule that says how many were left out.
    /// </summary>
    public static List<Diagnostic> CapPerRule(IReadOnlyList<Diagnostic> sorted, out bool capped)
    {
        var perRule = new Dictionary<string, Overflow>(StringComparer.Ordinal);
        var kept = new List<Diagnostic>(sorted.Count);
        foreach (var diagnostic in sorted)
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

        capped = false;
        foreach (var pair in perRule.Where(p => p.Value.Dropped > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            capped = true;
            kept.Add(pair.Value.Summary(
                $"... and {MessageText.Count(pair.Value.Dropped)} more findings of this rule, not shown (at most {PerRule} per rule in one run). " +
                "Fix the ones shown and run again."));
        }

        return kept;
    }

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

            Dropped++;
            if (diagnostic.Severity > _severity)
            {
                _severity = diagnostic.Severity;
            }

            return false;
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
