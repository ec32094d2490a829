using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>The rules of the engine, discovered by reflection, and their descriptors ordered by ID.</summary>
public sealed class RuleCatalog
{
    private static readonly Lazy<RuleCatalog> DefaultCatalog = new(() => Discover(typeof(RuleCatalog).Assembly));

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

    public static RuleCatalog Discover(params Assembly[] assemblies)
    {
        var rules = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ManifestRule).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ManifestRule)Activator.CreateInstance(t)!)
            .ToArray();
        return new RuleCatalog(rules);
    }

    public static RuleCatalog From(IReadOnlyList<ManifestRule> rules) => new(rules);
}
