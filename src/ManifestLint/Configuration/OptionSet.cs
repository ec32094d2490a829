using Microsoft.CodeAnalysis;

namespace ManifestLint.Configuration;

/// <summary>
/// Every option a run reads: the engine's (<see cref="OptionCatalog.Engine"/>), then the ones the rules declare, in
/// that order, with the lookup by key the readers use.
/// </summary>
public sealed class OptionSet
{
    public OptionSet(IEnumerable<LintOption> ruleOptions)
    {
        RuleOptions = ruleOptions.ToArray();
        All = OptionCatalog.Engine.Concat(RuleOptions).ToArray();
        var byKey = new Dictionary<string, LintOption>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in All.Where(o => o.Key is not null))
        {
            if (byKey.ContainsKey(option.Key!))
            {
                throw new InvalidOperationException($"Two options declare the key {option.Key}.");
            }

            byKey[option.Key!] = option;
        }

        ByKey = byKey;
    }

    public IReadOnlyList<LintOption> All { get; }

    /// <summary>The options the rules declare (<c>ManifestRule.Options</c>).</summary>
    public IReadOnlyList<LintOption> RuleOptions { get; }

    /// <summary>The options read from configuration files, by key (case-insensitive, as Roslyn reads keys).</summary>
    public IReadOnlyDictionary<string, LintOption> ByKey { get; }
}

/// <summary>
/// The rules of a run as configuration sees them: the IDs and categories a configuration file may name, and the
/// options they declare. The engine's rule catalogue is one; configuration depends on this, never on the rules.
/// </summary>
public interface IRuleSet
{
    IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; }

    OptionSet Options { get; }
}
