using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class UndefinedVariableReference : ManifestRule
{
    // RS1032 wants a format of several sentences to end with a period; the last sentence, {4}, is the fix, which is a question (did you mean $(X)?) when the rule has a guess.
#pragma warning disable RS1032
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML4007",
        "Variable reference is never defined",
        "{0} refers to {1}, which {2}: the kubelet {3}. {4}",
        RuleCategory.Environment,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "The kubelet expands $(NAME) in env values (against the variables defined before the entry) and in command and args (against the whole environment); a reference to a variable the container does not define is left in the text as written. In a subPathExpr an undefined or empty variable fails the container (CreateContainerConfigError), which is reported as an error.",
        RulePrecision.High,
        "Define the variable in env before the entry that uses it, fix its name, or write $$(NAME) for the literal text.");
#pragma warning restore RS1032

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        foreach (var container in context.PodSpec.Containers)
        {
            var environment = ContainerEnvironment.Of(container, context.Set);
            if (environment.HasUnknownSources)
            {
                // An envFrom source outside the set may define any name, so no reference can be called undefined.
                continue;
            }

            foreach (var entry in container.Env)
            {
                if (entry.ValueNode is { IsResolvedString: true } value)
                {
                    Check(context, environment, value, $"env '{MessageText.Shorten(entry.Name ?? string.Empty)}' of {EnvironmentText.Of(container)}", entry);
                }
            }

            CheckList(context, environment, container.Command, $"command of {EnvironmentText.Of(container)}");
            CheckList(context, environment, container.Args, $"args of {EnvironmentText.Of(container)}");
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.SubPathExprNode is { IsResolvedString: true } expression
                    && environment.MissingForSubPathExpr(expression.Value) is { Count: > 0 } missing)
                {
                    // Not text left as written, as in env, command and args: the container does not start.
                    context.ReportAt(Rule, DiagnosticSeverity.Error, expression, null, SubPathExprMessageArguments(environment, container, mount, missing));
                }
            }
        }
    });

    /// <summary>What a downward API field gives the variables a subPathExpr usually names.</summary>
    private static readonly Dictionary<string, string> DownwardFields = new(StringComparer.Ordinal)
    {
        ["POD_NAME"] = "metadata.name",
        ["POD_NAMESPACE"] = "metadata.namespace",
        ["POD_UID"] = "metadata.uid",
        ["NODE_NAME"] = "spec.nodeName",
        ["POD_IP"] = "status.podIP",
    };

    private static object?[] SubPathExprMessageArguments(ContainerEnvironment environment, Container container, VolumeMount mount, IReadOnlyList<string> names)
    {
        var several = names.Count > 1;
        var references = string.Join(" and ", names.Select(n => "$(" + n + ")"));
        var empty = names.Where(n => environment.Find(n) is not null).ToList();
        var state = empty.Count == 0
            ? "the container does not define"
            : empty.Count == names.Count
                ? $"{(several ? "are" : "is")} set to an empty value"
                : "the container does not define or sets to an empty value";
        var subject = $"subPathExpr '{mount.SubPathExpr}' of the mount of volume '{mount.Name}' in {EnvironmentText.Of(container)}";
        var outcome = $"cannot expand it and fails the container with CreateContainerConfigError (missing value for {string.Join(", ", names.OrderBy(n => n, StringComparer.Ordinal))}); the pod's other containers start, but the pod stays Pending";
        var fixes = new List<string>();
        foreach (var name in names)
        {
            if (environment.Find(name) is { } definition)
            {
                fixes.Add($"give {name} a value that is not empty (on {EnvironmentText.Line(definition)})");
            }
            else if (DownwardFields.TryGetValue(name, out var field))
            {
                fixes.Add($"define {name} in env with valueFrom: {{fieldRef: {{fieldPath: {field}}}}}");
            }
            else if (NameSuggestion.Closest(name, environment.Names) is { } suggestion)
            {
                fixes.Add($"did you mean $({suggestion})?");
            }
            else
            {
                fixes.Add($"define {name} in env, for example from the pod's name with valueFrom: {{fieldRef: {{fieldPath: metadata.name}}}}");
            }
        }

        var fix = string.Join("; ", fixes);
        return new object?[] { subject, references, state, outcome, $"{char.ToUpperInvariant(fix[0])}{fix.Substring(1)}{(fix.EndsWith("?", StringComparison.Ordinal) ? string.Empty : ".")}" };
    }

    /// <summary>
    /// Whether <c>$(name)</c> is meant as a variable reference. The kubelet tries every <c>$(...)</c>, but text that
    /// is no variable name (<c>$(cat /etc/hostname)</c>, <c>$((i + 1))</c>) or that is all lower case
    /// (<c>$(date)</c>, <c>$(hostname)</c>) is a shell command substitution that is meant to pass through untouched.
    /// </summary>
    public static bool IsMeantAsVariable(string name)
    {
        if (EnvironmentVariableName.StrictProblem(name) is not null)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckList(PodSpecAnalysisContext context, ContainerEnvironment environment, YamlSequence? list, string where)
    {
        if (list is null)
        {
            return;
        }

        foreach (var item in list.Items)
        {
            if (item is YamlScalar { IsResolvedString: true } scalar)
            {
                Check(context, environment, scalar, where, null);
            }
        }
    }

    /// <param name="entry">The env entry whose value this is; null for command and args, which see every variable.</param>
    private static void Check(PodSpecAnalysisContext context, ContainerEnvironment environment, YamlScalar scalar, string where, EnvVar? entry)
    {
        var undefined = new List<string>();
        foreach (var reference in VariableReference.Find(scalar.Value))
        {
            var name = reference.Name;
            if (undefined.Contains(name) || !IsMeantAsVariable(name) || environment.IsServiceLinkVariable(name) || context.Set.IsKustomizeVariable(name))
            {
                continue;
            }

            var defined = entry is null ? environment.Find(name) : environment.FindBefore(entry, name);
            if (defined is null)
            {
                undefined.Add(name);
            }
        }

        if (undefined.Count > 0)
        {
            context.ReportAt(Rule, scalar, MessageArguments(environment, where, entry, undefined));
        }
    }

    private static object?[] MessageArguments(ContainerEnvironment environment, string where, EnvVar? entry, IReadOnlyList<string> names)
    {
        var several = names.Count > 1;
        var references = string.Join(" and ", names.Take(EnvironmentText.ListLimit).Select(n => "$(" + MessageText.Shorten(n) + ")"))
                         + (names.Count > EnvironmentText.ListLimit ? $" and {names.Count - EnvironmentText.ListLimit} more" : string.Empty);
        names = names.Take(EnvironmentText.ListLimit).ToArray();
        var state = entry is null
            ? "the container does not define"
            : $"{(several ? "are" : "is")} not defined before this entry";
        var outcome = $"leaves {(several ? "them" : "it")} in the text as written";
        var fixes = new List<string>();
        foreach (var name in names)
        {
            var later = entry is null ? null : environment.DefinitionsOf(name).FirstOrDefault(d => d.Entry != entry);
            if (later is not null)
            {
                fixes.Add($"{MessageText.Shorten(name)} is defined only later, on {EnvironmentText.Line(later)}: move that entry above this one");
            }
            else if (entry is not null && string.Equals(name, entry.Name, StringComparison.Ordinal))
            {
                fixes.Add($"nothing defines {MessageText.Shorten(name)} before this entry, so it cannot extend an earlier value (variables set in the image are not visible to $(...))");
            }
            else if (NameSuggestion.Closest(name, environment.Names) is { } suggestion)
            {
                fixes.Add($"did you mean $({MessageText.Shorten(suggestion)})?");
            }
        }

        var fix = fixes.Count > 0
            ? string.Join("; ", fixes) + (fixes[fixes.Count - 1].EndsWith("?", StringComparison.Ordinal) ? string.Empty : ".")
            : $"Define {(several ? "them" : MessageText.Shorten(names[0]))} in env{(entry is null ? string.Empty : " before this entry")}, or write $$({MessageText.Shorten(names[0])}) for the literal text (variables set in the image are not visible to $(...)).";
        return new object?[] { where, references, state, outcome, $"{char.ToUpperInvariant(fix[0])}{fix.Substring(1)}" };
    }
}
