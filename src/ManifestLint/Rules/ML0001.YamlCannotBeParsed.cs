using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class YamlCannotBeParsed : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0001",
        "YAML cannot be parsed",
        "YAML cannot be parsed: {0}",
        RuleCategory.Input,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A syntax error stops kubectl from reading the file. Documents before the error are still linted.",
        RulePrecision.VeryHigh,
        "Correct the YAML syntax at the reported line: indent with spaces, close every quote, and keep a mapping's keys at one indentation.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterFileAction(LoadProblems.Reporter(LoadProblemKind.Syntax, Rule));
}
