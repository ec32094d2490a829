using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class FileModeWrittenInDecimal : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3003",
        "File mode written in decimal",
        "{0}: {1} {2} {3}",
        RuleCategory.Volumes,
        DiagnosticSeverity.Info,
        enabledByDefault: false,
        "A correct defaultMode or items mode written in decimal (420 for 0644) is hard to read as permissions; the octal literal says the same thing plainly.",
        RulePrecision.Medium,
        "Write the mode as the octal literal the message suggests, such as 0644 instead of 420.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var setting in FileModeSetting.In(context.PodSpec))
        {
            // 0 to 7 read the same in octal and decimal.
            if (setting.Value is not { } value || value < 8 || !setting.IsInRange || setting.IsDecimalMeantAsOctal)
            {
                continue;
            }

            var octal = FilePermissions.Octal(value);
            var permissions = FilePermissions.Permissions(value);
            string text;
            var meansThisValue = true;
            if (setting.Notation == FileModeNotation.NotOctal)
            {
                text = $"is not octal (8 and 9 are not octal digits), so YAML reads it as decimal {value} (= {octal}, {permissions}); write the mode you mean with octal digits.";
            }
            else if (setting.Notation != FileModeNotation.Decimal)
            {
                continue;
            }
            else if (setting.DigitsAsOctal is { } meant && FilePermissions.ReadsLikePermission(meant))
            {
                // 500 is 0764: a mode, but so is 0500. Say both, and leave the choice to the user: no fix.
                meansThisValue = false;
                text = $"is decimal (= {octal}, {permissions}); if you meant {FilePermissions.Octal(meant)} ({FilePermissions.Permissions(meant)}) write the leading zero, otherwise write {octal} so the permissions can be read at a glance.";
            }
            else
            {
                text = $"is written in decimal (= {octal}, {permissions}); write {octal} so the permissions can be read at a glance.";
            }

            // The same number in octal: the API receives exactly what it received before.
            var hint = meansThisValue ? FixHints.ReplaceScalar(context.Object.FileOf(setting.Node), setting.Node, octal, $"Write the same mode in octal: {octal}") : null;
            context.ReportAt(Rule, setting.Node, null, hint, setting.Where, setting.FieldName, setting.Literal, text);
        }
    });
}
