using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// The Roslyn analyzer package for real: packed into a local feed, referenced by a sample class library, built
/// with `dotnet build`. Findings must appear in the build output at the YAML file's line and column, with the same
/// IDs and messages as the tool, in the compiler's SARIF log, and with the severities .globalconfig sets.
/// </summary>
public sealed class AnalyzerPackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: app
            image: nginx:1.27
            env:
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: app-config
                  key: loglevel
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-credentials
                  key: password
            - name: 1ABC
              value: before Kubernetes 1.32, a name may not start with a digit
            volumeMounts:
            - name: config
              mountPath: /etc/app/app.conf
              subPath: app.conf
            - name: cache
              mountPath: /var/cache/app
          volumes:
          - name: config
            configMap:
              name: app-config
              defaultMode: 420
          - name: cache
            configMap:
              name: cache-settings

        """;

    // In another file: references resolve across the project's manifests, which are linted as one set.
    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app-config
        data:
          log-level: info
          app.conf: |
            listen 8080

        """;

    // ML3004 (a warning) becomes an error, ML3003 (off by default) is turned on, ML1001 (the missing ConfigMap
    // cache-settings) is turned off, the Secret db-credentials is declared to exist outside the project (no ML1002),
    // and the cluster runs Kubernetes 1.31 (ML4005: 1ABC is not a valid variable name before 1.32).
    private const string GlobalConfig = """
        is_global = true
        dotnet_diagnostic.ML3004.severity = error
        dotnet_diagnostic.ML3003.severity = warning
        dotnet_diagnostic.ML1001.severity = none
        manifestlint.external_objects = secret/db-*
        manifestlint.kube_version = 1.31

        """;

    // Per-file options: sections that match the YAML files (the compiler gives them to the analyzer per file).
    private const string EditorConfig = """
        root = true

        [deploy/**.yaml]
        manifestlint.default_namespace = shop

        """;

    [Fact]
    public void Dotnet_build_reports_the_findings_at_the_yaml_lines_with_the_configured_severities()
    {
        using var temp = new TempDirectory();
        var version = "0.0.0-test." + Guid.NewGuid().ToString("N").Substring(0, 12);
        var feed = Path.Combine(temp.Path, "feed");
        var environment = ChildEnvironment(Path.Combine(temp.Path, "packages"));

        var pack = ProcessRunner.Run(ProcessRunner.Dotnet, timeoutSeconds: (int)Timeout.TotalSeconds, workingDirectory: RepositoryPaths.Root, environment: environment, arguments: new[] { "pack", Path.Combine(RepositoryPaths.Root, "src", "ManifestLint.Analyzers", "ManifestLint.Analyzers.csproj"),
            "--no-build", "-c", BuildConfiguration, "-nodeReuse:false",
            "-p:PackAnalyzer=true", "-p:PackageVersion=" + version, "-p:NuspecOutputPath=" + Path.Combine(temp.Path, "nuspec") + "/",
            "-o", feed });
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.All);
        var package = Path.Combine(feed, $"ManifestLint.Analyzers.{version}.nupkg");
        AssertPackageLayout(package);

        var project = Path.Combine(temp.Path, "sample");
        temp.Write("sample/Sample.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ManifestLint.Analyzers" Version="{version}" PrivateAssets="all" />
                <ManifestLintFiles Include="deploy/**/*.yaml" />
              </ItemGroup>
            </Project>

            """);
        // The local feed beside the machine's own sources (the SDK may need packages from them).
        temp.Write("sample/nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="manifestlint-test-feed" value="{feed}" />
              </packageSources>
            </configuration>

            """);
        temp.Write("sample/Library.cs", "namespace Sample;\n\npublic static class Library\n{\n}\n");
        temp.Write("sample/.globalconfig", GlobalConfig);
        temp.Write("sample/.editorconfig", EditorConfig);
        temp.Write("sample/deploy/x.yaml", Pod);
        temp.Write("sample/deploy/config/app-config.yaml", ConfigMap);

        var build = ProcessRunner.Run(ProcessRunner.Dotnet, timeoutSeconds: (int)Timeout.TotalSeconds, workingDirectory: project, environment: environment, arguments: new[] { "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:ErrorLog=out.sarif%2Cversion=2.1" });
        var output = build.All;
        Assert.True(build.ExitCode != 0, "the build must fail: ML1003 and the raised ML3004 are errors\n" + output);

        // The lines the compiler prints: full path of the YAML file, (line,col), severity, ID, the tool's message.
        var x = Path.Combine(project, "deploy", "x.yaml");
        AssertBuildPrinted($"{x}(14,16): error ML1003: ConfigMap shop/app-config has no key 'loglevel'", output);
        AssertBuildPrinted($"{x}(25,16): error ML3004: Pod shop/web, container 'app': the subPath mount", output);
        AssertBuildPrinted($"{x}(20,13): error ML4005: env name '1ABC' of container 'app' of Pod shop/web is rejected by the API of Kubernetes 1.31", output);
        AssertBuildPrinted($"{x}(32,20): warning ML3003: Pod shop/web, volume 'config': defaultMode 420 is written in decimal", output);
        var defaults = CliRun.In(project, "deploy");
        Assert.Contains(defaults.OutLines, l => l.Contains("warning ML1001:", StringComparison.Ordinal));
        Assert.Contains(defaults.OutLines, l => l.Contains("warning ML1002:", StringComparison.Ordinal));
        Assert.DoesNotContain(defaults.OutLines, l => l.Contains("ML3003", StringComparison.Ordinal));
        Assert.DoesNotContain(defaults.OutLines, l => l.Contains("ML4005", StringComparison.Ordinal));
        Assert.DoesNotContain("ML1001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ML1002", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning ML3004", output, StringComparison.Ordinal);

        // Same IDs, places and messages as the tool run with the same configuration files.
        var cli = CliRun.In(project, "deploy", "--config", ".globalconfig");
        Assert.NotEmpty(cli.OutLines);
        foreach (var line in cli.OutLines)
        {
            AssertBuildPrinted(Path.Combine(project, line) + " (https://", output);
        }

        var reported = Regex.Matches(output, @"^.*?deploy/\S+\.yaml\(\d+,\d+\): (error|warning) ML\d{4}: .*$", RegexOptions.Multiline)
            .Select(m => m.Value.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(cli.OutLines.Length, reported.Length);

        // The compiler's SARIF log has them too, located in the YAML file.
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "out.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("ML", StringComparison.Ordinal))
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                return (Id: r.GetProperty("ruleId").GetString(), Level: r.GetProperty("level").GetString(),
                    Uri: location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                    Line: location.GetProperty("region").GetProperty("startLine").GetInt32(),
                    Column: location.GetProperty("region").GetProperty("startColumn").GetInt32());
            })
            .ToArray();
        Assert.Contains(results, r => r is { Id: "ML3004", Level: "error", Line: 25, Column: 16 } && r.Uri.EndsWith("/deploy/x.yaml", StringComparison.Ordinal));
        Assert.Contains(results, r => r is { Id: "ML1003", Level: "error", Line: 14, Column: 16 } && r.Uri.EndsWith("/deploy/x.yaml", StringComparison.Ordinal));
        Assert.Contains(results, r => r is { Id: "ML3003", Level: "warning", Line: 32, Column: 20 });
        Assert.DoesNotContain(results, r => r.Id is "ML1001" or "ML1002");
        Assert.Equal(cli.OutLines.Length, results.Length);
    }

    [Theory]
    [InlineData(null, "false")]
    [InlineData("-p:PackAnalyzer=true", "true")]
    [InlineData("-p:IsPackable=true", "true")]
    public void The_analyzer_is_packable_only_when_asked(string? property, string expected)
    {
        // pre-commit's `language: dotnet` packs the repository root and installs every package as a tool.
        var args = new List<string> { "msbuild", Path.Combine(RepositoryPaths.Root, "src", "ManifestLint.Analyzers", "ManifestLint.Analyzers.csproj"), "-getProperty:IsPackable" };
        if (property is not null)
        {
            args.Add(property);
        }

        var run = ProcessRunner.Run(ProcessRunner.Dotnet, args, RepositoryPaths.Root, ChildEnvironment(Path.Combine(Path.GetTempPath(), "manifestlint-tests", "unused-packages")), (int)Timeout.TotalSeconds);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(expected, run.Out.Trim());
    }

    private static void AssertBuildPrinted(string expected, string output) =>
        Assert.True(output.Contains(expected, StringComparison.Ordinal), $"The build output lacks\n  {expected}\nIt was:\n{output}");

    private static void AssertPackageLayout(string package)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var language in new[] { "cs", "vb" })
        {
            foreach (var assembly in new[] { "ManifestLint.Analyzers.dll", "ManifestLint.dll", "YamlDotNet.dll" })
            {
                Assert.Contains($"analyzers/dotnet/{language}/{assembly}", entries);
            }
        }

        Assert.Contains("build/ManifestLint.Analyzers.props", entries);
        Assert.Contains("build/ManifestLint.Analyzers.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith("Microsoft.CodeAnalysis.dll", StringComparison.Ordinal));
        var nuspec = new StreamReader(zip.GetEntry("ManifestLint.Analyzers.nuspec")!.Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependencies>", nuspec, StringComparison.Ordinal);
    }

    /// <summary>The configuration these tests were built in; the analyzer was built beside them by the solution.</summary>
    private static string BuildConfiguration =>
        typeof(AnalyzerPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    /// <summary>
    /// Child builds: their own package folder (the package is extracted fresh, nothing stale from a cache), no
    /// build servers left running, and none of the MSBuild variables of the `dotnet test` that started us.
    /// </summary>
    private static Dictionary<string, string?> ChildEnvironment(string packages) => new(StringComparer.Ordinal)
    {
        ["NUGET_PACKAGES"] = packages,
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
    };
}
