using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class EnvOverridesEnvFromVariable : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML4003",
        "env entry overrides an envFrom variable",
        "env '{0}' of {1} replaces the variable of the same name that envFrom brings in from {2} (key '{3}'): env wins. If that is intended there is nothing to do; otherwise rename the env entry or remove the key.",
        RuleCategory.Environment,
        DiagnosticSeverity.Info,
        enabledByDefault: true,
        "The kubelet applies envFrom first and env after it, so an env entry with the name of a variable that envFrom brings in replaces that value. Often deliberate, sometimes a surprise.",
        RulePrecision.Medium,
        "Rename or remove the env entry or the ConfigMap key, unless the override is intended.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var definition in ContainerEnvironment.Of(container, context.Set).Definitions)
            {
                // Only the first env entry of a name replaces envFrom; a repeated entry hides an env entry (ML4004).
                if (definition.Entry?.NameNode is not { } anchor || definition.Hides?.Source is not { } source)
                {
                    continue;
                }

                var related = new List<RelatedLocation>();
                if (source.Source.Reference?.NameNode is { } sourceNode)
                {
                    related.Add(new RelatedLocation(container.Pod.Owner.FileOf(sourceNode), sourceNode, $"{source.DisplayName} brings in '{MessageText.Shorten(definition.Name)}' through envFrom"));
                }

                context.ReportAt(Rule, anchor, related,
                    MessageText.Shorten(definition.Name), EnvironmentText.Of(container), source.DisplayName, definition.Hides.Key);
            }
        }
    });
}
