using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class DuplicateMappingKey : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0002",
        "Duplicate mapping key",
        "Key '{0}' is written twice in this mapping{2}; kubectl silently keeps this value and drops the one on line {1}. Remove one of them.",
        RuleCategory.Input,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "kubectl converts YAML to JSON without strict checks, so of two equal keys in one mapping the last wins and the first is silently lost.",
        RulePrecision.VeryHigh,
        "Delete the key you do not want, or merge the two entries into one.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterFileAction(context =>
    {
        var file = context.File;
        var isKustomizationFile = Kustomization.IsKustomizationFileName(file.Path);
        foreach (var document in file.Documents)
        {
            // Only Kubernetes objects (and kustomizations) are kubectl's input; other YAML is not ours to judge.
            if (document.Root is not YamlMapping root || (!isKustomizationFile && root["apiVersion"] is null && root["kind"] is null))
            {
                continue;
            }

            foreach (var duplicate in document.DuplicateKeys)
            {
                var owner = context.Set.ObjectAt(file, duplicate.Second.Key.Start.Offset);
                context.Report(Finding.Create(
                    Rule,
                    file,
                    duplicate.Second.Key,
                    owner,
                    new[] { new RelatedLocation(file, duplicate.First.Key, "The first occurrence, which kubectl drops.") },
                    // kubectl already drops the first occurrence: removing it leaves the object kubectl sends unchanged.
                    FixHints.RemoveEntryUnder(file, root, duplicate.First, $"Remove the first '{duplicate.Second.Name}', which kubectl drops"),
                    duplicate.Second.Name,
                    duplicate.First.Key.Start.Line,
                    owner is null ? string.Empty : " of " + owner.DisplayName));
            }
        }
    });
}
