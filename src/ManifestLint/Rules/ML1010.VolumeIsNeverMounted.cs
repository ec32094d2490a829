using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class VolumeIsNeverMounted : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1010",
        "Volume is never mounted",
        "Volume '{0}' of {1} is not mounted by any container: {2}. Add a volumeMounts entry for it, or remove the volume.",
        RuleCategory.References,
        DiagnosticSeverity.Info,
        enabledByDefault: true,
        "A pod volume that no container mounts (or attaches as a device); the kubelet skips it, so its content is visible nowhere.",
        RulePrecision.Medium,
        "Mount the volume in the container that needs its files, or delete the volume.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        var pod = context.PodSpec;

        // A kustomize patch may add a volume that its base's containers mount; a spec without containers is a fragment too.
        if (pod.Containers.Count == 0 || context.Set.IsKustomizePatch(context.Object))
        {
            return;
        }

        foreach (var volume in pod.Volumes)
        {
            if (volume.NameNode is not { IsResolvedString: true } anchor || volume.Name is not { Length: > 0 } || pod.IsUsed(volume))
            {
                continue;
            }

            var consequence = volume.Projections.Any(p => p.Reference is not null)
                ? "the kubelet skips it, so its files are visible in no container (and a missing ConfigMap or Secret behind it blocks nothing)"
                : "the kubelet skips it, so it is visible in no container";
            context.ReportAt(Rule, anchor, volume.Name, context.Object.DisplayName, consequence);
        }
    });
}
