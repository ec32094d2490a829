using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class InputExceedsSafetyLimits : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0007",
        "Input exceeds safety limits",
        "The file is skipped: {0}",
        RuleCategory.Input,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A file larger than the size limit, nesting deeper than the depth limit, or alias expansion beyond the alias limit is skipped so that a hostile file cannot stall the run.",
        RulePrecision.VeryHigh,
        "Split or simplify the file, or, if it is a real manifest, raise the limit for it with --limit or in .editorconfig.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterFileAction(LoadProblems.Reporter(LoadProblemKind.Limit, Rule));
}
