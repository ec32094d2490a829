using ManifestLint.Rules;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Engine;

/// <summary>The rules of the engine and their descriptors ordered by ID.</summary>
public sealed class RuleCatalog : IRuleSet
{
    private static readonly Lazy<RuleCatalog> DefaultCatalog = new(() => new RuleCatalog(CreateRules()));

    private RuleCatalog(IReadOnlyList<ManifestRule> rules)
    {
        Rules = rules;
        Descriptors = rules.SelectMany(r => r.SupportedDiagnostics)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
        var byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in Descriptors)
        {
            if (byId.ContainsKey(descriptor.Id))
            {
                throw new InvalidOperationException($"Two rules declare {descriptor.Id}.");
            }

            byId[descriptor.Id] = descriptor;
        }

        ById = byId;
    }

    public static RuleCatalog Default => DefaultCatalog.Value;

    public IReadOnlyList<ManifestRule> Rules { get; }

    public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    public IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; }

    /// <summary>The engine's options and the ones these rules declare.</summary>
    public OptionSet Options => _options ??= new OptionSet(Rules.SelectMany(r => r.Options));

    private OptionSet? _options;

    /// <summary>
    /// The rule's PascalCase name: the class name of a rule that declares one descriptor (ReferencedKeyDoesNotExist),
    /// else the title in PascalCase.
    /// </summary>
    public string NameOf(DiagnosticDescriptor descriptor)
    {
        foreach (var rule in Rules)
        {
            if (rule.SupportedDiagnostics.Length == 1 && rule.SupportedDiagnostics[0].Id == descriptor.Id)
            {
                return rule.GetType().Name;
            }
        }

        var builder = new System.Text.StringBuilder();
        foreach (var word in descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).Split(' ', ',', '-', '/', '.', '(', ')'))
        {
            if (word.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Every rule of the engine, listed here by hand (in ID order) rather than discovered by reflection, so that a
    /// trimmed Native AOT build keeps them and start-up does no type scan. CatalogTests checks that the list holds
    /// exactly the <see cref="ManifestRule"/> types of this assembly: a new rule that is not added here fails it.
    /// </summary>
    private static ManifestRule[] CreateRules() => new ManifestRule[]
    {
        new YamlCannotBeParsed(),                      // ML0001
        new DuplicateMappingKey(),                     // ML0002
        new ObjectLacksIdentity(),                     // ML0003
        new TemplateSyntaxInManifest(),                // ML0004
        new ValueHasWrongType(),                       // ML0005
        new UnknownField(),                            // ML0006
        new InputExceedsSafetyLimits(),                // ML0007
        new VolumeReferencesMissingConfigMap(),        // ML1001
        new EnvironmentReferencesMissingConfigMap(),   // ML1002
        new ReferencedKeyDoesNotExist(),               // ML1003
        new EnvironmentVariableReadsBinaryDataKey(),   // ML1004
        new OptionalReferenceTargetIsMissing(),        // ML1005
        new SubPathNamesMissingFile(),                 // ML1006
        new VolumeMountReferencesUndefinedVolume(),    // ML1007
        new ReferenceCrossesNamespaces(),              // ML1008
        new ConfigMapIsNeverReferenced(),              // ML1009
        new VolumeIsNeverMounted(),                    // ML1010
        new ReferenceNameIsInvalid(),                  // ML1011
        new InvalidKey(),                              // ML2001
        new ConfigMapExceedsOneMebibyte(),             // ML2002
        new ObjectTooLargeForClientSideApply(),        // ML2003
        new KeyInDataAndBinaryData(),                  // ML2004
        new InvalidBase64(),                           // ML2005
        new DataValueIsNotString(),                    // ML2006
        new KeyChangedByTypeResolution(),              // ML2007
        new MultiLineValueHasTrailingWhitespace(),     // ML2008
        new InvalidObjectName(),                       // ML2009
        new ConfigMapCouldBeImmutable(),               // ML2010
        new DecimalFileModeReadsLikeOctal(),           // ML3001
        new FileModeOutOfRange(),                      // ML3002
        new FileModeWrittenInDecimal(),                // ML3003
        new SubPathMountNeverUpdated(),                // ML3004
        new VolumeHidesSystemDirectory(),              // ML3005
        new DuplicateMountPath(),                      // ML3006
        new InvalidVolumePath(),                       // ML3007
        new DuplicateItemPath(),                       // ML3008
        new ReadOnlyFalseHasNoEffect(),                // ML3009
        new SubPathAndSubPathExprTogether(),           // ML3010
        new EnvFromKeyIsNotPortable(),                 // ML4001
        new VariableSetBySeveralEnvFromSources(),      // ML4002
        new EnvOverridesEnvFromVariable(),             // ML4003
        new DuplicateEnvVariable(),                    // ML4004
        new InvalidVariableNameOrPrefix(),             // ML4005
        new InvalidEnvironmentSource(),                // ML4006
        new UndefinedVariableReference(),              // ML4007
    };

    public static RuleCatalog From(IReadOnlyList<ManifestRule> rules) => new(rules);
}
