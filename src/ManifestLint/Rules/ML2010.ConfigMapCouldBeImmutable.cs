using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ConfigMapCouldBeImmutable : ManifestRule
{
    private const int MaxRelatedUses = 3;

    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2010",
        "ConfigMap could be immutable",
        "{0} is read only through {1} ({2} of {3}{4}), which never see later changes. Mark it immutable: true and roll out changes under a new name: pods stay consistent and the kubelet stops watching it.",
        RuleCategory.Content,
        DiagnosticSeverity.Info,
        enabledByDefault: false,
        "A ConfigMap or Secret that pods read only through environment variables or subPath mounts never reaches running containers when it changes; marking it immutable makes that explicit and lets the kubelet stop watching it.",
        RulePrecision.Medium,
        "Add immutable: true and roll out changes under a new name (kustomize's configMapGenerator does this).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        var obj = context.Object;
        if (obj.Name is null || ConfigData.From(obj)!.Immutable)
        {
            return;
        }

        var uses = context.Set.Graph.ReferencesTo(obj.Identity).Where(u => u.IsContainerUse).ToList();
        if (uses.Count == 0 || uses.Any(u => u.SeesUpdates))
        {
            return;
        }

        var related = uses.Take(MaxRelatedUses)
            .Select(u => new RelatedLocation(u.File, u.Range, $"Read here by {u.ContainerName} of {u.OwnerName} ({Describe(u.Kind)})."))
            .ToArray();
        var first = uses[0];
        var others = uses.Count > 1 ? $" and {uses.Count - 1} more" : string.Empty;
        context.ReportAt(Rule, obj.AnchorNode, related,
            obj.DisplayName, Channels(uses), first.ContainerName, first.OwnerName, others);
    }, "ConfigMap", "Secret");

    private static string Channels(IReadOnlyList<ReferenceEdge> uses)
    {
        var env = uses.Any(u => u.Kind is ReferenceEdgeKind.EnvironmentVariable or ReferenceEdgeKind.EnvFrom);
        var subPath = uses.Any(u => u.Kind == ReferenceEdgeKind.SubPathMount);
        return env && subPath ? "environment variables and subPath mounts" : env ? "environment variables" : "subPath mounts";
    }

    private static string Describe(ReferenceEdgeKind kind) => kind switch
    {
        ReferenceEdgeKind.EnvironmentVariable => "an environment variable",
        ReferenceEdgeKind.EnvFrom => "envFrom",
        _ => "a subPath mount",
    };
}
