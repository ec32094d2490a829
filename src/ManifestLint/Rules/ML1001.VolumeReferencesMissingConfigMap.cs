using System.Collections.Immutable;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class VolumeReferencesMissingConfigMap : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1001",
        "Volume references a missing ConfigMap",
        "{0} of {1} needs {2} '{3}', which is not in the linted set{4}: {5}. Add the {2} (or declare it with --external), fix the name, or set optional: true if the pod may start without it.",
        RuleCategory.References,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "A mounted configMap or secret volume (or projected source) names an object that is not in the linted set and is not optional, so the kubelet cannot set up the volume and no container of the pod starts.",
        RulePrecision.High,
        "Add the ConfigMap or Secret to the linted set, fix the name, declare it with --external, or set optional: true if the pod may start without it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var problem in ConfigReferenceProblems.Find(context.PodSpec, context.Set, context.Options))
        {
            if (problem.Cause != ReferenceProblemCause.ObjectMissing || problem.Optional || !problem.Use.IsVolume)
            {
                continue;
            }

            var use = problem.Use;
            var kind = use.Reference.KindName;
            context.ReportAt(Rule, problem.Anchor,
                ReferenceText.Capitalize(ReferenceText.Where(use)), context.Object.DisplayName, kind, problem.Resolution.Name,
                ReferenceText.NameHint(problem.Resolution, context.Set),
                ReferenceText.VolumeFailure(use.Volume!, $"{kind.ToLowerInvariant()} \"{problem.Resolution.Name}\" not found"));
        }
    });
}
