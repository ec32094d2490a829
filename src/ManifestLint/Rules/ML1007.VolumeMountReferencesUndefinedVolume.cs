using System.Collections.Immutable;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class VolumeMountReferencesUndefinedVolume : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1007",
        "volumeMount references an undefined volume",
        "{0} of {1} mounts volume '{2}'{3}, but {4}: the API rejects {1} ({5}.name: Not found). Add the volume to the pod's volumes or fix the name.",
        RuleCategory.References,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A volumeMounts entry names no volume of the pod, so the API rejects the pod with volumeMounts[i].name: Not found.",
        RulePrecision.VeryHigh,
        "Fix the volume name of the mount, or add the volume to spec.volumes.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        var pod = context.PodSpec;

        // A kustomize patch adds mounts to a base that defines the volumes: it is not a whole pod spec.
        if (context.Set.IsKustomizePatch(context.Object))
        {
            return;
        }

        HashSet<string>? claimTemplates = null;
        foreach (var container in pod.Containers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.NameNode is not { IsResolvedString: true } anchor || mount.Name is not { Length: > 0 } name || pod.FindVolume(name) is not null)
                {
                    continue;
                }

                // A StatefulSet's volumeClaimTemplates become volumes of each pod it creates.
                claimTemplates ??= new HashSet<string>(pod.ClaimTemplateVolumeNames, StringComparer.Ordinal);
                if (claimTemplates.Contains(name))
                {
                    continue;
                }

                var closest = NameSuggestion.Closest(name, pod.Volumes.Where(v => v.Name is not null).Select(v => v.Name!).Concat(claimTemplates));
                var hint = closest is null ? string.Empty : $" (did you mean '{closest}'?)";
                var volumes = pod.Volumes.Count == 0 && claimTemplates.Count == 0 ? "the pod defines no volumes" : "the pod defines no volume of that name";
                context.ReportAt(Rule, anchor,
                    ReferenceText.Capitalize(container.DisplayName), context.Object.DisplayName, name, hint, volumes, mount.Path);
            }
        }
    });
}
