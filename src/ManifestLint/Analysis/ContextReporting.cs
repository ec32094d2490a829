using ManifestLint.Fixes;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>Shorthands so that a rule reports at a node in one call.</summary>
public static class ContextReporting
{
    public static void ReportAt(this ObjectAnalysisContext context, DiagnosticDescriptor descriptor, YamlNode node, params object?[] args) =>
        Report(context, descriptor, context.Object.FileOf(node), () => Finding.Create(descriptor, context.Object.FileOf(node), node, context.Object, null, args));

    public static void ReportAt(this ObjectAnalysisContext context, DiagnosticDescriptor descriptor, YamlNode node, IReadOnlyList<RelatedLocation> related, params object?[] args) =>
        Report(context, descriptor, context.Object.FileOf(node), () => Finding.Create(descriptor, context.Object.FileOf(node), node, context.Object, related, args));

    public static void ReportAt(this PodSpecAnalysisContext context, DiagnosticDescriptor descriptor, YamlNode node, params object?[] args) =>
        Report(context, descriptor, context.Object.FileOf(node), () => Finding.Create(descriptor, context.Object.FileOf(node), node, context.Object, null, args));

    public static void ReportAt(this PodSpecAnalysisContext context, DiagnosticDescriptor descriptor, YamlNode node, IReadOnlyList<RelatedLocation> related, params object?[] args) =>
        Report(context, descriptor, context.Object.FileOf(node), () => Finding.Create(descriptor, context.Object.FileOf(node), node, context.Object, related, args));

    /// <summary>Reports with the exact fix the rule knows (null: none); see <see cref="FixHint"/>.</summary>
    public static void ReportAt(this ObjectAnalysisContext context, DiagnosticDescriptor descriptor, YamlNode node, IReadOnlyList<RelatedLocation>? related, FixHint? fix, params object?[] args) =>
        Report(context, descriptor, context.Object.FileOf(node), () => Finding.Create(descriptor, context.Object.FileOf(node), node, context.Object, related, fix, args));

    /// <summary>Reports with the exact fix the rule knows (null: none); see <see cref="FixHint"/>.</summary>
    public static void ReportAt(this PodSpecAnalysisContext context, DiagnosticDescriptor descriptor, YamlNode node, IReadOnlyList<RelatedLocation>? related, FixHint? fix, params object?[] args) =>
        Report(context, descriptor, context.Object.FileOf(node), () => Finding.Create(descriptor, context.Object.FileOf(node), node, context.Object, related, fix, args));

    /// <summary>Reports with a severity chosen for this case (see <see cref="Finding"/>); configuration still overrides it.</summary>
    public static void ReportAt(this PodSpecAnalysisContext context, DiagnosticDescriptor descriptor, DiagnosticSeverity effectiveSeverity, YamlNode node, IReadOnlyList<RelatedLocation>? related, params object?[] args) =>
        Report(context, descriptor, context.Object.FileOf(node), () => Finding.Create(descriptor, effectiveSeverity, context.Object.FileOf(node), node, context.Object, related, args));

    public static void ReportAt(this FileAnalysisContext context, DiagnosticDescriptor descriptor, SourceRange range, params object?[] args) =>
        Report(context, descriptor, context.File, () => Finding.Create(descriptor, context.File, range, null, null, args));

    public static void ReportAt(this SetAnalysisContext context, DiagnosticDescriptor descriptor, KubeObject obj, YamlNode node, IReadOnlyList<RelatedLocation>? related, params object?[] args) =>
        Report(context, descriptor, obj.FileOf(node), () => Finding.Create(descriptor, obj.FileOf(node), node, obj, related, args));

    // A finding nobody will see is not built: its location, YAML path and message cost more than the check.
    private static void Report(AnalysisContext context, DiagnosticDescriptor descriptor, SourceFile file, Func<Diagnostic> create)
    {
        if (context.IsShown(descriptor, file))
        {
            context.Report(create());
        }
    }
}
