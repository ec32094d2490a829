using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ReferenceNameIsInvalid : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1011",
        "Reference name is not a valid object name",
        "{0} in {1} of {2} is not a valid object name (object names are lowercase RFC 1123 subdomains: a-z, 0-9, '-' and '.', alphanumeric at both ends, at most 253 characters), so no {3} can have it: {4}. Use the {3}'s real name.",
        RuleCategory.References,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A referenced ConfigMap or Secret name is not a DNS-1123 subdomain, so no such object can ever exist: the API rejects it in environment references and accepts it in volumes, where the pod then never starts.",
        RulePrecision.VeryHigh,
        "Use the object's real name, which is always lowercase.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var problem in ConfigReferenceProblems.Find(context.PodSpec, context.Set, context.Options))
        {
            if (problem.Cause != ReferenceProblemCause.InvalidName)
            {
                continue;
            }

            var use = problem.Use;
            var kind = use.Reference.KindName;
            var name = problem.Resolution.Name;
            var shown = name.Length == 0 ? $"An empty {kind} name" : $"{kind} name '{name}'";
            context.ReportAt(Rule, problem.Anchor,
                shown, ReferenceText.Where(use), context.Object.DisplayName, kind, Consequence(problem, context.Object.DisplayName));
        }
    });

    /// <summary>What happens depends on which validation the field gets (docs/kubernetes-behaviour.md#names).</summary>
    private static string Consequence(ReferenceProblem problem, string objectName)
    {
        var use = problem.Use;
        var name = problem.Resolution.Name;
        var apiRejects = use.Site switch
        {
            // validateConfigMapKeySelector checks the name as a subdomain, optional or not.
            ConfigReferenceSite.EnvKey => true,

            // validateConfigMapEnvSource checks it as a name prefix: a trailing '-' is tolerated there.
            ConfigReferenceSite.EnvFrom => name.Length == 0 || !ObjectNames.IsDns1123Subdomain(MaskTrailingDash(name)),

            // Volumes only require a non-empty name.
            _ => name.Length == 0,
        };

        if (apiRejects)
        {
            return $"the API rejects {objectName}";
        }

        if (problem.Optional)
        {
            return use.IsVolume
                ? $"the API accepts it, but the optional volume '{use.Volume!.Name}' is always mounted empty"
                : $"the API accepts it, but the optional source is always skipped and {use.Container!.DisplayName} never gets its variables";
        }

        return "the API accepts it, but " + ReferenceText.Failure(use);
    }

    /// <summary>apimachinery's maskTrailingDash, quirk included: it replaces the last two characters by "a".</summary>
    private static string MaskTrailingDash(string name) =>
        name.Length > 1 && name[name.Length - 1] == '-' ? name.Substring(0, name.Length - 2) + "a" : name;
}
