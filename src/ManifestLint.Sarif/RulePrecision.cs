namespace ManifestLint.Sarif;

/// <summary>
/// SARIF's <c>precision</c> property (GitHub sorts and filters alerts by it): how often a finding of the rule is
/// a real problem. Rules that follow the API's own validation are very high; rules that depend on what the
/// linted set contains (a ConfigMap may exist outside it) are high; advisory notes are medium.
/// </summary>
public static class RulePrecision
{
    public static string Of(string ruleId) => ruleId switch
    {
        "ML1001" or "ML1002" or "ML1003" or "ML1004" or "ML1006" or "ML1008" or "ML4001" or "ML4002" or "ML4007" => "high",
        "ML1005" or "ML1009" or "ML1010" or "ML2008" or "ML2010" or "ML3003" or "ML3009" or "ML4003" => "medium",
        _ => "very-high",
    };
}
