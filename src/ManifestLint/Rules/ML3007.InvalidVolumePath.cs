using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class InvalidVolumePath : ManifestRule
{
    private static readonly string[] PathSources = { "serviceAccountToken", "clusterTrustBundle" };

    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3007",
        "Invalid volume path",
        "{0}: {1} '{2}' {3}. {4}.",
        RuleCategory.Volumes,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "An items path, a projected serviceAccountToken or clusterTrustBundle path, a subPath or a subPathExpr that is absolute or has a '..' element, an item or token path starting with '..', or a path the kubelet cannot write (an element over 255 or a path over 4096 bytes).",
        RulePrecision.VeryHigh,
        "Use a short path relative to the volume, without '..' elements, such as app.conf.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var volume in context.PodSpec.Volumes)
        {
            foreach (var projection in volume.Projections)
            {
                foreach (var item in projection.Items)
                {
                    if (item.PathNode is { } anchor && !string.IsNullOrEmpty(item.Path)
                        && VolumePath.ItemPathProblems(item.Path!) is { Count: > 0 } problems)
                    {
                        context.ReportAt(Rule, anchor, $"{context.Object.DisplayName}, volume '{volume.Name}'", "item path", item.Path, Join(problems), Fix(item.Path!));
                    }
                }

                CheckSourcePaths(context, volume, projection);
            }
        }

        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                var where = $"{context.Object.DisplayName}, {container.DisplayName}, mount of volume '{mount.Name}'";
                if (mount.SubPathNode is { } subPathNode && mount.SubPath is { } subPath
                    && VolumePath.SubPathProblems(subPath, checkLengths: true) is { Count: > 0 } subPathProblems)
                {
                    context.ReportAt(Rule, subPathNode, where, "subPath", subPath, Join(subPathProblems), Fix(subPath));
                }

                if (mount.SubPathExprNode is { } exprNode && !string.IsNullOrEmpty(mount.SubPathExpr)
                    && VolumePath.SubPathProblems(mount.SubPathExpr!, checkLengths: false) is { Count: > 0 } exprProblems)
                {
                    context.ReportAt(Rule, exprNode, where, "subPathExpr", mount.SubPathExpr, Join(exprProblems), Fix(mount.SubPathExpr!));
                }
            }
        }
    });

    /// <summary>
    /// The file a projected serviceAccountToken or clusterTrustBundle source writes: validateProjectionSources checks
    /// its <c>path</c> with ValidateLocalNonReservedPath, the rule of item paths, and the kubelet's atomic writer
    /// writes it like an item.
    /// </summary>
    private static void CheckSourcePaths(PodSpecAnalysisContext context, Volume volume, VolumeProjection projection)
    {
        if (projection.SourceIndex < 0 || projection.Kind != VolumeSourceKind.Other)
        {
            return;
        }

        foreach (var source in PathSources)
        {
            if (projection.Node.GetMapping(source)?.GetScalar("path") is { IsResolvedString: true } pathNode && pathNode.Value.Length > 0
                && VolumePath.ItemPathProblems(pathNode.Value) is { Count: > 0 } problems)
            {
                context.ReportAt(Rule, pathNode, $"{context.Object.DisplayName}, volume '{volume.Name}'", source + " path", pathNode.Value, Join(problems), Fix(pathNode.Value));
            }
        }
    }

    private static string Join(IReadOnlyList<string> problems) => string.Join("; it also ", problems);

    private static string Fix(string path)
    {
        var relative = VolumePath.Clean(path.TrimStart('/'));
        while (relative.StartsWith("..", StringComparison.Ordinal))
        {
            relative = relative.Substring(2).TrimStart('/');
        }

        return relative.Length > 0 && relative != "." && relative != path && relative.Length <= VolumePath.MaxElementBytes
            ? $"Use a path inside the volume, such as '{relative}'"
            : "Use a short relative path inside the volume, such as 'app.conf'";
    }
}
