using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ManifestLint.Analysis;
using ManifestLint.Cli;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// What keeps the Native AOT build (<c>-p:ManifestLintAot=true</c>) equal to the JIT build, checked without an AOT
/// publish (minutes): a trimmed build keeps only the types the code names, so nothing may look types up by
/// reflection; and where SARIF is switched off the tool refuses it. The byte-for-byte comparison of the two builds is
/// the manual check in the README ("Performance").
/// </summary>
[Collection(SwitchesProcessWideSettings.Name)]
public sealed class NativeAotTests
{
    private static readonly (string Type, string Member)[] TypeLookups =
    {
        ("System.Reflection.Assembly", "GetTypes"),
        ("System.Reflection.Assembly", "GetExportedTypes"),
        ("System.Reflection.Assembly", "get_DefinedTypes"),
        ("System.Reflection.Assembly", "get_ExportedTypes"),
        ("System.Reflection.Assembly", "GetType"),
        ("System.Reflection.Assembly", "CreateInstance"),
        ("System.Reflection.Module", "GetTypes"),
        ("System.Type", "GetType"),
        ("System.Activator", "CreateInstance"),
    };

    [Fact]
    public void Engine_and_tool_find_no_types_by_reflection()
    {
        foreach (var assembly in new[] { typeof(ManifestRule).Assembly, typeof(CliApplication).Assembly })
        {
            using var stream = File.OpenRead(assembly.Location);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var used = reader.MemberReferences
                .Select(handle => reader.GetMemberReference(handle))
                .Where(member => member.Parent.Kind == HandleKind.TypeReference)
                .Select(member =>
                {
                    var type = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
                    return (Type: reader.GetString(type.Namespace) + "." + reader.GetString(type.Name), Member: reader.GetString(member.Name));
                })
                .ToHashSet();
            Assert.Contains(used, m => m.Type == "System.Object");
            var lookups = TypeLookups.Where(used.Contains).Select(m => $"{m.Type}.{m.Member}").ToArray();
            Assert.True(lookups.Length == 0, $"{assembly.GetName().Name} calls {string.Join(", ", lookups)}: a trimmed build loses the types it looks for");
        }
    }

    [Theory]
    [InlineData("--format sarif", "--format", "sarif")]
    [InlineData("--baseline", "--baseline", "old.sarif")]
    [InlineData("--format sarif and --baseline", "--format", "sarif", "--baseline", "old.sarif")]
    public void Sarif_switched_off_is_refused_in_one_line_with_exit_2(string named, params string[] options)
    {
        using var temp = new TempDirectory();
        temp.Write("m.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");
        temp.Write("old.sarif", "{\"version\": \"2.1.0\", \"runs\": []}\n");
        AppContext.SetSwitch("ManifestLint.Cli.SarifSupport", false);
        try
        {
            var run = CliRun.In(temp.Path, options.Concat(new[] { "--output", "report.out", "m.yaml" }).ToArray());
            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Equal(string.Empty, run.Out);
            Assert.StartsWith($"manifestlint: {named}: not available in this Native AOT build", run.Error, StringComparison.Ordinal);
            Assert.Contains("dotnet tool", run.Error, StringComparison.Ordinal);
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.False(File.Exists(Path.Combine(temp.Path, "report.out")));
        }
        finally
        {
            AppContext.SetSwitch("ManifestLint.Cli.SarifSupport", true);
        }

        // Switched back on (the dotnet tool), the same command writes the report.
        Assert.Equal(ExitCodes.Clean, CliRun.In(temp.Path, options.Concat(new[] { "--output", "report.out", "m.yaml" }).ToArray()).ExitCode);
        Assert.True(File.Exists(Path.Combine(temp.Path, "report.out")));
    }
}

/// <summary>Tests that change process-wide settings (AppContext switches) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SwitchesProcessWideSettings
{
    public const string Name = "process-wide settings";
}
