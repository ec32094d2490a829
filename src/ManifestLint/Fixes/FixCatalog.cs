using Microsoft.CodeAnalysis;
using ManifestLint.Loading;

namespace ManifestLint.Fixes;

/// <summary>Every fix provider, by the diagnostic IDs it fixes (one provider per ID).</summary>
public sealed class FixCatalog
{
    private readonly Dictionary<string, FixProvider> _byId = new(StringComparer.Ordinal);

    public FixCatalog(IEnumerable<FixProvider> providers)
    {
        Providers = providers.ToArray();
        foreach (var provider in Providers)
        {
            foreach (var id in provider.FixableDiagnosticIds)
            {
                if (_byId.ContainsKey(id))
                {
                    throw new InvalidOperationException($"{id} has two fix providers");
                }

                _byId[id] = provider;
            }
        }
    }

    public static FixCatalog Default { get; } = new(new FixProvider[]
    {
        new RewriteValueFixProvider(),
        new RemoveIgnoredEntryFixProvider(),
        new TrimTrailingWhitespaceFixProvider(),
        new DidYouMeanFixProvider(),
    });

    public IReadOnlyList<FixProvider> Providers { get; }

    public FixProvider? ProviderFor(string id) => _byId.TryGetValue(id, out var provider) ? provider : null;

    /// <summary>The fix for one finding, or null when its rule has no provider or the finding no hint.</summary>
    public CodeFix? GetFix(Diagnostic diagnostic, SourceFile file) => ProviderFor(diagnostic.Id)?.GetFix(diagnostic, file);

    /// <summary>The fixes for the findings in <paramref name="file"/>, at or below <paramref name="safety"/>, in position order.</summary>
    public IReadOnlyList<CodeFix> GetFixes(IEnumerable<Diagnostic> diagnostics, SourceFile file, FixSafety safety)
    {
        var fixes = new List<CodeFix>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Location.GetLineSpan().Path == file.Path && GetFix(diagnostic, file) is { } fix && fix.Safety <= safety)
            {
                fixes.Add(fix);
            }
        }

        return fixes.OrderBy(f => f.Start).ThenBy(f => f.Edits[f.Edits.Count - 1].End).ToArray();
    }
}
