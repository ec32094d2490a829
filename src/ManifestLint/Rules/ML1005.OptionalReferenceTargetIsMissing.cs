using System.Collections.Immutable;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class OptionalReferenceTargetIsMissing : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1005",
        "Optional reference target is missing",
        "The optional {0} in {1} finds nothing: {2}, so {3}. Fix the name if it is a typo; otherwise this is the intended fallback.",
        RuleCategory.References,
        DiagnosticSeverity.Info,
        enabledByDefault: false,
        "A reference marked optional: true names an object or key that is not in the linted set; Kubernetes starts the pod without it, so a typo in the name fails silently.",
        RulePrecision.Medium,
        "Fix the name or key if it is a typo; if the fallback is intended, nothing needs to change.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var problem in ConfigReferenceProblems.Find(context.PodSpec, context.Set, context.Options))
        {
            if (!problem.Optional || problem.Cause == ReferenceProblemCause.InvalidName)
            {
                continue;
            }

            var resolution = problem.Resolution;
            var kind = problem.Use.Reference.KindName;
            var target = resolution.Target;
            var (what, related) = problem.Cause switch
            {
                ReferenceProblemCause.ObjectMissing =>
                    ($"{kind} '{resolution.Name}' is not in the linted set{ReferenceText.NameHint(resolution, context.Set)}", Array.Empty<RelatedLocation>()),
                ReferenceProblemCause.ObjectInOtherNamespace =>
                    ($"{kind} '{resolution.Name}' is only in namespace {string.Join(", ", resolution.Elsewhere.Select(s => $"'{s.Namespace}'").Distinct())}, which pods in '{resolution.Namespace}' cannot read",
                        ReferenceText.DefinedAt(resolution.Elsewhere)),
                ReferenceProblemCause.KeyOnlyInBinaryData =>
                    ($"key '{problem.Key}' of {target!.DisplayName} exists only in binaryData, which never reaches environment variables", ReferenceText.DefinedAt(target.Definitions)),
                _ =>
                    ($"{target!.DisplayName} has no key '{problem.Key}'{ReferenceText.KeyHint(problem.Key!, problem.Item is null ? target.EnvironmentKeys : target.VolumeKeys)}", ReferenceText.DefinedAt(target.Definitions)),
            };

            context.ReportAt(Rule, problem.Anchor, related,
                ReferenceText.Where(problem.Use), context.Object.DisplayName, what, ReferenceText.OptionalOutcome(problem));
        }
    });
}
