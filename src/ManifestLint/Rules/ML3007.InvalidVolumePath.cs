using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class InvalidVolumePath : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3007",
        "Invalid volume path",
        "{0}: {1} '{2}' {3}. {4}.",
        RuleCategory.Volumes,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "An items path, subPath or subPathExpr that is absolute or has a '..' element, an item path starting with '..', or a path the kubelet cannot write (an element over 255 or a path over 4096 bytes).");

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
