using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>
/// Creates descriptors the same way for every rule: help link derived from the ID, category tag, and the two facts a
/// Roslyn descriptor has no field for, which every rule must state: its precision and a one-sentence remediation.
/// </summary>
/// <remarks>
/// As in roslyn-analyzers (<c>DiagnosticDescriptorHelper.Create(..., RuleLevel ruleLevel, ...)</c>) and the MSTest
/// analyzers, a classification the descriptor cannot hold is a required parameter of the factory and travels as a
/// custom tag (<c>precision:high</c>), so it stays on the descriptor wherever Roslyn takes it (the analyzer package's
/// diagnostics, a compiler's SARIF log). A sentence is not a tag: the remediation is kept beside the descriptor
/// instance, read with <see cref="RemediationOf"/>.
/// </remarks>
public static class RuleDescriptor
{
    public const string HelpBaseUri = "https://github.com/manifestlint/manifestlint/blob/main/rules/";

    /// <summary>The custom tag that carries the precision: <c>precision:</c> and the SARIF value (<c>precision:very-high</c>).</summary>
    public const string PrecisionTagPrefix = "precision:";

    private static readonly ConditionalWeakTable<DiagnosticDescriptor, string> Remediations = new();

    /// <param name="precision">How often a finding is a real problem (SARIF <c>precision</c>); no default.</param>
    /// <param name="remediation">How to fix a finding, in one sentence (the page header and the SARIF help show it).</param>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        bool enabledByDefault,
        string description,
        RulePrecision precision,
        string remediation)
    {
        if (string.IsNullOrWhiteSpace(remediation))
        {
            throw new ArgumentException($"{id}: state how to fix a finding.", nameof(remediation));
        }

        var descriptor = new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            enabledByDefault,
            description,
            HelpUri(id),
            category,
            PrecisionTagPrefix + PrecisionName(precision));
        Remediations.Add(descriptor, remediation);
        return descriptor;
    }

    public static string HelpUri(string id) => HelpBaseUri + id + ".md";

    /// <summary>The SARIF value of a precision: <c>very-high</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public static string PrecisionName(RulePrecision precision) => precision switch
    {
        RulePrecision.VeryHigh => "very-high",
        RulePrecision.High => "high",
        RulePrecision.Medium => "medium",
        RulePrecision.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Not a precision."),
    };

    /// <summary>The precision the rule declared, as its SARIF value; an error for a descriptor that states none.</summary>
    public static string PrecisionOf(DiagnosticDescriptor descriptor)
    {
        foreach (var tag in descriptor.CustomTags)
        {
            if (tag.StartsWith(PrecisionTagPrefix, StringComparison.Ordinal))
            {
                return tag.Substring(PrecisionTagPrefix.Length);
            }
        }

        throw new InvalidOperationException($"{descriptor.Id} states no precision: create it with {nameof(RuleDescriptor)}.{nameof(Create)}.");
    }

    /// <summary>The rule's one-sentence remediation; an error for a descriptor not made by <see cref="Create"/>.</summary>
    public static string RemediationOf(DiagnosticDescriptor descriptor) =>
        Remediations.TryGetValue(descriptor, out var remediation)
            ? remediation
            : throw new InvalidOperationException($"{descriptor.Id} states no remediation: create it with {nameof(RuleDescriptor)}.{nameof(Create)}.");
}
