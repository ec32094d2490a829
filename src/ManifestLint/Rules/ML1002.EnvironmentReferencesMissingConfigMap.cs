using System.Collections.Immutable;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class EnvironmentReferencesMissingConfigMap : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1002",
        "Environment references a missing ConfigMap",
        "The {0} in {1} reads {2} '{3}', which is not in the linted set{4}: {5}. Add the {2} (or declare it with --external), fix the name, or set optional: true if the container may start without it.",
        RuleCategory.References,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "A configMapKeyRef, secretKeyRef, configMapRef or secretRef names an object that is not in the linted set and is not optional, so that container fails with CreateContainerConfigError (an init container also holds back every container after it).",
        RulePrecision.High,
        "Add the ConfigMap or Secret to the linted set, fix the name, declare it with --external, or set optional: true if the container may start without it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var problem in ConfigReferenceProblems.Find(context.PodSpec, context.Set, context.Options))
        {
            if (problem.Cause != ReferenceProblemCause.ObjectMissing || problem.Optional || problem.Use.IsVolume)
            {
                continue;
            }

            var use = problem.Use;
            var kind = use.Reference.KindName;
            context.ReportAt(Rule, problem.Anchor,
                ReferenceText.Where(use), context.Object.DisplayName, kind, problem.Resolution.Name,
                ReferenceText.NameHint(problem.Resolution, context.Set),
                ReferenceText.EnvironmentFailure(use.Container!, $"{kind.ToLowerInvariant()} \"{problem.Resolution.Name}\" not found"));
        }
    });
}
