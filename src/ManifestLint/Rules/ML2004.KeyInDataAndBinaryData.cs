using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class KeyInDataAndBinaryData : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2004",
        "Key in both data and binaryData",
        "Key '{0}' of {1} is in both data and binaryData; the API rejects the object (\"duplicate of key present in binaryData\"). Keep the key in one of them.",
        RuleCategory.Content,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A ConfigMap key names one file or value, so it may appear in data or in binaryData, not in both.",
        RulePrecision.VeryHigh,
        "Keep the key in only one of data and binaryData, or give the two forms different keys.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        var data = ConfigData.From(context.Object)!;
        if (data.BinaryData is not { } binaryData)
        {
            return;
        }

        // The API checks this in its loop over data, so the finding is on the data key.
        foreach (var entry in KubernetesValues.JsonEntries(data.Data))
        {
            if (binaryData.GetEntry(entry.Name!) is { } binary)
            {
                context.ReportAt(Rule, entry.Key,
                    new[] { new RelatedLocation(context.Object.FileOf(binary.Key), binary.Key, "The same key in binaryData.") },
                    MessageText.Shorten(entry.Name!), context.Object.DisplayName);
            }
        }
    }, "ConfigMap");
}
