using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class KeyChangedByTypeResolution : ManifestRule
{
    // RS1032 wants a format of several sentences to end with a period; the last sentence, {4}, is the fix, which ends with the quoted key and its colon ("on":) when it shows one.
#pragma warning disable RS1032
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML2007",
        "Key is changed by YAML type resolution",
        "{0} in {1} of {2} {3}. {4}",
        RuleCategory.Content,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "Kubernetes' YAML 1.1 reads unquoted keys such as on, yes, 0644 and 1.50 as a boolean or a number and stores them as 'true', '420' or '1.5'; a null key (~) makes kubectl fail.",
        RulePrecision.VeryHigh,
        "Quote the key (\"on\", \"0644\") so that it is stored as written.");
#pragma warning restore RS1032

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        foreach (var section in ConfigDataSection.Of(context.Object))
        {
            // Every written entry, not only the kept ones: a converted key that collides with another is dropped.
            foreach (var entry in section.Mapping.Entries)
            {
                if (entry.Name is null)
                {
                    ReportUnusableKey(context, section, entry);
                    continue;
                }

                if (entry.Key is not YamlScalar { IsPlain: true } key || key.Value == entry.Name)
                {
                    continue;
                }

                ReportChangedKey(context, section, entry, key);
            }
        }
    }, "ConfigMap", "Secret");

    private static void ReportChangedKey(ObjectAnalysisContext context, ConfigDataSection section, YamlEntry entry, YamlScalar key)
    {
        var name = entry.Name!;
        var subject = $"Unquoted key {MessageText.Shorten(key.Value)}";
        var problem = $"is read by Kubernetes' YAML as {Describe(key)}, so it is stored as '{MessageText.Shorten(name)}'";
        var fix = $"Quote it to keep it as written: {MessageText.DoubleQuoted(MessageText.Shorten(key.Value))}:";
        var other = FindCollision(section.Mapping, entry);
        var hint = QuoteHint(context, section, entry, key);
        if (other is null)
        {
            context.ReportAt(Rule, entry.Key, null, hint, subject, section.Field, context.Object.DisplayName, problem, fix);
            return;
        }

        var kept = ReferenceEquals(section.Mapping.GetEntry(name), entry) ? "this value wins and the other is lost" : "this value is lost";
        context.ReportAt(Rule, entry.Key,
            new[] { new RelatedLocation(context.Object.FileOf(other.Key), other.Key, $"The other key that becomes '{MessageText.Shorten(name)}'.") },
            hint,
            subject, section.Field, context.Object.DisplayName, problem + $", the same key as the one on line {other.Key.Start.Line}: {kept}", fix);
    }

    private static void ReportUnusableKey(ObjectAnalysisContext context, ConfigDataSection section, YamlEntry entry)
    {
        var hint = entry.Key is YamlScalar { IsPlain: true, Value.Length: > 0 } plain ? QuoteHint(context, section, entry, plain) : null;
        var (subject, problem, fix) = entry.Key is YamlScalar scalar
            ? ($"Key {(scalar.Value.Length == 0 ? "(empty)" : MessageText.Shorten(scalar.Value))}", "is null in Kubernetes' YAML, and kubectl fails with \"unsupported map key of type: %!s(<nil>)\"",
                $"Quote it ({MessageText.DoubleQuoted(scalar.Value)}:) or rename it.")
            : ($"A {entry.Key.TypeName} used as a key", "cannot become a JSON key, so kubectl cannot convert the object", "Use a string key.");
        context.ReportAt(Rule, entry.Key, null, hint, subject, section.Field, context.Object.DisplayName, problem, fix);
    }

    /// <summary>
    /// Quoting keeps the key as written. Not offered when the written text is already another key of the mapping (the
    /// quoted key would collide with it) or is not a valid key (the API would then reject it for another reason).
    /// </summary>
    private static FixHint? QuoteHint(ObjectAnalysisContext context, ConfigDataSection section, YamlEntry entry, YamlScalar key)
    {
        if (!ConfigKeyRules.IsValid(key.Value))
        {
            return null;
        }

        foreach (var other in section.Mapping.Entries)
        {
            if (!ReferenceEquals(other, entry) && string.Equals(other.Name, key.Value, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return FixHints.QuotePlain(context.Object.FileOf(key), key, $"Quote the key: {ScalarText.DoubleQuoted(key.Value)}");
    }

    private static YamlEntry? FindCollision(YamlMapping mapping, YamlEntry entry)
    {
        foreach (var other in mapping.Entries)
        {
            if (!ReferenceEquals(other, entry) && !ReferenceEquals(other.Key, entry.Key) && string.Equals(other.Name, entry.Name, StringComparison.Ordinal))
            {
                return other;
            }
        }

        return null;
    }

    private static string Describe(YamlScalar key) => key.ResolvedType switch
    {
        ScalarType.Bool => $"the boolean {key.Resolved.Json}",
        ScalarType.Int => $"the number {key.Resolved.Json}",
        _ => "a floating-point number",
    };
}
