using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Model.Knowledge;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ObjectLacksIdentity : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0003",
        "Object lacks apiVersion, kind or name",
        "{0} has {1}. Add {2}.",
        RuleCategory.Input,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A document with apiVersion or kind is a Kubernetes object, and the API needs apiVersion, kind and metadata.name (or generateName) to accept it.",
        RulePrecision.VeryHigh,
        "Add the missing apiVersion, kind or metadata.name (or metadata.generateName).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(Analyze);

    private static void Analyze(ObjectAnalysisContext context)
    {
        var obj = context.Object;
        var root = obj.Root;
        var apiVersion = root.GetEntry("apiVersion");
        var kind = root.GetEntry("kind");

        // Only what would be sent to the API server (rules/ML0003.md, "What counts as an object"). A document with
        // only one of apiVersion and kind and no metadata is a tool's file (Helm's Chart.yaml has apiVersion v2 and
        // no kind) or a fragment, not an object someone forgot to finish.
        var identityIncomplete = apiVersion is null || IsBlank(apiVersion.Value) || kind is null || IsBlank(kind.Value);
        if (identityIncomplete && !HasMetadata(root))
        {
            return;
        }

        if (apiVersion is null || IsBlank(apiVersion.Value))
        {
            context.ReportAt(Rule, AnchorOf(kind, root), "The object", "a kind but no apiVersion, so kubectl cannot tell which API it belongs to", "apiVersion (for example v1 or apps/v1)");
            return;
        }

        if (kind is null || IsBlank(kind.Value))
        {
            context.ReportAt(Rule, AnchorOf(apiVersion, root), "The object", "an apiVersion but no kind, so kubectl cannot decode it", "kind");
            return;
        }

        if (!string.IsNullOrEmpty(obj.Name) || !string.IsNullOrEmpty(obj.Metadata?.GetString("generateName")))
        {
            return;
        }

        // A custom kind that no CRD of the set and no known API group defines may be a tool's input (an installer
        // profile, a KRM function's configuration): it is not known to be sent to the API at all.
        // A custom resource without any metadata is a documentation fragment or a schema skeleton.
        if (obj.Api == ObjectApi.Unknown || (obj.Api == ObjectApi.KnownCustom && !HasMetadata(root)))
        {
            return;
        }

        var metadata = root.GetEntry("metadata");
        var anchor = metadata is not null ? metadata.Key : kind.Value;
        context.ReportAt(Rule, anchor, obj.Kind, "no metadata.name; the API rejects it with \"name or generateName is required\"", "metadata.name");
    }

    /// <summary>True when the document has a metadata mapping with at least one field.</summary>
    private static bool HasMetadata(YamlMapping root) => root["metadata"] is YamlMapping { Entries.Count: > 0 };

    private static bool IsBlank(YamlNode node) => node is YamlScalar { ResolvedType: ScalarType.Null } or YamlScalar { Value.Length: 0 };

    private static YamlNode AnchorOf(YamlEntry? entry, YamlMapping root) =>
        entry?.Key ?? (root.Entries.Count > 0 ? root.Entries[0].Key : root);
}
