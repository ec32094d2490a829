using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ReadOnlyFalseHasNoEffect : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3009",
        "readOnly: false has no effect",
        "{0}, {1}: readOnly: false on the mount of {2} volume '{3}' is ignored: the kubelet always mounts {2} volumes read-only, and writes fail with 'Read-only file system'. Remove the line; to change the files at run time, copy them into an emptyDir volume in an init container.",
        RuleCategory.Volumes,
        DiagnosticSeverity.Info,
        enabledByDefault: true,
        "configMap, secret, downwardAPI and projected volumes are always mounted read-only, whatever the mount says; readOnly: false promises a writable directory that the container does not get.",
        RulePrecision.Medium,
        "Remove readOnly: false, or copy the files into an emptyDir volume if the application must change them.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.ReadOnlyNode is not { Resolved: { Type: ScalarType.Bool, Bool: false } } anchor
                    || context.PodSpec.FindVolume(mount.Name) is not { IsAlwaysReadOnly: true } volume)
                {
                    continue;
                }

                // The line says nothing the kubelet reads: removing it leaves the mount exactly as it is.
                var hint = mount.Node.GetEntry("readOnly") is { } entry
                    ? FixHints.RemoveEntry(context.Object.FileOf(mount.Node), mount.Node, entry, "Remove readOnly: false")
                    : null;
                context.ReportAt(Rule, anchor, null, hint, context.Object.DisplayName, container.DisplayName, volume.SourceName, volume.Name);
            }
        }
    });
}
