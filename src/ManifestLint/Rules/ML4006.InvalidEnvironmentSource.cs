using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class InvalidEnvironmentSource : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML4006",
        "Invalid environment source",
        "{0} {1}: the API rejects the pod ({2}). {3}.",
        RuleCategory.Environment,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "An envFrom entry must name exactly one of configMapRef or secretRef, and a valueFrom exactly one source and no value next to it; the API rejects the pod otherwise.",
        RulePrecision.VeryHigh,
        "Give each envFrom and valueFrom exactly one source, and do not set value next to valueFrom.");

    private static readonly string[] EnvFromSources = { "configMapRef", "secretRef" };

    // fileKeyRef is the newest source (EnvFiles, alpha in 1.34); it counts as one so that such pods are not misread.
    private static readonly string[] ValueFromSources = { "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var envFrom in container.EnvFrom)
            {
                CheckEnvFrom(context, container, envFrom);
            }

            foreach (var entry in container.Env)
            {
                CheckValueFrom(context, container, entry);
            }
        }
    });

    private static void CheckEnvFrom(PodSpecAnalysisContext context, Container container, EnvFromSource envFrom)
    {
        var sources = SourcesOf(envFrom.Node, EnvFromSources);
        var where = $"envFrom[{envFrom.Index}] of {EnvironmentText.Of(container)}";
        if (sources.Count == 0)
        {
            context.ReportAt(Rule, FindingAnchor.FirstKey(envFrom.Node),
                where, "names no source", "must specify one of: configMapRef or secretRef", "Add configMapRef or secretRef with the object's name");
        }
        else if (sources.Count > 1)
        {
            context.ReportAt(Rule, FindingAnchor.FirstKey(envFrom.Node),
                where, "sets both configMapRef and secretRef", "may not have more than one field specified at a time", "Split it into two envFrom entries");
        }
    }

    private static void CheckValueFrom(PodSpecAnalysisContext context, Container container, EnvVar entry)
    {
        var valueFromEntry = entry.Node.GetEntry("valueFrom");
        if (valueFromEntry is null || valueFromEntry.Value is not YamlMapping valueFrom)
        {
            // Absent or null is no valueFrom at all; a scalar or list there is ML0005's wrong type.
            return;
        }

        var anchor = valueFrom.Entries.Count > 0 ? FindingAnchor.FirstKey(valueFrom) : valueFromEntry.Key;
        var where = $"valueFrom of env '{entry.Name ?? entry.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}' in {EnvironmentText.Of(container)}";
        var sources = SourcesOf(valueFrom, ValueFromSources);

        // The API checks in this order and reports only the first problem (validateEnvVarValueFrom).
        if (sources.Count == 0)
        {
            context.ReportAt(Rule, anchor,
                where, "names no source", "must specify one of: fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef", "Add one, or use value instead");
        }
        else if (entry.Node.GetScalar("value") is { IsResolvedString: true, Value.Length: > 0 })
        {
            context.ReportAt(Rule, anchor,
                where, "is given next to a non-empty value", "valueFrom may not be specified when value is not empty", "Keep one of them");
        }
        else if (sources.Count > 1)
        {
            context.ReportAt(Rule, anchor,
                where, "sets " + EnvironmentText.List(sources), "may not have more than one field specified at a time", "Keep one source");
        }
    }

    /// <summary>The source fields set in <paramref name="node"/>; a field set to null is not set (JSON null is a nil pointer).</summary>
    private static List<string> SourcesOf(YamlMapping node, IReadOnlyList<string> fields)
    {
        var found = new List<string>(1);
        foreach (var field in fields)
        {
            if (node[field] is { } value && value is not YamlScalar { ResolvedType: ScalarType.Null })
            {
                found.Add(field);
            }
        }

        return found;
    }
}
