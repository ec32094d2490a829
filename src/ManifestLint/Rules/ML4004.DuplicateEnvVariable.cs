using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class DuplicateEnvVariable : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML4004",
        "Duplicate env variable",
        "env '{0}' of {1} is defined again here after {2}: the kubelet uses this value, and the API warns that the earlier definition may be dropped when using kubectl apply. Remove one of them.",
        RuleCategory.Environment,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "The same name twice in one env list: the kubelet keeps the last value, the API warns that the earlier definition may be dropped by kubectl apply, and a reader sees two values.",
        RulePrecision.VeryHigh,
        "Remove one of the two env entries, or write the later one as a self-reference that extends the earlier value.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var definition in ContainerEnvironment.Of(container, context.Set).Definitions)
            {
                if (definition.Entry is not { NameNode: { } anchor } entry || definition.Hides is not { Entry: { } earlier } hidden)
                {
                    continue;
                }

                if (ExtendsEarlierDefinition(entry))
                {
                    continue;
                }

                var related = new[] { new RelatedLocation(container.Pod.Owner.FileOf(earlier.NameNode ?? (YamlNode)earlier.Node), earlier.NameNode ?? (YamlNode)earlier.Node, $"the earlier definition of '{MessageText.Shorten(definition.Name)}'") };
                context.ReportAt(Rule, anchor, related, RemoveEarlierHint(container, earlier, entry),
                    MessageText.Shorten(definition.Name), EnvironmentText.Of(container), EnvironmentText.Line(hidden));
            }
        }
    });

    /// <summary>
    /// Removing the earlier entry changes nothing the container sees when both entries give the same value and no entry
    /// between them reads <c>$(NAME)</c> (which would expand against the earlier one); otherwise which one to keep is
    /// the user's choice, and there is no fix.
    /// </summary>
    private static FixHint? RemoveEarlierHint(Container container, EnvVar earlier, EnvVar later)
    {
        if (container.Node.GetSequence("env") is not { } list || earlier.Index >= list.Count || !ReferenceEquals(list[earlier.Index], earlier.Node)
            || !YamlValueEquality.SameValue(earlier.Node, later.Node))
        {
            return null;
        }

        var reference = "$(" + later.Name + ")";
        for (var i = earlier.Index + 1; i < later.Index && i < list.Count; i++)
        {
            if (list[i] is YamlMapping between && between.GetString("value") is { } value && value.IndexOf(reference, StringComparison.Ordinal) >= 0)
            {
                return null;
            }
        }

        return FixHints.RemoveItem(container.Pod.Owner.FileOf(list), list, earlier.Index, $"Remove the earlier, identical definition of '{later.Name}'");
    }

    /// <summary>
    /// The API's own exception (pkg/api/pod/warnings.go): a later plain value that contains <c>$(NAME)</c> and is not
    /// just <c>$(NAME)</c> builds on the earlier definition (<c>PATH=$(PATH):/opt/bin</c>), so it is not a mistake.
    /// </summary>
    private static bool ExtendsEarlierDefinition(EnvVar entry)
    {
        if (entry.Node["valueFrom"] is { } valueFrom && !(valueFrom is YamlScalar { ResolvedType: ScalarType.Null }))
        {
            return false;
        }

        return VariableReference.ExtendsItself(entry.Name!, entry.Node.GetString("value"));
    }
}
