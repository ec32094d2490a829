using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

/// <summary>The loader records what it met while reading a file; the input rules turn those records into findings.</summary>
internal static class LoadProblems
{
    public static Action<FileAnalysisContext> Reporter(LoadProblemKind kind, DiagnosticDescriptor rule) => context =>
    {
        foreach (var problem in context.File.Problems)
        {
            if (problem.Kind == kind)
            {
                context.ReportAt(rule, problem.Range, problem.Message);
            }
        }
    };
}
