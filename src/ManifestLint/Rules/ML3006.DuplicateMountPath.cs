using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class DuplicateMountPath : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3006",
        "Duplicate mountPath",
        "{0}, {1}: {2}",
        RuleCategory.Volumes,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "Two mounts of one container at the same mountPath are rejected by the API; at paths that differ only in spelling (/p and /p/) they are accepted but land on the same directory at run time.",
        RulePrecision.VeryHigh,
        "Give each volume mount its own mountPath, or remove the mount you do not need.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            if (container.VolumeMounts.Count < 2)
            {
                continue;
            }

            var seen = new PathRepeats<VolumeMount>();
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.MountPathNode is not { } anchor || string.IsNullOrEmpty(mount.MountPath))
                {
                    continue;
                }

                var path = mount.MountPath!;
                var normalized = VolumePath.NormalizeMountPath(path);
                switch (seen.Add(path, normalized, mount))
                {
                    case (var first, PathRepeat.Exact):
                        Report(context, container, anchor, first,
                            $"volume '{mount.Name}' and volume '{first.Name}' are both mounted at {path}; the API rejects the pod (mountPath must be unique). Mount one of them elsewhere.");
                        break;
                    case (var first, PathRepeat.Normalized):
                        Report(context, container, anchor, first,
                            $"volume '{mount.Name}' is mounted at {path} and volume '{first.Name}' at {first.MountPath}, which is the same directory ({normalized}); the API accepts it, but at run time one mount covers the other. Mount one of them elsewhere.");
                        break;
                }
            }
        }
    });

    private static void Report(PodSpecAnalysisContext context, Container container, YamlNode anchor, VolumeMount first, string text)
    {
        var related = new[] { new RelatedLocation(context.Object.FileOf(first.MountPathNode!), first.MountPathNode!, $"the first mount at {first.MountPath}") };
        context.ReportAt(Rule, anchor, related, context.Object.DisplayName, container.DisplayName, text);
    }
}
