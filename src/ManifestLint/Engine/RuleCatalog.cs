using ManifestLint.Analysis;
using ManifestLint.Configuration;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Engine;

/// <summary>The rules of the engine and their descriptors ordered by ID.</summary>
public sealed partial class RuleCatalog : IRuleSet
{
    private static readonly Lazy<RuleCatalog> DefaultCatalog = new(() => new RuleCatalog(CreateRules()));

    private RuleCatalog(IReadOnlyList<ManifestRule> rules)
    {
        Rules = rules;
        Descriptors = rules.SelectMany(r => r.SupportedDiagnostics)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
        var byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in Descriptors)
        {
            if (byId.ContainsKey(descriptor.Id))
            {
                throw new InvalidOperationException($"Two rules declare {descriptor.Id}.");
            }

            byId[descriptor.Id] = descriptor;
        }

        ById = byId;
    }

    public static RuleCatalog Default => DefaultCatalog.Value;

    public IReadOnlyList<ManifestRule> Rules { get; }

    public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    public IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; }

    /// <summary>The engine's options and the ones these rules declare.</summary>
    public OptionSet Options => _options ??= new OptionSet(Rules.SelectMany(r => r.Options));

    private OptionSet? _options;

    /// <summary>
    /// The rule's PascalCase name: the class name of a rule that declares one descriptor (ReferencedKeyDoesNotExist),
    /// else the title in PascalCase.
    /// </summary>
    public string NameOf(DiagnosticDescriptor descriptor)
    {
        foreach (var rule in Rules)
        {
            if (rule.SupportedDiagnostics.Length == 1 && rule.SupportedDiagnostics[0].Id == descriptor.Id)
            {
                return rule.GetType().Name;
            }
        }

        var builder = new System.Text.StringBuilder();
        foreach (var word in descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).Split(' ', ',', '-', '/', '.', '(', ')'))
        {
            if (word.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }
        }

        return builder.ToString();
    }

    public static RuleCatalog From(IReadOnlyList<ManifestRule> rules) => new(rules);
}
