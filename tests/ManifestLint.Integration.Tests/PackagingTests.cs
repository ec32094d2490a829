using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ManifestLint.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Tests;

/// <summary>
/// The three ways users run ManifestLint, each with the real client: the dotnet tool package (tool-path and local tool
/// manifest), pre-commit's try-repo, and the GitHub Action's script. These start real processes and pack the tool, so
/// they live in one class (run one after another) and take a few minutes.
/// </summary>
public sealed class PackagingTests : IClassFixture<PackagedRepository>
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  level: info\n  mode: fast\n";

    private const string Pod =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n" +
        "    env:\n    - name: LEVEL\n      valueFrom:\n        configMapKeyRef:\n          name: app-config\n          key: level\n";

    private readonly PackagedRepository _repo;

    public PackagingTests(PackagedRepository repo) => _repo = repo;

    [Fact]
    public void The_package_is_a_dotnet_tool_with_readme_licence_repository_tags_and_ReadyToRun_code()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", _repo.Version);
        using var zip = ZipFile.OpenRead(_repo.Package);
        var names = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("README.md", names);
        Assert.Contains("LICENSE", names);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", names);
        Assert.DoesNotContain(names, n => n.StartsWith("tools/", StringComparison.Ordinal) && !n.StartsWith("tools/net10.0/any/", StringComparison.Ordinal));

        XNamespace ns = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";
        var nuspec = XDocument.Load(zip.GetEntry("ManifestLint.nuspec")!.Open());
        var metadata = nuspec.Root!.Element(ns + "metadata")!;
        Assert.Equal("ManifestLint", metadata.Element(ns + "id")!.Value);
        Assert.Equal(_repo.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.StartsWith("https://github.com/", metadata.Element(ns + "repository")!.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Contains("kubernetes", metadata.Element(ns + "tags")!.Value.Split(' '));
        Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")!.Element(ns + "packageType")!.Attribute("name")!.Value);

        var settings = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal("manifestlint", command.Attribute("Name")!.Value);
        Assert.Equal("dotnet", command.Attribute("Runner")!.Value);

        // ReadyToRun: the assemblies carry precompiled code (a managed native header), so start-up skips most JIT work.
        foreach (var assembly in new[] { "ManifestLint.Cli.dll", "ManifestLint.dll", "YamlDotNet.dll" })
        {
            using var stream = new MemoryStream();
            using (var entry = zip.GetEntry("tools/net10.0/any/" + assembly)!.Open())
            {
                entry.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, assembly + " is not ReadyToRun");
        }
    }

    [Fact]
    public void The_tool_installs_into_a_tool_path_and_lints_the_examples()
    {
        var toolPath = _repo.NewDirectory("tool-path");
        var install = Dotnet(_repo.Snapshot, "tool", "install", "--tool-path", toolPath, "--add-source", _repo.Packages, "--configfile", _repo.NuGetConfig, "--version", _repo.Version, "ManifestLint");
        Assert.True(install.ExitCode == 0, install.ToString());

        var run = ProcessRunner.Run(Path.Combine(toolPath, "manifestlint"), new[] { "examples" }, _repo.Snapshot);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("examples/kiada/deployment.yaml(34,20): error ML1003: ConfigMap default/kiada-config has no key 'loglevel'", run.Out, StringComparison.Ordinal);
        Assert.Contains("examples/kiada/deployment.yaml(39,9): warning ML0002:", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"manifestlint: 3 files, 3 objects: \d+ errors", run.Error);

        var version = ProcessRunner.Run(Path.Combine(toolPath, "manifestlint"), new[] { "--version" }, _repo.Snapshot);
        Assert.StartsWith(_repo.Version, version.Out.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_tool_manifest_installs_and_restores_the_tool()
    {
        // A private NuGet packages folder and CLI home: local tools live in the packages folder and are found through
        // the CLI home's tool resolver cache, and a ManifestLint of the same version from an earlier run must neither
        // satisfy nor be overwritten by this test.
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = _repo.NewDirectory("nuget-packages"),
            ["DOTNET_CLI_HOME"] = _repo.NewDirectory("dotnet-cli-home"),
        };
        var first = _repo.NewDirectory("local-tool");
        Assert.Equal(0, Dotnet(first, environment, "new", "tool-manifest").ExitCode);
        var install = Dotnet(first, environment, "tool", "install", "--local", "--add-source", _repo.Packages, "--configfile", _repo.NuGetConfig, "--version", _repo.Version, "ManifestLint");
        Assert.True(install.ExitCode == 0, install.ToString());
        // The SDK 10 template writes dotnet-tools.json at the root; older ones wrote .config/dotnet-tools.json.
        var manifestPath = new[] { "dotnet-tools.json", Path.Combine(".config", "dotnet-tools.json") }.Single(p => File.Exists(Path.Combine(first, p)));
        var manifest = File.ReadAllText(Path.Combine(first, manifestPath));
        Assert.Contains("\"manifestlint\"", manifest, StringComparison.Ordinal);

        // A fresh clone: only the manifest is there; `dotnet tool restore` (as in CI) brings the tool back.
        var clone = _repo.NewDirectory("local-tool-clone");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(clone, manifestPath))!);
        File.WriteAllText(Path.Combine(clone, manifestPath), manifest);
        var packages = _repo.NewDirectory("nuget-packages-clone");
        environment["NUGET_PACKAGES"] = packages;
        environment["DOTNET_CLI_HOME"] = _repo.NewDirectory("dotnet-cli-home-clone");
        var restore = Dotnet(clone, environment, "tool", "restore", "--add-source", _repo.Packages, "--configfile", _repo.NuGetConfig);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.True(Directory.Exists(Path.Combine(packages, "manifestlint", _repo.Version)), "the tool was not restored into the packages folder");

        var run = Dotnet(clone, environment, "tool", "run", "manifestlint", "--", Path.Combine(_repo.Snapshot, "examples"));
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error ML1003:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_commit_try_repo_fails_on_broken_manifests_passes_on_clean_ones_and_resolves_references_across_files()
    {
        var (target, run) = PreCommitRepository("pre-commit-target");
        ProcessResult TryRepo(params string[] selection) => run(new[] { "manifestlint" }.Concat(selection).ToArray());

        // Clean: the pod's key exists in the ConfigMap of another file. (try-repo installs the hook, that is packs
        // this repository, on every call: two calls cover the three cases.)
        var clean = TryRepo("--all-files");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Matches(@"ManifestLint\.+Passed", clean.All);

        // A broken manifest, and a ConfigMap that loses the key a pod in an unchanged file reads: the hook fails and
        // prints both findings, the second located in the file that did not change.
        File.WriteAllText(Path.Combine(target, "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\nimmutable: \"yes\"\n");
        File.WriteAllText(Path.Combine(target, "configmap.yaml"), ConfigMap.Replace("  level: info\n", string.Empty, StringComparison.Ordinal));
        var broken = TryRepo("--files", "broken.yaml", "configmap.yaml", "notes.json");
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Matches(@"ManifestLint\.+Failed", broken.All);
        Assert.Contains("broken.yaml(5,12): error ML0005:", broken.All, StringComparison.Ordinal);
        Assert.Contains("apps/pod.yaml(14,16): error ML1003: ConfigMap default/app-config has no key 'level'", broken.All, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_script_writes_sarif_and_annotations_with_the_environment_github_gives_it()
    {
        var action = ActionDefinition.Load(Path.Combine(_repo.Snapshot, "action.yml"));
        var workspace = _repo.NewDirectory("workspace");
        CopyDirectory(Path.Combine(_repo.Snapshot, "examples"), Path.Combine(workspace, "examples"));
        File.WriteAllText(Path.Combine(workspace, "deploy-configmap.yaml"), ConfigMap);
        Directory.CreateDirectory(Path.Combine(workspace, "deploy"));
        File.WriteAllText(Path.Combine(workspace, "deploy", "pod.yaml"), Pod.Replace("key: level", "key: levels", StringComparison.Ordinal));
        var runnerTemp = _repo.NewDirectory("runner-temp");

        ProcessResult RunAction(IReadOnlyDictionary<string, string> inputs, out string outputs)
        {
            var outputFile = Path.Combine(runnerTemp, "output-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(outputFile, string.Empty);
            var environment = new Dictionary<string, string?>(action.StepEnvironment(inputs))
            {
                ["GITHUB_ACTIONS"] = "true",
                ["CI"] = "true",
                ["GITHUB_WORKSPACE"] = workspace,
                ["GITHUB_ACTION_PATH"] = _repo.Snapshot,
                ["RUNNER_TEMP"] = runnerTemp,
                ["GITHUB_OUTPUT"] = outputFile,
            };
            var result = ProcessRunner.Run("bash", new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", action.RunScript }, workspace, environment, 900);
            outputs = File.ReadAllText(outputFile);
            return result;
        }

        // A suppression comment that silences nothing: a configuration warning with its rule and column (issue 18 item 7).
        File.WriteAllText(Path.Combine(workspace, "deploy", "stale.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stale\ndata:\n  a: b  # manifestlint-disable-line ML2001 -- old\n");

        // Defaults: SARIF to manifestlint.sarif and the problem matcher over the text output, from one lint run.
        var first = RunAction(new Dictionary<string, string> { ["paths"] = "examples\ndeploy\ndeploy-configmap.yaml\n" }, out var outputs);
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Contains("exit-code=1", outputs, StringComparison.Ordinal);
        Assert.Contains("sarif-file=manifestlint.sarif", outputs, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(first.All, @"^manifestlint: \d+ files?, ", RegexOptions.Multiline));

        using (var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "manifestlint.sarif"))))
        {
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
            var crossFile = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "ML1003"
                && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "deploy/pod.yaml");
            Assert.Equal("error", crossFile.GetProperty("level").GetString());
            Assert.Equal(14, crossFile.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Contains(results, r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "examples/kiada/deployment.yaml");
        }

        var lines = first.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var matcherPath = Path.Combine(_repo.Snapshot, ".github", "manifestlint-problem-matcher.json");
        Assert.Equal("::add-matcher::" + matcherPath, lines[0]);
        Assert.Equal(new[] { "::remove-matcher owner=manifestlint::", "::remove-matcher owner=manifestlint-note::", "::remove-matcher owner=manifestlint-config::" }, lines[^3..]);
        var matcher = ProblemMatcher.Load(matcherPath);
        var annotations = lines.Skip(1).Take(lines.Length - 4).Where(l => !l.StartsWith("manifestlint: ", StringComparison.Ordinal)).Select(matcher.Match).ToArray();
        Assert.All(annotations, Assert.NotNull);
        Assert.Contains(annotations, a => a == new Annotation("deploy/pod.yaml", "14", "16", "error", "ML1003"));
        Assert.Contains(annotations, a => a == new Annotation("examples/kiada/deployment.yaml", "39", "9", "warning", "ML0002"));
        Assert.Contains(annotations, a => a == new Annotation("examples/kiada/deployment.yaml", "34", "20", "error", "ML1003"));
        Assert.Contains(annotations, a => a == new Annotation("deploy/stale.yaml", "6", "9", "warning", "ML2001"));
        Assert.Equal(new Annotation("a.yaml", "3", "5", "notice", "ML1010"), matcher.Match("a.yaml(3,5): note ML1010: Volume 'x' is never mounted."));
        Assert.Equal(new Annotation("a.yaml", "2", "7", "warning", string.Empty), matcher.Match("a.yaml(2,7): warning: '# manifestlint-disable-line' suppresses nothing: no any finding starts on line 2. Remove it."));

        // Workflow commands instead, no SARIF, nothing fails at fail-level none.
        var second = RunAction(new Dictionary<string, string> { ["paths"] = "deploy", ["sarif-file"] = string.Empty, ["annotations"] = "workflow-commands", ["fail-level"] = "none" }, out outputs);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("exit-code=0", outputs, StringComparison.Ordinal);
        // Only deploy/ is linted now: the ConfigMap beside it is not in the set.
        Assert.Matches(@"^::warning file=deploy/pod\.yaml,line=13,col=17,endLine=13,endColumn=\d+,title=ML1002::\S", second.Out);
        Assert.Contains("::warning file=deploy/stale.yaml,line=6,col=9,title=ML2001::'# manifestlint-disable-line ML2001 -- old' suppresses nothing", second.Out, StringComparison.Ordinal);
        File.Delete(Path.Combine(workspace, "deploy", "stale.yaml"));

        // A failed install exits with 4, never 1 ("findings"): here a version no package source has.
        File.WriteAllText(Path.Combine(workspace, "nuget.config"), $"<configuration><packageSources><clear /><add key=\"empty\" value=\"{_repo.NewDirectory("empty-source")}\" /></packageSources></configuration>");
        var noInstall = RunAction(new Dictionary<string, string> { ["paths"] = "deploy", ["version"] = "0.0.0-missing" }, out outputs);
        File.Delete(Path.Combine(workspace, "nuget.config"));
        Assert.True(noInstall.ExitCode == 4, noInstall.ToString());
        Assert.Contains("exit-code=4", outputs, StringComparison.Ordinal);
        Assert.Contains("::error title=ManifestLint::dotnet tool install of ManifestLint 0.0.0-missing failed", noInstall.Out, StringComparison.Ordinal);
        Assert.Contains("sarif-file=\n", outputs, StringComparison.Ordinal);

        // Inputs are data, never shell code: command substitutions in paths and args are plain (missing) paths.
        var hostile = RunAction(new Dictionary<string, string>
        {
            ["paths"] = "deploy\n$(touch pwned-by-path)\n`touch pwned-by-backtick`",
            ["args"] = "--kube-version 1.31 ;touch pwned-by-args $(touch pwned-by-args2)",
            ["sarif-file"] = string.Empty,
        }, out _);
        Assert.Equal(2, hostile.ExitCode);
        Assert.Empty(Directory.GetFiles(workspace, "pwned*"));
        Assert.Empty(Directory.GetFiles(runnerTemp, "pwned*"));

        // A SARIF file the pull request committed at the output path is removed first; a run that does not complete
        // hands none over (exit 2 here: a path that does not exist).
        File.WriteAllText(Path.Combine(workspace, "stale.sarif"), "{\"version\": \"2.1.0\", \"runs\": []}");
        var failed = RunAction(new Dictionary<string, string> { ["paths"] = "no-such-folder", ["sarif-file"] = "stale.sarif" }, out outputs);
        Assert.Equal(2, failed.ExitCode);
        Assert.False(File.Exists(Path.Combine(workspace, "stale.sarif")), "the stale SARIF file was handed over");
        Assert.Contains("sarif-file=\n", outputs, StringComparison.Ordinal);
        Assert.Contains("::error title=ManifestLint::manifestlint did not complete (exit code 2)", failed.Out, StringComparison.Ordinal);

        var badLevel = RunAction(new Dictionary<string, string> { ["fail-level"] = "fatal\n::warning::injected" }, out _);
        Assert.Equal(2, badLevel.ExitCode);
        Assert.Contains("::error title=ManifestLint::fail-level must be error, warning, note or none, not 'fatal%0A::warning::injected'", badLevel.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_passes_every_input_through_the_environment_only()
    {
        var action = ActionDefinition.Load(Path.Combine(RepositoryPaths.Root, "action.yml"));
        Assert.Equal("composite", action.Using);
        Assert.DoesNotContain("${{", action.RunScript, StringComparison.Ordinal);
        Assert.Equal(new[] { "annotations", "args", "fail-level", "paths", "sarif-file", "version" }, action.Inputs.Keys.Order(StringComparer.Ordinal));
        foreach (var input in action.Inputs.Keys)
        {
            var variable = "INPUT_" + input.Replace('-', '_').ToUpperInvariant();
            Assert.True(action.Env.TryGetValue(variable, out var expression), variable + " is not in the step's env");
            Assert.Equal("${{ inputs." + input + " }}", expression);
        }

        // No eval, no `bash -c`, no expression syntax in the code (comments may talk about them).
        var code = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".github", "manifestlint-action.sh"))
            .Where(l => !l.TrimStart().StartsWith('#'));
        var script = string.Join('\n', code);
        Assert.DoesNotMatch(@"(^|[\s;&|(])(eval|source)\s", script);
        Assert.DoesNotMatch(@"\b(ba)?sh\s+-c\b", script);
        Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pre_commit_hook_is_declared_as_pre_commit_expects()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".pre-commit-hooks.yaml"))));
        var hooks = ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>().ToArray();
        Assert.Equal(new[] { "manifestlint", "manifestlint-fix", "manifestlint-references" }, hooks.Select(h => ((YamlScalarNode)h["id"]).Value));
        var references = hooks[2];
        Assert.Equal("manifestlint --only ML1001,ML1002 --severity ML1001=error --severity ML1002=error --", ((YamlScalarNode)references["entry"]).Value);
        Assert.Equal("false", ((YamlScalarNode)references["pass_filenames"]).Value);
        Assert.Equal("true", ((YamlScalarNode)references["always_run"]).Value);
        foreach (var hook in hooks.Take(2))
        {
            string Value(string key) => ((YamlScalarNode)hook[key]).Value!;
            Assert.Equal("dotnet", Value("language"));
            // Ends with '--': pre-commit appends file names, and a file named --output=x.yaml must stay a file name.
            Assert.Equal(Value("id") == "manifestlint" ? "manifestlint --context . --" : "manifestlint --fix --context . --", Value("entry"));
            Assert.Equal("true", Value("require_serial"));
            Assert.Equal(new[] { "yaml", "json" }, ((YamlSequenceNode)hook["types_or"]).Children.Select(n => ((YamlScalarNode)n).Value));
        }
    }

    [Fact]
    public void Pre_commit_fails_a_commit_that_deletes_or_renames_a_configmap_a_workload_still_uses()
    {
        // Issue 18 item 2: a deletion passes no file to the manifestlint hook, which then skips; a missing ConfigMap
        // was a warning even with --all-files. The references hook runs on every commit and names the pod's line.
        var (target, run) = PreCommitRepository("pre-commit-references");
        ProcessResult TryRepo(string hook) => run(new[] { hook });

        var clean = TryRepo("manifestlint-references");
        Assert.True(clean.ExitCode == 0, clean.ToString());

        // Deleted: the staged change holds no file at all.
        PackagedRepository.Git(target, "rm", "--quiet", "configmap.yaml");
        var deleted = TryRepo("manifestlint-references");
        Assert.True(deleted.ExitCode == 1, deleted.ToString());
        Assert.Contains("apps/pod.yaml(13,17): error ML1002: The env 'LEVEL' of container 'web' in Pod default/web reads ConfigMap 'app-config', which is not in the linted set", deleted.All, StringComparison.Ordinal);
        var plain = TryRepo("manifestlint");
        Assert.True(plain.ExitCode == 0, "the file hook skips a deletion, which is why the references hook exists: " + plain);

        // Renamed (file and object): the new file is clean, the pod in the unchanged file is not.
        File.WriteAllText(Path.Combine(target, "settings.yaml"), ConfigMap.Replace("name: app-config", "name: settings", StringComparison.Ordinal));
        PackagedRepository.Git(target, "add", "settings.yaml");
        var renamed = TryRepo("manifestlint-references");
        Assert.True(renamed.ExitCode == 1, renamed.ToString());
        Assert.Contains("apps/pod.yaml(13,17): error ML1002:", renamed.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_commit_fix_hook_applies_safe_fixes_and_fails_so_that_the_change_is_shown()
    {
        var preCommit = ProcessRunner.Find("pre-commit")
            ?? throw new InvalidOperationException("pre-commit is not installed: install it (`apt-get install pre-commit` or `pip install pre-commit`); .ci/run does so in CI.");
        var home = _repo.NewDirectory("pre-commit-fix-home");
        var target = _repo.NewDirectory("pre-commit-fix-target");
        File.WriteAllText(Path.Combine(target, "configmap.yaml"), ConfigMap);
        PackagedRepository.Git(target, "init", "--quiet");
        PackagedRepository.Git(target, "add", "--all");
        PackagedRepository.Git(target, "commit", "--quiet", "--no-verify", "-m", "clean manifests");

        // A quoted boolean (safe fix) in a new file; a comment and the quoting elsewhere must stay as written.
        const string Broken = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken   # keep me\nimmutable: \"true\"\ndata:\n  a: 'x'\n";
        File.WriteAllText(Path.Combine(target, "broken.yaml"), Broken);
        PackagedRepository.Git(target, "add", "broken.yaml");
        var environment = new Dictionary<string, string?>(PackagedRepository.GitIdentity) { ["PRE_COMMIT_HOME"] = home, ["PRE_COMMIT_COLOR"] = "never" };
        var run = ProcessRunner.Run(preCommit, new[] { "try-repo", _repo.Snapshot, "manifestlint-fix", "--files", "broken.yaml" }, target, environment, 900);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"ManifestLint \(fix\)\.+Failed", run.All);
        Assert.Contains("files were modified by this hook", run.All, StringComparison.Ordinal);
        Assert.Equal(Broken.Replace("immutable: \"true\"", "immutable: true", StringComparison.Ordinal), File.ReadAllText(Path.Combine(target, "broken.yaml")));
    }

    private static ProcessResult Dotnet(string directory, params string[] arguments) => Dotnet(directory, null, arguments);

    private static ProcessResult Dotnet(string directory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, directory, environment);

    /// <summary>
    /// A git repository with a ConfigMap, a pod in apps/ that reads it and a JSON file that is no manifest, committed;
    /// and a function that runs <c>pre-commit try-repo</c> of this repository's snapshot there with more arguments.
    /// </summary>
    private (string Target, Func<string[], ProcessResult> TryRepo) PreCommitRepository(string name)
    {
        var preCommit = ProcessRunner.Find("pre-commit")
            ?? throw new InvalidOperationException("pre-commit is not installed: install it (`apt-get install pre-commit` or `pip install pre-commit`); .ci/run does so in CI.");
        var home = _repo.NewDirectory(name + "-home");
        var target = _repo.NewDirectory(name);
        File.WriteAllText(Path.Combine(target, "configmap.yaml"), ConfigMap);
        Directory.CreateDirectory(Path.Combine(target, "apps"));
        File.WriteAllText(Path.Combine(target, "apps", "pod.yaml"), Pod);
        File.WriteAllText(Path.Combine(target, "notes.json"), "{\"not\": \"a manifest\"}\n");
        PackagedRepository.Git(target, "init", "--quiet");
        PackagedRepository.Git(target, "add", "--all");
        PackagedRepository.Git(target, "commit", "--quiet", "--no-verify", "-m", "clean manifests");
        var environment = new Dictionary<string, string?>(PackagedRepository.GitIdentity) { ["PRE_COMMIT_HOME"] = home, ["PRE_COMMIT_COLOR"] = "never" };
        return (target, arguments => ProcessRunner.Run(preCommit, new[] { "try-repo", _repo.Snapshot }.Concat(arguments), target, environment, 900));
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed record Annotation(string File, string Line, string Column, string Severity, string Code);

    /// <summary>The runner's problem matcher: validated and applied as actions/runner's IssueMatcher does (ECMAScript regexes).</summary>
    private sealed class ProblemMatcher
    {
        private readonly List<(Regex Regex, JsonElement Pattern, string DefaultSeverity)> _matchers = new();

        public static ProblemMatcher Load(string path)
        {
            var matcher = new ProblemMatcher();
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var config in json.RootElement.GetProperty("problemMatcher").EnumerateArray())
            {
                Assert.True(owners.Add(config.GetProperty("owner").GetString()!), "duplicate owner");
                var severity = config.TryGetProperty("severity", out var s) ? s.GetString()! : string.Empty;
                Assert.Contains(severity.ToUpperInvariant(), new[] { string.Empty, "ERROR", "WARNING", "NOTICE" });
                var pattern = Assert.Single(config.GetProperty("pattern").EnumerateArray().ToArray());
                var regex = new Regex(pattern.GetProperty("regexp").GetString()!, RegexOptions.CultureInvariant | RegexOptions.ECMAScript);
                Assert.True(pattern.TryGetProperty("message", out _), "a pattern must set 'message'");
                matcher._matchers.Add((regex, pattern.Clone(), severity));
            }

            return matcher;
        }

        public Annotation? Match(string line)
        {
            foreach (var (regex, pattern, defaultSeverity) in _matchers)
            {
                var match = regex.Match(line);
                if (!match.Success)
                {
                    continue;
                }

                string Group(string name) => pattern.TryGetProperty(name, out var index) ? match.Groups[index.GetInt32()].Value : string.Empty;
                var severity = Group("severity");
                return new Annotation(Group("file"), Group("line"), Group("column"), severity.Length > 0 ? severity : defaultSeverity, Group("code"));
            }

            return null;
        }
    }

    /// <summary>action.yml as the runner reads it: the composite step's script and its env, with inputs substituted.</summary>
    private sealed class ActionDefinition
    {
        public required string Using { get; init; }

        public required string RunScript { get; init; }

        public required IReadOnlyDictionary<string, string> Env { get; init; }

        /// <summary>Input name → default value.</summary>
        public required IReadOnlyDictionary<string, string> Inputs { get; init; }

        public static ActionDefinition Load(string path)
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(path)));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var inputs = ((YamlMappingNode)root["inputs"]).Children.ToDictionary(
                e => ((YamlScalarNode)e.Key).Value!,
                e => ((YamlMappingNode)e.Value).Children.TryGetValue(new YamlScalarNode("default"), out var d) ? ((YamlScalarNode)d).Value ?? string.Empty : string.Empty);
            var runs = (YamlMappingNode)root["runs"];
            var step = (YamlMappingNode)((YamlSequenceNode)runs["steps"]).Children.Single();
            Assert.Equal("bash", ((YamlScalarNode)step["shell"]).Value);
            var env = ((YamlMappingNode)step["env"]).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);
            return new ActionDefinition
            {
                Using = ((YamlScalarNode)runs["using"]).Value!,
                RunScript = ((YamlScalarNode)step["run"]).Value!,
                Env = env,
                Inputs = inputs,
            };
        }

        /// <summary>The step's environment as GitHub evaluates it: each <c>${{ inputs.x }}</c> becomes the input's value or default.</summary>
        public IReadOnlyDictionary<string, string?> StepEnvironment(IReadOnlyDictionary<string, string> given)
        {
            var environment = new Dictionary<string, string?>();
            foreach (var (name, expression) in Env)
            {
                var match = Regex.Match(expression, @"^\$\{\{ inputs\.([\w-]+) \}\}$");
                Assert.True(match.Success, $"env {name} is not a plain input expression: {expression}");
                var input = match.Groups[1].Value;
                environment[name] = given.TryGetValue(input, out var value) ? value : Inputs[input];
            }

            return environment;
        }
    }
}
