using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class EnvironmentVariableReadsBinaryDataKey : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1004",
        "Environment variable reads a binaryData key",
        "Key '{0}' of {1}, read by {2} in {3}, exists only in binaryData, which never reaches environment variables, so the kubelet treats it as missing: {4}. Move the value to data, or mount the ConfigMap as a volume and read the file.",
        RuleCategory.References,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A configMapKeyRef names a key that exists only in the ConfigMap's binaryData; binaryData never reaches environment variables, so the container fails as if the key were missing.",
        RulePrecision.High,
        "Move a text value from binaryData to data, or mount the ConfigMap as a volume and read the file instead.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var problem in ConfigReferenceProblems.Find(context.PodSpec, context.Set, context.Options))
        {
            if (problem.Cause != ReferenceProblemCause.KeyOnlyInBinaryData || problem.Optional)
            {
                continue;
            }

            var use = problem.Use;
            var target = problem.Resolution.Target!;
            // A data key close to the binaryData one is likely the one meant (tls-crt in binaryData, tls.crt in data).
            var hint = ReferenceText.KeySuggestion(problem.Key!, target.EnvironmentKeys) is { } meant
                ? FixHints.ReplaceScalar(context.Object.FileOf(problem.Anchor), problem.Anchor, FixHints.ScalarTextFor(meant, problem.Anchor.Style), $"Use key '{meant}' of data")
                : null;
            context.ReportAt(Rule, problem.Anchor, ReferenceText.DefinedAt(target.Definitions), hint,
                problem.Key, target.DisplayName, ReferenceText.Where(use), context.Object.DisplayName,
                ReferenceText.EnvironmentFailure(use.Container!, $"couldn't find key {problem.Key} in ConfigMap {target.Namespace}/{target.Name}"));
        }
    });
}
