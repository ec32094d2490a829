using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model.Schema;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class UnknownField : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0006",
        "Unknown field",
        "'{0}' is not a field of {1}: kubectl's strict validation rejects it, and with validation off it is silently dropped.{2}",
        RuleCategory.Input,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "Field names are case-sensitive. kubectl's default strict validation rejects a field the API does not know, and with validation off the field is silently dropped.",
        RulePrecision.VeryHigh,
        "Correct the field's spelling (the message suggests the closest field), or remove the field.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        foreach (var violation in SchemaChecker.Check(context.Object))
        {
            if (violation.Kind == ViolationKind.UnknownField)
            {
                context.ReportAt(Rule, violation.Entry.Key, MessageText.Shorten(violation.Entry.Name!), violation.Structure.DisplayName, Advice(violation));
            }
        }
    });

    /// <summary>The message's last sentence, with its leading space: what to do instead, when the rule can tell; else empty.</summary>
    private static string Advice(SchemaViolation violation)
    {
        var name = violation.Entry.Name!;
        if (name == "namespace" && violation.Structure.Fields.ContainsKey("name"))
        {
            return " A pod can only reference objects in its own namespace; remove the field.";
        }

        var suggestion = NameSuggestion.Closest(name, violation.Structure.Fields.Keys);
        return suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
    }
}
