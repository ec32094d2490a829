namespace ManifestLint.Analysis;

/// <summary>
/// How often a finding of the rule is a real problem: SARIF's <c>precision</c> property, by which GitHub code scanning
/// sorts and filters alerts. Every rule states it in its <see cref="RuleDescriptor.Create"/> call; there is no default
/// (the zero value is not a member, so a forgotten one fails at start-up and in CatalogTests).
/// </summary>
public enum RulePrecision
{
    /// <summary>The finding follows the API's own validation or the kubelet's behaviour: it is a real problem wherever it is reported.</summary>
    VeryHigh = 1,

    /// <summary>The finding depends on what the linted set contains (a ConfigMap may exist outside it).</summary>
    High = 2,

    /// <summary>An advisory note: often intended, sometimes a problem.</summary>
    Medium = 3,

    /// <summary>A guess that is often wrong (no rule uses it today).</summary>
    Low = 4,
}
