using System.Collections.Immutable;
using System.Globalization;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class FileModeOutOfRange : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3002",
        "File mode out of range",
        "{0}: {1} {2} {3}, outside 0 to 0777: the API rejects the pod (must be a number between 0 and 0777 (octal)). {4}.",
        RuleCategory.Volumes,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A defaultMode or items mode below 0 or above 0777 after YAML resolution (01000, or 0888, which YAML reads as decimal 888) makes the API reject the pod.",
        RulePrecision.VeryHigh,
        "Use a permission between 0000 and 0777, written in octal with a leading zero, such as 0644.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var setting in FileModeSetting.In(context.PodSpec))
        {
            // Quoted or fractional modes never reach the range check: ML0005 reports them.
            if (setting.Value is not { } value || setting.IsInRange || setting.IsDecimalMeantAsOctal)
            {
                continue;
            }

            context.ReportAt(Rule, setting.Node, setting.Where, setting.FieldName, setting.Literal, Reading(setting, value), Fix(setting));
        }
    });

    private static string Reading(FileModeSetting setting, int value)
    {
        var decimalText = value.ToString(CultureInfo.InvariantCulture);
        if (value < 0)
        {
            return "is negative";
        }

        return setting.Notation switch
        {
            FileModeNotation.NotOctal => $"is not octal (8 and 9 are not octal digits), so YAML reads it as decimal {decimalText}",
            FileModeNotation.Octal or FileModeNotation.PrefixedOctal => $"is {decimalText}",
            FileModeNotation.Decimal => $"is decimal (= octal {FilePermissions.Octal(value)})",
            _ => $"is {decimalText} (= octal {FilePermissions.Octal(value)})",
        };
    }

    private static string Fix(FileModeSetting setting) => setting.Notation == FileModeNotation.NotOctal
        ? "Write the mode with octal digits (0-7) after the leading zero, such as 0644"
        : "Use a permission between 0 and 0777, such as 0644 (rw-r--r--); setuid, setgid and sticky bits cannot be set";
}
