using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class DuplicateItemPath : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3008",
        "Duplicate item path",
        "{0}, volume '{1}': {2}",
        RuleCategory.Volumes,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "Two items of one volume write the same file: in a configMap, secret or downwardAPI volume the later one silently wins; in a projected volume the API rejects the pod (conflicting duplicate paths), so that case is reported as an error.",
        RulePrecision.VeryHigh,
        "Give each item its own path, or remove the item you do not need.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var volume in context.PodSpec.Volumes)
        {
            var projected = volume.SourceKind == VolumeSourceKind.Projected;
            var seen = new PathRepeats<KeyToPath>();
            foreach (var projection in volume.Projections)
            {
                foreach (var item in projection.Items)
                {
                    if (item.PathNode is not { } anchor || string.IsNullOrEmpty(item.Path))
                    {
                        continue;
                    }

                    var path = item.Path!;
                    var clean = VolumePath.Clean(path);
                    switch (seen.Add(path, clean, item))
                    {
                        case (var first, PathRepeat.Exact) when projected:
                            // validateProjectionSources keeps one set of paths for all sources
                            // (docs/kubernetes-behaviour.md#volume-items-and-modes).
                            Report(context, DiagnosticSeverity.Error, volume, anchor, first,
                                $"'{path}' is written by {Describe(first)} and again by {Describe(item)}; the API rejects the pod (conflicting duplicate paths). Give each item its own path.");
                            break;
                        case (var first, PathRepeat.Exact) when !IsSameItem(first, item):
                            // MakePayload fills a map in item order: the later item overwrites the earlier one.
                            Report(context, DiagnosticSeverity.Warning, volume, anchor, first,
                                $"'{path}' is written by {Describe(first)} and again by {Describe(item)}; Kubernetes silently keeps only the later one. Give each item its own path.");
                            break;
                        case (var first, PathRepeat.Normalized):
                            // The atomic writer cleans paths into a map, so one of the two wins in no defined order.
                            Report(context, DiagnosticSeverity.Warning, volume, anchor, first,
                                $"'{path}' and '{first.Path}' are the same file ({clean}), written by {Describe(first)} and by {Describe(item)}; the API accepts it, but only one of them ends up in the volume, and which one is not defined. Give each item its own path.");
                            break;
                    }
                }
            }
        }
    });

    private static void Report(PodSpecAnalysisContext context, DiagnosticSeverity severity, Volume volume, YamlNode anchor, KeyToPath first, string text)
    {
        var related = new[] { new RelatedLocation(context.Object.FileOf(first.PathNode!), first.PathNode!, $"{Describe(first)} writes '{first.Path}' first") };
        context.ReportAt(Rule, severity, anchor, related, context.Object.DisplayName, volume.Name, text);
    }

    /// <summary>The same key to the same path with the same mode twice is redundant, not a conflict.</summary>
    private static bool IsSameItem(KeyToPath first, KeyToPath second) =>
        first.Key is not null && first.Key == second.Key
        && (first.ModeNode as YamlScalar)?.Resolved.Json == (second.ModeNode as YamlScalar)?.Resolved.Json;

    private static string Describe(KeyToPath item)
    {
        var what = item.Key is not null ? $"the item for key '{item.Key}'" : $"item {item.Index}";
        if (item.Projection.SourceIndex < 0)
        {
            return what;
        }

        var source = item.Projection.Reference is { Name: { } name } reference ? $"{reference.KindName} '{name}'" : $"source {item.Projection.SourceIndex}";
        return $"{what} of {source}";
    }
}
