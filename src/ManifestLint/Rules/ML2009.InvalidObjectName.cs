using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class InvalidObjectName : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2009",
        "Invalid object name",
        "The name of {0} {1}/{2} is not a lowercase RFC 1123 subdomain (a-z, 0-9, '-' and '.', starting and ending with a letter or digit, at most 253 characters), so the API rejects the object. Rename it{3} and update the references to it.",
        RuleCategory.Content,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "A ConfigMap or Secret name must be a lowercase RFC 1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', starting and ending with a letter or digit.",
        RulePrecision.VeryHigh,
        "Rename the object to a valid name, such as my-config, and update every reference to it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        var obj = context.Object;

        // A missing or empty name is ML0003's finding, a name that is not a string ML0005's.
        if (obj.NameNode is not { } nameNode || KubernetesValues.AsString(nameNode) is not { Length: > 0 } name
            || ObjectNames.IsDns1123Subdomain(name))
        {
            return;
        }

        var example = ObjectNames.SuggestDns1123Subdomain(name) is { } suggestion ? $", for example to '{MessageText.Shorten(suggestion)}'," : string.Empty;
        context.ReportAt(Rule, nameNode, obj.Kind, obj.Namespace, MessageText.Shorten(name), example);
    }, "ConfigMap", "Secret");
}
