using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class SubPathNamesMissingFile : ManifestRule
{
    private const int MaxListedFiles = 5;

    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1006",
        "subPath names a file the volume does not contain",
        "subPath '{0}' of {1} in {2} names no file of volume '{3}' ({4}; {5}): the kubelet mounts an empty read-only directory at '{6}' instead of the file. Name a key or an items path of the volume{7}.",
        RuleCategory.References,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A subPath into a configMap, secret or projected volume whose sources are in the set names neither a key nor an items path (nor a directory above one), so the kubelet mounts an empty read-only directory instead of the file.",
        RulePrecision.High,
        "Name a key of the volume's ConfigMap or Secret, or one of its items[].path entries when it lists items.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        var pod = context.PodSpec;
        Dictionary<Volume, VolumeFiles?>? filesByVolume = null;
        foreach (var container in pod.Containers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.SubPath is not { } subPath || mount.SubPathNode is not { IsResolvedString: true } anchor
                    || VolumeFiles.Clean(subPath) is not { } clean || clean.StartsWith("..", StringComparison.Ordinal)
                    || pod.FindVolume(mount.Name) is not { } volume)
                {
                    continue;
                }

                filesByVolume ??= new Dictionary<Volume, VolumeFiles?>();
                if (!filesByVolume.TryGetValue(volume, out var files))
                {
                    filesByVolume[volume] = files = VolumeFiles.Of(volume, context.Set, context.Options);
                }

                if (files is null || files.Contains(clean))
                {
                    continue;
                }

                var listed = files.Files.OrderBy(f => f, StringComparer.Ordinal).Take(MaxListedFiles).Select(f => $"'{f}'").ToList();
                var contents = files.Files.Count == 0
                    ? "it contains no files"
                    : $"its files are {string.Join(", ", listed)}{(files.Files.Count > MaxListedFiles ? ", ..." : string.Empty)}";
                context.ReportAt(Rule, anchor, ReferenceText.DefinedAt(files.Sources.SelectMany(s => s.Definitions)),
                    subPath, container.DisplayName, context.Object.DisplayName, volume.Name,
                    Describe(volume, files), contents, mount.MountPath, ReferenceText.KeyHint(clean, files.Files));
            }
        }
    });

    private static string Describe(Volume volume, VolumeFiles files)
    {
        var sources = string.Join(", ", files.Sources.Select(s => s.DisplayName));
        if (volume.SourceKind != VolumeSourceKind.Projected)
        {
            return "from " + sources;
        }

        return sources.Length == 0 ? "a projected volume" : "a projected volume with " + sources;
    }
}
