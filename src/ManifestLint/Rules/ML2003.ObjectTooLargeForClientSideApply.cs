using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class ObjectTooLargeForClientSideApply : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2003",
        "Object too large for client-side apply",
        "Client-side kubectl apply would give {0} {1} bytes of annotations (the object as {2} bytes of JSON in {3}, plus its own annotations), more than the {4} the API allows, so it fails with \"metadata.annotations: Too long\". Use kubectl apply --server-side, kubectl create or kubectl replace, which store no such annotation.",
        RuleCategory.Content,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "Client-side kubectl apply stores the whole object as compact JSON in the kubectl.kubernetes.io/last-applied-configuration annotation, and the API limits all annotations of an object to 262,144 bytes.",
        RulePrecision.VeryHigh,
        "Apply the object with kubectl apply --server-side, or with kubectl create and kubectl replace.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        if (ClientSideApplySize.CertainlyWithinLimit(context.Object))
        {
            return;
        }

        var size = ClientSideApplySize.Of(context.Object);
        if (!size.ExceedsLimit)
        {
            return;
        }

        // A cluster-scoped object (the usual case: a CustomResourceDefinition) has no namespace to show.
        var obj = context.Object;
        var name = ClusterScopedKinds.Contains(obj.Kind) && obj.Name is not null ? $"{obj.Kind} {obj.Name}" : obj.DisplayName;
        context.ReportAt(Rule, obj.AnchorNode,
            name, MessageText.Count(size.TotalAnnotationBytes), MessageText.Count(size.LastAppliedValueBytes),
            ClientSideApplySize.LastAppliedAnnotation, MessageText.Count(ClientSideApplySize.MaxAnnotationBytes));
    });
}
