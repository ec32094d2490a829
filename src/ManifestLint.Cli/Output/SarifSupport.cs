using System.Diagnostics.CodeAnalysis;

namespace ManifestLint.Cli.Output;

/// <summary>
/// Whether this build reads and writes SARIF. Sarif.Sdk and Newtonsoft.Json build their (de)serializers by reflection
/// and instantiate generic collections at run time, which Native AOT cannot always do: with the SARIF assemblies kept
/// whole, a valid baseline with a list of GUIDs (<c>deprecatedGuids</c>) stops the process. The AOT build turns this
/// switch off (ManifestLint.Cli.csproj), so its compiler leaves the SARIF code out and the tool refuses
/// <c>--format sarif</c> and <c>--baseline</c> with a usage error. The dotnet tool (JIT) build has it on.
/// </summary>
internal static class SarifSupport
{
    private const string Switch = "ManifestLint.Cli.SarifSupport";

    [FeatureSwitchDefinition(Switch)]
    public static bool IsAvailable => !AppContext.TryGetSwitch(Switch, out var enabled) || enabled;

    public const string Unavailable =
        "not available in this Native AOT build (Sarif.Sdk reads and writes SARIF by reflection); use the dotnet tool build: dotnet tool install --global ManifestLint";
}
