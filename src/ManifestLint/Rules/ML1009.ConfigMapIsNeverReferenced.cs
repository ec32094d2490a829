using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ConfigMapIsNeverReferenced : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1009",
        "ConfigMap or Secret is never referenced",
        "{0} is not referenced by any pod spec of the linted set (env, envFrom, volumes, imagePullSecrets, volume plugin credentials). Delete it if nothing reads it; suppress this note if an operator or an application reads it through the API.",
        RuleCategory.References,
        DiagnosticSeverity.Info,
        enabledByDefault: false,
        "A ConfigMap or Secret of the set that no pod spec of the set references; it may be dead configuration, or read by an operator or an application through the API.",
        RulePrecision.Medium,
        "Delete the object if nothing reads it, or fix the reference that was meant to use it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        // Only objects written in manifests: generated, produced and implicit objects are not the user's to delete.
        var obj = context.Object;
        if (obj.Name is null || obj.NameNode is not { } name || context.Set.Graph.ReferencesTo(obj.Identity).Count > 0)
        {
            return;
        }

        context.ReportAt(Rule, name, obj.DisplayName);
    }, "ConfigMap", "Secret");
}
