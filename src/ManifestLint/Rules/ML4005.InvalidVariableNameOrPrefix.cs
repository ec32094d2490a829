using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;
using ManifestLint.Configuration;

namespace ManifestLint.Rules;

public sealed class InvalidVariableNameOrPrefix : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML4005",
        "Invalid variable name or prefix",
        "{0} of {1} {2}: {3}. {4}.",
        RuleCategory.Environment,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "The API validates env names and envFrom prefixes: before Kubernetes 1.32 with the strict rule (letters, digits, '_', '-', '.', not starting with a digit, not '.' or '..'), from 1.32 with the relaxed rule (printable ASCII except '='). A name the target version rejects makes the whole pod invalid.",
        RulePrecision.VeryHigh,
        "Rename the variable or prefix to letters, digits and '_', or target Kubernetes 1.32 or later if only the older, stricter rule rejects it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        var relaxed = context.Options.Get(OptionCatalog.KubeVersion) >= new KubernetesVersion(1, EnvironmentVariableName.RelaxedFromMinor);
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var entry in container.Env)
            {
                CheckName(context, container, entry, relaxed);
            }

            foreach (var envFrom in container.EnvFrom)
            {
                // An empty prefix is no prefix; the API only validates a non-empty one.
                if (envFrom.PrefixNode is { IsResolvedString: true } prefixNode && prefixNode.Value.Length > 0)
                {
                    Check(context, prefixNode, $"envFrom prefix '{MessageText.Shorten(prefixNode.Value)}'", container, prefixNode.Value, relaxed);
                }
            }
        }
    });

    private static void CheckName(PodSpecAnalysisContext context, Container container, EnvVar entry, bool relaxed)
    {
        var nameNode = entry.Node["name"];
        if (nameNode is null || nameNode is YamlScalar { ResolvedType: ScalarType.Null } || nameNode is YamlScalar { Value.Length: 0 })
        {
            // name: "" is shown where it is written; a missing or null name on the entry's first key.
            var anchor = nameNode is YamlScalar { IsResolvedString: true } empty ? empty : FindingAnchor.FirstKey(entry.Node);
            context.ReportAt(Rule, anchor,
                $"env[{entry.Index}]", EnvironmentText.Of(container), "has no name", $"the API rejects the pod (env[{entry.Index}].name: Required value)", "Give the variable a name");
            return;
        }

        // A name that is a number or a boolean is ML0005's finding; only string names are judged here.
        if (nameNode is YamlScalar { IsResolvedString: true } name)
        {
            Check(context, name, $"env name '{MessageText.Shorten(name.Value)}'", container, name.Value, relaxed);
        }
    }

    private static void Check(PodSpecAnalysisContext context, YamlScalar anchor, string subject, Container container, string value, bool relaxed)
    {
        if (EnvironmentVariableName.RelaxedProblem(value) is { } always)
        {
            context.ReportAt(Rule, anchor,
                subject, EnvironmentText.Of(container), "is rejected by the API of every Kubernetes version", $"{always}, and names may only use {EnvironmentVariableName.RelaxedRule}", Rename(value));
            return;
        }

        if (!relaxed && EnvironmentVariableName.StrictProblem(value) is { } strict)
        {
            context.ReportAt(Rule, anchor,
                subject, EnvironmentText.Of(container), $"is rejected by the API of Kubernetes {context.Options.Get(OptionCatalog.KubeVersion)}",
                $"{strict}, and before 1.32 names may only use {EnvironmentVariableName.StrictRule}",
                $"{Rename(value)}, or target Kubernetes 1.32 or later, which accepts any {EnvironmentVariableName.RelaxedRule}");
        }
    }

    /// <summary>"Rename it", with a portable suggestion when one can be made from the name's own letters.</summary>
    private static string Rename(string value)
    {
        var suggestion = EnvironmentVariableName.PortableKey(string.Empty, value);
        var usable = value.All(c => c < 0x80) && suggestion.Any(c => c is >= 'A' and <= 'Z');
        return usable ? $"Rename it, for example to '{MessageText.Shorten(suggestion)}'" : "Rename it";
    }
}
