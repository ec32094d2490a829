using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class ConfigMapIsNeverReferenced : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML1009",
        "ConfigMap or Secret is never referenced",
        "{0}",
        RuleCategory.References,
        DiagnosticSeverity.Info,
        enabledByDefault: false,
        "A ConfigMap or Secret of the set that no pod spec of the set references; it may be dead configuration, or read by an operator or an application through the API.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterSetAction(context =>
    {
        var set = context.Set;
        var referenced = new HashSet<(ConfigKind Kind, string Namespace, string Name)>();
        foreach (var obj in set.Objects)
        {
            foreach (var pod in obj.PodSpecs)
            {
                foreach (var use in pod.ConfigReferences)
                {
                    if (use.Reference.Name is { } name)
                    {
                        referenced.Add((use.Reference.Kind, obj.Namespace, name));
                    }
                }

                foreach (var secret in pod.ImagePullSecretNames.Concat(pod.VolumePluginSecretNames))
                {
                    referenced.Add((ConfigKind.Secret, obj.Namespace, secret.Value));
                }
            }

            // A ServiceAccount hands its image pull secrets to every pod that runs as it.
            if (obj.IsKind("ServiceAccount"))
            {
                foreach (var field in new[] { "imagePullSecrets", "secrets" })
                {
                    foreach (var item in obj.Root.GetSequence(field)?.Items ?? default)
                    {
                        if (item is Yaml.YamlMapping mapping && mapping.GetString("name") is { } name)
                        {
                            referenced.Add((ConfigKind.Secret, obj.Namespace, name));
                        }
                    }
                }
            }
        }

        foreach (var source in set.ConfigSources.All)
        {
            if (source.Object is not { } obj || referenced.Contains((source.Kind, obj.Namespace, source.Name)))
            {
                continue;
            }

            context.ReportAt(Rule, obj, source.NameNode, null,
                $"{source.DisplayName} is not referenced by any pod spec of the linted set (env, envFrom, volumes, imagePullSecrets, volume plugin credentials). "
                + $"Delete it if nothing reads it; suppress this note if an operator or an application reads it through the API.");
        }
    });
}
