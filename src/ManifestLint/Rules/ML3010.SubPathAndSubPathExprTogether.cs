using System.Collections.Immutable;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class SubPathAndSubPathExprTogether : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3010",
        "subPath and subPathExpr together",
        "{0}, {1}: the mount of volume '{2}' sets both subPath and subPathExpr; the API rejects the pod (subPathExpr and subPath are mutually exclusive). Keep subPath for a fixed path, or subPathExpr to expand $(VAR) references.",
        RuleCategory.Volumes,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A volume mount may set subPath or subPathExpr, not both; the API rejects a pod that sets both.",
        RulePrecision.VeryHigh,
        "Keep subPath for a fixed path or subPathExpr for one that depends on a variable, not both.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.SubPath is not null && !string.IsNullOrEmpty(mount.SubPathExpr) && mount.SubPathExprNode is { } anchor)
                {
                    context.ReportAt(Rule, anchor, context.Object.DisplayName, container.DisplayName, mount.Name);
                }
            }
        }
    });
}
