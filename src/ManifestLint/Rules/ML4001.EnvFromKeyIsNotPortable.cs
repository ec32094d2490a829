using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class EnvFromKeyIsNotPortable : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML4001",
        "envFrom key is not a portable variable name",
        "{0} {1} of {2} {3} {4} of {5} through envFrom{6}, which {7}: {8}, and newer ones inject them under names that shells cannot expand and most programs do not look for. {9}.",
        RuleCategory.Environment,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "envFrom turns every key of a ConfigMap or Secret into a variable of the same name (after the prefix). A key that is not a C identifier, such as status-message, was skipped by older kubelets and is injected by newer ones under a name that shells cannot expand and programs do not look for.",
        RulePrecision.High,
        "Rename the key to a C identifier such as STATUS_MESSAGE, or read it with env[].valueFrom under a portable name.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var source in ContainerEnvironment.Of(container, context.Set).Sources)
            {
                Analyze(context, container, source);
            }
        }
    });

    private static void Analyze(PodSpecAnalysisContext context, Container container, EnvFromKeys source)
    {
        if (!source.IsKnown || source.Source.Reference?.NameNode is not { } anchor)
        {
            return;
        }

        var badKeys = new List<string>();
        var skippedByOldKubelets = false;
        foreach (var key in source.Keys)
        {
            if (!ConfigKeyRules.IsValid(key))
            {
                // The API rejects the ConfigMap or Secret for this key (ML2001), so it never reaches envFrom.
                continue;
            }

            var variable = source.VariableName(key);
            if (!EnvironmentVariableName.IsCIdentifier(variable))
            {
                badKeys.Add(key);
                skippedByOldKubelets |= EnvironmentVariableName.StrictProblem(variable) is not null;
            }
        }

        if (badKeys.Count == 0)
        {
            return;
        }

        context.ReportAt(Rule, anchor, KeyLocations(source, badKeys), MessageArguments(container, source, badKeys, skippedByOldKubelets));
    }

    /// <summary>Where the listed keys are written: the first definition of each in the ConfigMap/Secret.</summary>
    private static List<RelatedLocation> KeyLocations(EnvFromKeys source, IReadOnlyList<string> keys)
    {
        var related = new List<RelatedLocation>();
        foreach (var key in keys.Take(EnvironmentText.ListLimit))
        {
            foreach (var definition in source.Target?.Definitions ?? Array.Empty<ConfigSource>())
            {
                // A manifest shows the key itself; a generator or producer shows where it is made.
                if (definition.EnvironmentKeyPlace(key) is { } place)
                {
                    related.Add(new RelatedLocation(place.File, place.Range, $"key '{key}' of {source.DisplayName}"));
                    break;
                }
            }
        }

        return related;
    }

    private static object?[] MessageArguments(Container container, EnvFromKeys source, IReadOnlyList<string> badKeys, bool skippedByOldKubelets)
    {
        var several = badKeys.Count > 1;
        var prefix = source.Prefix;
        var variables = badKeys.Select(source.VariableName).ToList();
        var why = several ? "are not C identifiers" : "is not a C identifier";
        var older = skippedByOldKubelets
            ? "older kubelets skip such keys with an InvalidEnvironmentVariableNames event"
            : "older kubelets (before 1.8) skipped such keys";
        var prefixIsBad = prefix.Length > 0 && !EnvironmentVariableName.IsCIdentifier(prefix);
        var renamed = prefixIsBad ? badKeys.Where(k => !EnvironmentVariableName.IsCIdentifier("A" + k)).ToList() : badKeys;
        var rename = $"rename the {(renamed.Count > 1 ? "keys" : "key")} to {EnvironmentText.List(renamed.Select(k => EnvironmentVariableName.PortableKey(prefix, k)).ToList())}";
        string fix;
        if (prefixIsBad)
        {
            // The prefix alone makes every variable unreadable; fixing it may be all that is needed.
            var betterPrefix = EnvironmentVariableName.PortableKey(string.Empty, prefix);
            fix = $"Use a prefix made of letters, digits and '_' such as '{betterPrefix}'" + (renamed.Count > 0 ? $" and {rename}" : string.Empty);
        }
        else
        {
            fix = $"{char.ToUpperInvariant(rename[0])}{rename.Substring(1)}, or read {(several ? "them" : "it")} with env[].valueFrom under a portable name";
        }

        return new object?[]
        {
            several ? "Keys" : "Key", EnvironmentText.List(badKeys), source.DisplayName, several ? "become the variables" : "becomes the variable",
            EnvironmentText.List(variables), EnvironmentText.Of(container), prefix.Length == 0 ? string.Empty : $" with prefix '{prefix}'", why, older, fix,
        };
    }
}
