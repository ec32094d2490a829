using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ObjectLacksIdentity : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0003",
        "Object lacks apiVersion, kind or name",
        "{0}",
        RuleCategory.Input,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A document with apiVersion or kind is a Kubernetes object, and the API needs apiVersion, kind and metadata.name (or generateName) to accept it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(Analyze);

    private static void Analyze(ObjectAnalysisContext context)
    {
        var obj = context.Object;
        var root = obj.Root;
        var apiVersion = root.GetEntry("apiVersion");
        var kind = root.GetEntry("kind");
        if (apiVersion is null || IsBlank(apiVersion.Value))
        {
            context.ReportAt(Rule, AnchorOf(kind, root), "The object has a kind but no apiVersion, so kubectl cannot tell which API it belongs to. Add apiVersion (for example v1 or apps/v1).");
            return;
        }

        if (kind is null || IsBlank(kind.Value))
        {
            context.ReportAt(Rule, AnchorOf(apiVersion, root), "The object has an apiVersion but no kind, so kubectl cannot decode it. Add kind.");
            return;
        }

        if (!string.IsNullOrEmpty(obj.Name) || !string.IsNullOrEmpty(obj.Metadata?.GetString("generateName")))
        {
            return;
        }

        var metadata = root.GetEntry("metadata");
        var anchor = metadata is not null ? metadata.Key : kind.Value;
        context.ReportAt(Rule, anchor, $"{obj.Kind} has no metadata.name; the API rejects it with \"name or generateName is required\". Add metadata.name.");
    }

    private static bool IsBlank(YamlNode node) => node is YamlScalar { ResolvedType: ScalarType.Null } or YamlScalar { Value.Length: 0 };

    private static YamlNode AnchorOf(YamlEntry? entry, YamlMapping root) =>
        entry?.Key ?? (root.Entries.Count > 0 ? root.Entries[0].Key : root);
}
