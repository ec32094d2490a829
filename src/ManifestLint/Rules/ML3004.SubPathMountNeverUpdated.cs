using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class SubPathMountNeverUpdated : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3004",
        "subPath mount never receives updates",
        "{0}, {1}: the {2} mount of volume '{3}' at {4} is a bind mount of the volume's data as it was when the container started, so it keeps its old content when {5} changes; only a new container sees updates. Mount the whole volume in another directory and make {4} a symbolic link to the file there{6}.",
        RuleCategory.Volumes,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "A subPath or subPathExpr mount of a configMap, secret or projected volume bind-mounts one file of the current data, bypassing the ..data symlink swap, so the container never sees later changes of the ConfigMap or Secret.",
        RulePrecision.VeryHigh,
        "Mount the whole volume in a directory of its own and link the file from there, or make the ConfigMap immutable and roll out changes under a new name.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            // An init container has finished before any update could matter (a sidecar, restartPolicy: Always, keeps
            // running); ephemeral containers cannot use subPath at all (docs/kubernetes-behaviour.md#volume-mounts).
            if (container.Kind == ContainerKind.Ephemeral
                || (container.Kind == ContainerKind.Init && container.Node.GetString("restartPolicy") != "Always"))
            {
                continue;
            }

            foreach (var mount in container.VolumeMounts)
            {
                var (anchor, field) = mount.SubPath is not null ? (mount.SubPathNode, "subPath")
                    : !string.IsNullOrEmpty(mount.SubPathExpr) ? (mount.SubPathExprNode, "subPathExpr")
                    : (null, null);
                if (anchor is null
                    || context.PodSpec.FindVolume(mount.Name) is not { SourceKind: VolumeSourceKind.ConfigMap or VolumeSourceKind.Secret or VolumeSourceKind.Projected } volume
                    || context.Set.Graph.IsImmutable(volume))
                {
                    continue;
                }

                var mountPath = string.IsNullOrEmpty(mount.MountPath) ? "its mountPath" : mount.MountPath;
                context.ReportAt(Rule, anchor, context.Object.DisplayName, container.DisplayName, field, volume.Name, mountPath, Sources(volume), ImmutableAlternative(volume));
            }
        }
    });

    /// <summary>Immutable objects silence the rule, so suggest it where every source is a ConfigMap or Secret.</summary>
    private static string ImmutableAlternative(Volume volume) =>
        References(volume) is { Count: > 0 } names
            ? $", or make {string.Join(" and ", names)} immutable and roll out changes under a new name"
            : string.Empty;

    /// <summary><c>ConfigMap 'app-config'</c>, or the projected volume's sources joined.</summary>
    private static string Sources(Volume volume) =>
        References(volume) is { Count: > 0 } names ? string.Join(" or ", names) : "one of its sources";

    /// <summary>The ConfigMaps and Secrets behind the volume; null when it also has other sources.</summary>
    private static List<string>? References(Volume volume)
    {
        var names = new List<string>();
        foreach (var projection in volume.Projections)
        {
            if (projection.Reference is not { Name: { Length: > 0 } } reference)
            {
                // Downward API fields and service account tokens change too.
                return null;
            }

            names.Add($"{reference.KindName} '{reference.Name}'");
        }

        return names;
    }
}
