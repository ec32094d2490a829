using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class InvalidKey : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2001",
        "Invalid key",
        "{0} is not a valid key: {1}. {2}. Rename it{3}.",
        RuleCategory.Content,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "ConfigMap and Secret keys, and the keys named by configMapKeyRef and secretKeyRef, must consist of letters, digits, '-', '_' and '.', must not be '.' or '..' or start with '..', and may have at most 253 characters; the API rejects anything else.",
        RulePrecision.VeryHigh,
        "Rename the key to letters, digits, '-', '_' and '.', and rename it wherever a pod refers to it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context)
    {
        context.RegisterObjectAction(AnalyzeData, "ConfigMap", "Secret");
        context.RegisterPodSpecAction(AnalyzeKeyReferences);
    }

    private static void AnalyzeData(ObjectAnalysisContext context)
    {
        foreach (var section in ConfigDataSection.Of(context.Object))
        {
            // Keys are checked as the API receives them: after YAML resolution (on: becomes "true", ML2007)
            // and once per key (a duplicate is ML0002's finding).
            foreach (var entry in KubernetesValues.JsonEntries(section.Mapping))
            {
                var key = entry.Name!;
                var problems = ConfigKeyRules.Problems(key);
                if (problems.Count > 0)
                {
                    context.ReportAt(Rule, entry.Key, MessageArguments(
                        $"Key '{MessageText.Shorten(key)}' in {section.Field} of {context.Object.DisplayName}", key, problems, "the API rejects the object"));
                }
            }
        }
    }

    private static void AnalyzeKeyReferences(PodSpecAnalysisContext context)
    {
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var env in container.Env)
            {
                // items[].key is not checked by the API (docs/kubernetes-behaviour.md#volume-items-and-modes): a bad
                // one fails at mount time, which ML1003 covers.
                if (env.KeyReference is not { KeyNode: { } keyNode } reference || KubernetesValues.AsString(keyNode) is not { } key)
                {
                    continue;
                }

                var problems = ConfigKeyRules.Problems(key);
                if (problems.Count > 0)
                {
                    var field = reference.Kind == ConfigKind.ConfigMap ? "configMapKeyRef" : "secretKeyRef";
                    context.ReportAt(Rule, keyNode, MessageArguments(
                        $"{field}.key '{MessageText.Shorten(key)}' of variable '{env.Name}' in {container.DisplayName} of {context.Object.DisplayName}",
                        key,
                        problems,
                        "the API rejects the pod spec, and no " + reference.KindName + " can have such a key"));
                }
            }
        }
    }

    private static object?[] MessageArguments(string subject, string key, IReadOnlyList<string> problems, string consequence) => new object?[]
    {
        subject,
        string.Join("; ", problems),
        Capitalize(consequence),
        ConfigKeyRules.Suggest(key) is { } suggestion ? $", for example to '{MessageText.Shorten(suggestion)}'" : string.Empty,
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
