using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class TemplateSyntaxInManifest : ManifestRule
{
    // RS1032 reads the '...' of the example commands as sentence ends; the message is one sentence, without a final period.
#pragma warning disable RS1032
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0004",
        "Template syntax in a manifest",
        "the file contains Go/Helm template syntax ('{0}'), so it is a template, not a manifest; render it first (helm template ... | manifestlint -, or kubectl kustomize ... | manifestlint -)",
        RuleCategory.Input,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "The file contains Go/Helm template syntax outside string content, so it is not a manifest yet. It is reported once and not linted further.",
        RulePrecision.VeryHigh,
        "Render the template first (helm template, kubectl kustomize) and lint its output.");
#pragma warning restore RS1032

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterFileAction(LoadProblems.Reporter(LoadProblemKind.Template, Rule));
}
