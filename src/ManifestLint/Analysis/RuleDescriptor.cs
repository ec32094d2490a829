using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>Creates descriptors the same way for every rule: help link derived from the ID, category tag.</summary>
public static class RuleDescriptor
{
    public const string HelpBaseUri = "https://github.com/manifestlint/manifestlint/blob/main/rules/";

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        bool enabledByDefault,
        string description) =>
        new(
            id,
            title,
            messageFormat,
            category,
            severity,
            enabledByDefault,
            description,
            HelpUri(id),
            category);

    public static string HelpUri(string id) => HelpBaseUri + id + ".md";
}
