using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ReferencedKeyDoesNotExist : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1003",
        "Referenced key does not exist",
        "{0} has no key '{1}'{2} for {3} in {4}: {5}. Add the key, fix it, or set optional: true to {6}.",
        RuleCategory.References,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A configMapKeyRef, secretKeyRef or items[].key names a key the ConfigMap or Secret in the set does not have, and the reference is not optional, so the container (environment) or the whole pod (volume) cannot start.",
        RulePrecision.High,
        "Fix the key, add it to the ConfigMap or Secret, or set optional: true on the reference if the container can do without it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var problem in ConfigReferenceProblems.Find(context.PodSpec, context.Set, context.Options))
        {
            if (problem.Cause != ReferenceProblemCause.KeyMissing || problem.Optional)
            {
                continue;
            }

            var use = problem.Use;
            var target = problem.Resolution.Target!;
            var key = problem.Key!;
            var keys = problem.Item is null ? target.EnvironmentKeys : target.VolumeKeys;
            var hint = ReferenceText.KeySuggestion(key, keys) is { } meant
                ? FixHints.ReplaceScalar(context.Object.FileOf(problem.Anchor), problem.Anchor, FixHints.ScalarTextFor(meant, problem.Anchor.Style), $"Use key '{meant}'")
                : null;
            var (reference, failure, optional) = problem.Item is { } item
                ? ($"items[{item.Index}] of {ReferenceText.Where(use)}", ReferenceText.VolumeFailure(use.Volume!, MountError(target, key)), "skip a missing item")
                : (ReferenceText.Where(use), ReferenceText.EnvironmentFailure(use.Container!, $"couldn't find key {key} in {target.KindName} {target.Namespace}/{target.Name}"), "leave the variable unset");

            context.ReportAt(Rule, problem.Anchor, ReferenceText.DefinedAt(target.Definitions), hint,
                target.DisplayName, key, ReferenceText.KeyHint(key, keys), reference, context.Object.DisplayName, failure, optional);
        }
    });

    /// <summary>The kubelet's MakePayload error: the two volume plugins word it differently.</summary>
    private static string MountError(ConfigSourceGroup target, string key) => target.Kind == ConfigKind.ConfigMap
        ? $"configmap references non-existent config key: {key}"
        : $"references non-existent secret key: {key}";
}
