using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class DecimalFileModeReadsLikeOctal : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3001",
        "File mode is decimal but reads like octal",
        "{0}: {1} {2} is decimal (= {3}); did you mean {4} ({5})? {6}",
        RuleCategory.Volumes,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A defaultMode or items mode written without its leading zero (644, 600, 400) is a decimal number: the API rejects it when it exceeds 0777, and otherwise the files silently get other permissions (400 is 0620).",
        RulePrecision.VeryHigh,
        "Write the mode in octal with its leading zero (0644), or write the decimal value you mean.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var setting in FileModeSetting.In(context.PodSpec))
        {
            if (!setting.IsDecimalMeantAsOctal)
            {
                continue;
            }

            var value = setting.Value!.Value;
            var meant = setting.DigitsAsOctal!.Value;
            var reading = setting.IsInRange
                ? $"{FilePermissions.Octal(value)}, {FilePermissions.Permissions(value)}"
                : $"octal {FilePermissions.Octal(value)}, out of range: the API rejects it";
            var fix = setting.IsInRange
                ? $"The files get {FilePermissions.Permissions(value)}; write the leading zero: {FilePermissions.Octal(meant)}."
                : $"Write the leading zero: {FilePermissions.Octal(meant)}.";
            // The digits are the mode the user meant: writing the leading zero makes the API read exactly that.
            var literal = FilePermissions.Octal(meant);
            var hint = FixHints.ReplaceScalar(context.Object.FileOf(setting.Node), setting.Node, literal, $"Write the octal literal {literal}");
            context.ReportAt(Rule, setting.Node, null, hint, setting.Where, setting.FieldName, setting.Literal, reading, FilePermissions.Octal(meant), FilePermissions.Permissions(meant), fix);
        }
    });
}
