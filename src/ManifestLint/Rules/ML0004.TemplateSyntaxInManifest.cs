using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class TemplateSyntaxInManifest : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0004",
        "Template syntax in a manifest",
        "{0}",
        RuleCategory.Input,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "The file contains Go/Helm template syntax outside string content, so it is not a manifest yet. It is reported once and not linted further.",
        RulePrecision.VeryHigh,
        "Render the template first (helm template, kubectl kustomize) and lint its output.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterFileAction(LoadProblems.Reporter(LoadProblemKind.Template, Rule));
}
