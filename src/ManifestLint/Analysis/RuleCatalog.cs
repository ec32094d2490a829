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
