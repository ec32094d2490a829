using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class VariableSetBySeveralEnvFromSources : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML4002",
        "Variable set by several envFrom sources",
        "{0} {1} of {2} {3} from both {4} and {5}: the kubelet applies envFrom in order, so {5} wins and the earlier {6} lost. Remove the duplicate keys from one source, or give one source a prefix.",
        RuleCategory.Environment,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "The kubelet applies envFrom sources in order, so when two of them bring the same variable (after their prefixes) the later one silently wins and the earlier value is lost.",
        RulePrecision.High,
        "Remove the key from one source, give each source its own prefix, or set the variable explicitly with env.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            Analyze(context, container, ContainerEnvironment.Of(container, context.Set));
        }
    });

    private static void Analyze(PodSpecAnalysisContext context, Container container, ContainerEnvironment environment)
    {
        // Later source -> the variables it takes over and the earlier sources it takes them from.
        var clashes = new Dictionary<EnvFromKeys, (List<string> Names, List<EnvFromKeys> Earlier)>();
        foreach (var definition in environment.Definitions)
        {
            if (definition.Source is not { } later || definition.Hides?.Source is not { } earlier)
            {
                continue;
            }

            if (environment.Find(definition.Name)?.Origin == EnvironmentOrigin.Env)
            {
                // An env entry overrides both sources (ML4003), so neither envFrom value reaches the container.
                continue;
            }

            if (!clashes.TryGetValue(later, out var clash))
            {
                clashes[later] = clash = (new List<string>(), new List<EnvFromKeys>());
            }

            clash.Names.Add(definition.Name);
            if (!clash.Earlier.Contains(earlier))
            {
                clash.Earlier.Add(earlier);
            }
        }

        foreach (var source in environment.Sources)
        {
            if (!clashes.TryGetValue(source, out var clash) || source.Source.Reference?.NameNode is not { } anchor)
            {
                continue;
            }

            var related = new List<RelatedLocation>();
            foreach (var earlier in clash.Earlier)
            {
                if (earlier.Source.Reference?.NameNode is { } earlierNode)
                {
                    related.Add(new RelatedLocation(container.Pod.Owner.FileOf(earlierNode), earlierNode, $"{Describe(earlier)} sets the same {(clash.Names.Count > 1 ? "variables" : "variable")} first"));
                }
            }

            context.ReportAt(Rule, anchor, related, MessageArguments(container, source, clash.Names, clash.Earlier));
        }
    }

    /// <summary>The arguments of the message format, singular or plural as the names are one or several.</summary>
    private static object?[] MessageArguments(Container container, EnvFromKeys later, IReadOnlyList<string> names, IReadOnlyList<EnvFromKeys> earlier)
    {
        var several = names.Count > 1;
        return new object?[]
        {
            several ? "Variables" : "Variable", EnvironmentText.List(names), EnvironmentText.Of(container), several ? "come" : "comes",
            string.Join(" and ", earlier.Select(Describe)), Describe(later), several ? "values are" : "value is",
        };
    }

    private static string Describe(EnvFromKeys source) => $"{source.DisplayName} (envFrom[{source.Source.Index}])";
}
