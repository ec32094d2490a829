using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class ConfigMapExceedsOneMebibyte : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2002",
        "ConfigMap exceeds 1 MiB",
        "{0} holds {1} bytes ({2}), more than the {3} bytes (1 MiB) the API accepts, so it rejects the object as \"Too long\". Split the content over several objects, or ship large files in the image or a volume.",
        RuleCategory.Content,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "The API rejects a ConfigMap or Secret whose data values (UTF-8 bytes of text values plus decoded bytes of base64 values; keys not counted) add up to more than 1,048,576 bytes.",
        RulePrecision.VeryHigh,
        "Split the content over several ConfigMaps or Secrets, or move large files into the image or a volume.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        var payload = ConfigPayload.Of(context.Object)!;
        if (payload.TotalBytes <= ConfigPayload.MaxBytes)
        {
            return;
        }

        var measured = payload.Data.Kind == ConfigKind.ConfigMap
            ? "data values as UTF-8 plus decoded binaryData"
            : "decoded data plus stringData";
        context.ReportAt(Rule, context.Object.AnchorNode,
            context.Object.DisplayName, MessageText.Count(payload.TotalBytes), measured, MessageText.Count(ConfigPayload.MaxBytes));
    }, "ConfigMap", "Secret");
}
