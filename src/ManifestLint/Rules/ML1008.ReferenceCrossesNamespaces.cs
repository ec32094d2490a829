using System.Collections.Immutable;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ReferenceCrossesNamespaces : ManifestRule
{
    // RS1032 wants a format of several sentences to end with a period; the last sentence, {7}, is optional: a parenthesised note on the assumed namespace, or nothing.
#pragma warning disable RS1032
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1008",
        "Reference crosses namespaces",
        "{0} '{1}', read by {2}, is in namespace {3}, but {4} runs in '{5}' and pods only see {0}s of their own namespace: {6}. Create the {0} in '{5}' or move the workload.{7}",
        RuleCategory.References,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "The referenced ConfigMap or Secret is in the linted set only in another namespace than the pod's; pods can only use objects of their own namespace, so Kubernetes treats it as missing.",
        RulePrecision.High,
        "Create the ConfigMap or Secret in the pod's namespace or move the workload, and lint with --namespace when the manifests are applied with -n.");
#pragma warning restore RS1032

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var problem in ConfigReferenceProblems.Find(context.PodSpec, context.Set, context.Options))
        {
            if (problem.Cause != ReferenceProblemCause.ObjectInOtherNamespace || problem.Optional)
            {
                continue;
            }

            var resolution = problem.Resolution;
            var kind = problem.Use.Reference.KindName;
            var namespaces = resolution.Elsewhere.Select(s => s.Namespace!).Distinct(StringComparer.Ordinal).ToList();
            context.ReportAt(Rule, problem.Anchor, ReferenceText.DefinedAt(resolution.Elsewhere),
                kind, resolution.Name, ReferenceText.Where(problem.Use), string.Join(", ", namespaces.Select(n => $"'{n}'")),
                context.Object.DisplayName, resolution.Namespace, ReferenceText.Failure(problem.Use), DefaultNamespaceHint(problem, namespaces, context.Set.DefaultNamespace));
        }
    });

    /// <summary>
    /// The message's last sentence, with its leading space, or empty. A manifest without <c>metadata.namespace</c> lands in whatever namespace it is applied to; the linter
    /// assumed the run's default. Say so, since <c>kubectl apply -n</c> may put both objects together.
    /// </summary>
    private static string DefaultNamespaceHint(ReferenceProblem problem, IReadOnlyList<string> namespaces, string defaultNamespace)
    {
        var pod = problem.Use.Pod.Owner;
        if (pod.HasExplicitNamespace && problem.Resolution.Elsewhere.Any(s => s.WrittenWithoutNamespace))
        {
            return $" (The {problem.Use.Reference.KindName}'s manifest names no namespace, so it was taken as '{defaultNamespace}'; if you apply it with -n {pod.Namespace}, lint with --namespace {pod.Namespace}.)";
        }

        if (!pod.HasExplicitNamespace && namespaces.Count == 1)
        {
            return $" ({pod.DisplayName}'s manifest names no namespace, so it was taken as '{defaultNamespace}'; if you apply it with -n {namespaces[0]}, lint with --namespace {namespaces[0]}.)";
        }

        return string.Empty;
    }
}
