using System.Diagnostics;
using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using ManifestLint.Tests.Support;
using ManifestLint.Yaml;
using ManifestLint.Text;

namespace ManifestLint.Tests;

/// <summary>
/// Issue 19: what a pull request from a stranger can do to a CI run. Each case failed (crash, hang, huge output, a
/// file read from outside the tree) before its fix; each runs beside the good file, which must still be linted.
/// </summary>
public sealed partial class HostileInputTests
{
    private static string PodList(int pods, string envName)
    {
        // One container, aliased by every pod of a List: each pod repeats the container's findings.
        var text = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        text.Append("- apiVersion: v1\n  kind: Pod\n  metadata: {name: p0}\n  spec:\n    containers: &c\n    - name: c\n      image: i\n      env:\n")
            .Append("      - name: '").Append(envName).Append("'\n        value: v\n");
        for (var i = 1; i < pods; i++)
        {
            text.Append("- {apiVersion: v1, kind: Pod, metadata: {name: p").Append(i).Append("}, spec: {containers: *c}}\n");
        }

        return text.ToString();
    }

    private static string ConfigMapWithBadKeys(string name, int keys)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ").Append(name).Append("}\ndata:\n");
        for (var i = 0; i < keys; i++)
        {
            text.Append("  'bad key ").Append(i).Append("': v\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Item1_a_long_user_string_aliased_by_many_pods_gives_a_bounded_report()
    {
        // Before: a 200 KB file gave a 120 MB JSON report (1.9 GB resident); the env name was quoted in full, twice.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("list.yaml", PodList(300, "A=" + new string('x', 200_000)));
        var (run, _) = Bounded(() => CliRun.In(temp.Path, ".", "--format", "json"));
        Assert.Contains("\"ML0002\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("ML4005", run.Out, StringComparison.Ordinal);
        Assert.True(run.Out.Length < 1_000_000, $"the report is {run.Out.Length:N0} characters");

        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        Assert.All(result.Diagnostics, d => Assert.True(d.Message().Length < 4 * MessageText.MaxArgumentLength, d.Id));
    }

    [Fact]
    public void Item1_findings_of_one_rule_are_capped_per_object_with_an_and_n_more_finding()
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("keys.yaml", ConfigMapWithBadKeys("keys", 5000));
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        var findings = result.OfRule("ML2001").ToArray();
        Assert.Equal(FindingBudget.PerObjectAndRule + 1, findings.Length);
        var more = Assert.Single(findings, d => d.Message().StartsWith("... and 4,900 more findings of this rule in ConfigMap/default/keys", StringComparison.Ordinal));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, more.Severity);
    }

    [Fact]
    public void Item1_the_capped_findings_do_not_depend_on_the_thread_count()
    {
        // 400 pods with one name (one object identity) analysed on several threads: the caps apply to sorted findings.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("same.yaml", string.Join("---\n", Enumerable.Range(0, 400).Select(i =>
            $"apiVersion: v1\nkind: Pod\nmetadata: {{name: same}}\nspec:\n  containers:\n  - name: c{i}\n    image: i\n    env:\n    - {{name: 'A=1', value: v}}\n    - {{name: 'B=1', value: v}}\n")));
        string Run(int threads) => string.Join("\n", TestLinter.LintPaths(new[] { temp.Path }, Options() with { MaxParallelism = threads }, temp.Path)
            .Diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.Message()}"));
        var one = Run(1);
        Assert.Contains("... and 700 more findings of this rule in Pod/default/same", one, StringComparison.Ordinal);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(8));
    }

    [Fact]
    public void Item1_findings_of_one_rule_are_capped_per_run()
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("many.yaml", string.Join("---\n", Enumerable.Range(0, FindingBudget.PerRule + 200).Select(i => ConfigMapWithBadKeys("m" + i, 1))));
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        var findings = result.OfRule("ML2001").ToArray();
        Assert.Equal(FindingBudget.PerRule + 1, findings.Length);
        Assert.Contains(findings, d => d.Message().StartsWith("... and 200 more findings of this rule, not shown", StringComparison.Ordinal));
    }

    [Fact]
    public void Item4_an_object_with_100k_findings_ends_in_bounded_time()
    {
        // Before: 25k/50k/100k invalid keys took 3.4/12.3/58 s of CPU (a path walk from the root per finding).
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("keys.yaml", ConfigMapWithBadKeys("keys", 100_000));
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        Assert.Equal(FindingBudget.PerObjectAndRule + 1, result.OfRule("ML2001").Count());
    }

    [Fact]
    public void Item4_the_path_index_gives_the_paths_the_walk_gives()
    {
        const string Text = "base: &b {x: 1, y: [a, b]}\nspec:\n  containers:\n  - name: app\n    env: [{name: A, value: '1'}, {name: B}]\n    <<: *b\n  - {name: web, more: *b}\n  list: [[1, 2], [3, {k: v}]]\n";
        var root = YamlStreamReader.Read(Text).Documents[0].Root!;
        var nodes = new List<YamlNode>();
        void Collect(YamlNode node)
        {
            nodes.Add(node);
            if (node is YamlMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    nodes.Add(entry.Key);
                    Collect(entry.Value);
                }
            }
            else if (node is YamlSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    Collect(item);
                }
            }
        }

        Collect(root);
        Assert.True(nodes.Count > 20);
        foreach (var node in nodes.Concat(nodes))
        {
            Assert.Equal(YamlPath.Search(root, node), YamlPath.Of(root, node));
        }
    }

    [Fact]
    public void Item2_folder_and_file_links_that_leave_the_named_folder_are_not_followed_and_say_so()
    {
        // Before: tree/out -> ../outside linted (and printed) the outside files; tree/root -> / walked /proc forever.
        using var temp = new TempDirectory();
        temp.Write("tree/good.yaml", Good);
        temp.Write("outside/secret.yaml", ConfigMapWithBadKeys("outside", 1));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "tree", "out"), Path.Combine(temp.Path, "outside"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "tree", "root"), "/");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "tree", "leak.yaml"), Path.Combine(temp.Path, "outside", "secret.yaml"));
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { "tree" }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ML2001");
        Assert.Equal(
            new[] { "tree/leak.yaml", "tree/out", "tree/root" },
            result.Files.Where(f => f.SkipReason?.StartsWith("link: a symbolic link that leads out of the folder named", StringComparison.Ordinal) == true)
                .Select(f => f.DisplayPath).OrderBy(p => p, StringComparer.Ordinal));

        var run = CliRun.In(temp.Path, "tree");
        Assert.Contains("manifestlint: note: tree/out: skipped: link: a symbolic link that leads out of the folder named", run.Error, StringComparison.Ordinal);
        Assert.Contains("skipped (link: 3)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Item2_a_link_inside_the_tree_is_followed_and_folders_are_walked_once_by_real_path()
    {
        using var temp = new TempDirectory();
        temp.Write("tree/a/good.yaml", Good);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "tree", "b"), Path.Combine(temp.Path, "tree", "a"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "tree", "a", "up"), Path.Combine(temp.Path, "tree"));
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { "tree" }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        Assert.Single(result.Files, f => !f.Skipped);
    }

    [Fact]
    public void Item3_a_linked_manifest_is_read_whole_and_links_to_devices_and_fifos_are_never_read()
    {
        // Before: a link was read cut to the link's own length (a false ML0001); links to a FIFO or /dev/stdin hung.
        using var temp = new TempDirectory();
        temp.Write("tree/common/app.yaml", ConfigMap);
        temp.Write("tree/good.yaml", Good);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "tree", "app-link.yaml"), "common/app.yaml");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(0, Process.Start("mkfifo", new[] { Path.Combine(temp.Path, "tree", "common", "pipe") })!.WaitForExitAndCode());
            File.CreateSymbolicLink(Path.Combine(temp.Path, "tree", "fifo-link.yaml"), "common/pipe");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "zero.yaml"), "/dev/zero");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "stdin.yaml"), "/dev/stdin");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "environ.yaml"), "/proc/self/environ");
        }

        var named = OperatingSystem.IsWindows() ? new[] { "tree" } : new[] { "tree", "zero.yaml", "stdin.yaml", "environ.yaml" };
        var (result, allocated) = Bounded(() => TestLinter.LintPaths(named, Options(), temp.Path));
        AssertGoodFileLinted(result);
        var link = result.Files.Single(f => f.DisplayPath == "tree/app-link.yaml");
        Assert.False(link.Skipped, link.SkipReason);
        Assert.Contains(result.Set.Objects, o => o.File == link && o.Name == "other");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ML0001");
        Assert.All(result.Files.Where(f => f.DisplayPath is "zero.yaml" or "stdin.yaml" or "environ.yaml" or "tree/fifo-link.yaml"), f => Assert.Equal(0, f.ByteLength));
        Assert.True(allocated < 64 * 1024 * 1024, $"{allocated:N0} bytes allocated: a device was read");
    }

    [Fact]
    public void Item12_folders_too_deep_and_names_that_are_not_utf8_are_skipped_with_a_reason()
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var deep = string.Join("/", Enumerable.Range(0, 66).Select(i => "d"));
        temp.Write(deep + "/deep.yaml", ConfigMap);
        var badName = false;
        if (OperatingSystem.IsLinux())
        {
            // A file name of bytes that are not UTF-8 (shell 'printf' writes it as the raw bytes).
            var script = $"printf 'a: b\\n' > \"$(printf '{temp.Path}/bad\\377.yaml')\"";
            badName = Process.Start("sh", new[] { "-c", script })!.WaitForExitAndCode() == 0;
        }

        var run = CliRun.In(temp.Path, ".", "--format", "sarif");
        Assert.Contains("good.yaml(7,3)", CliRun.In(temp.Path, ".").Out, StringComparison.Ordinal);
        Assert.Contains("skipped: too deep: more than 64 folders below the folder named", run.Error, StringComparison.Ordinal);
        Assert.Contains("skipped: too deep: more than 64 folders", run.Out, StringComparison.Ordinal);
        if (badName)
        {
            Assert.Contains("skipped: name: the file name is not valid UTF-8", run.Error, StringComparison.Ordinal);
            Assert.Contains("skipped: name: the file name is not valid UTF-8", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Item11_ReadWithin_reads_only_files_whose_real_path_stays_under_the_root()
    {
        // The function KustomizeGenerator can call for envs and files (kustomize's load restrictor).
        using var temp = new TempDirectory();
        temp.Write("base/app.env", "A=1\n");
        temp.Write("outside.env", "SECRET=1\n");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "base", "passwd.env"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "base", "up.env"), "../outside.env");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "base", "dir"), temp.Path);
        var root = Path.Combine(temp.Path, "base");

        Assert.Equal("A=1\n", Encoding.UTF8.GetString(SourceFileReader.ReadWithin(Path.Combine(root, "app.env"), root, 1024, out var ok)!));
        Assert.Null(ok);
        foreach (var escape in new[] { "passwd.env", "up.env", "../outside.env", "dir/outside.env" })
        {
            Assert.Null(SourceFileReader.ReadWithin(Path.Combine(root, escape), root, 1024, out var reason));
            Assert.Contains("leads outside", reason, StringComparison.Ordinal);
        }

        Assert.Null(SourceFileReader.ReadWithin(Path.Combine(root, "app.env"), root, 2, out var big));
        Assert.Contains("more than 2", big, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(0, Process.Start("mkfifo", new[] { Path.Combine(root, "pipe.env") })!.WaitForExitAndCode());
            var (bytes, _) = Bounded(() => SourceFileReader.ReadWithin(Path.Combine(root, "pipe.env"), root, 1024, out _) ?? new byte[1]);
            Assert.Empty(bytes);
        }
    }

    [Fact]
    public void Item11_a_kustomize_envs_file_linked_out_of_the_tree_is_not_read()
    {
        using var temp = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(temp.Path, "passwd.env"), "/etc/passwd");
        temp.Write("kustomization.yaml", "resources: [pod.yaml]\nconfigMapGenerator:\n- name: app\n  envs: [passwd.env]\n");
        temp.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    env:\n    - name: R\n      valueFrom: {configMapKeyRef: {name: app, key: rooot}}\n");

        var run = CliRun.In(temp.Path, ".", "--no-editorconfig");

        // The keys are unknown, as for an unreadable file: no ML1003, and nothing of /etc/passwd in any message.
        Assert.DoesNotContain("ML1003", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("root", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Item5_an_editorconfig_in_the_tree_can_lower_limits_but_not_raise_them()
    {
        // Before: manifestlint.max_depth = 2000000 and a 100,000-deep list overflowed the stack (exit 134, no report).
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestlint.max_depth = 2000000\nmanifestlint.max_line_length = 10000000\n");
        temp.Write("good.yaml", Good);
        temp.Write("deep.yaml", "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var (run, _) = Bounded(() => CliRun.In(temp.Path, "."));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("good.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
        Assert.Contains("deep.yaml(1,", run.Out, StringComparison.Ordinal);
        Assert.Contains("nesting is deeper than 256 levels", run.Out, StringComparison.Ordinal);
        Assert.Contains(".editorconfig(3): warning: '2000000' is not a limit for max_depth: at most 1,000", run.Error, StringComparison.Ordinal);
        Assert.Contains(".editorconfig(4): warning: manifestlint.max_line_length = 10000000 is above the default (4,194,304) and is ignored", run.Error, StringComparison.Ordinal);
        Assert.Contains("raise it with --limit max_line_length=... on the command line", run.Error, StringComparison.Ordinal);

        temp.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestlint.max_depth = 900\n");
        Assert.Contains("nesting is deeper than 256 levels", CliRun.In(temp.Path, ".").Out, StringComparison.Ordinal);

        temp.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestlint.max_depth = 3\n");
        Assert.Contains("nesting is deeper than 3 levels", CliRun.In(temp.Path, ".").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Item5_the_command_line_raises_limits_up_to_a_ceiling_the_recursive_checks_survive()
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var refused = CliRun.In(temp.Path, ".", "--limit", "max_depth=2000000");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("at most 1,000", refused.Error, StringComparison.Ordinal);

        // A ConfigMap whose data value nests 990 deep: the size checks (CompactJsonSize) and paths walk all of it.
        var depth = Yaml.YamlLimitSettings.DepthCeiling - 10;
        temp.Write("deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  k: " + new string('[', depth) + new string(']', depth) + "\n");
        var limits = Yaml.YamlLimitSettings.None;
        Assert.Null(Yaml.YamlLimitSettings.TrySet(ref limits, "max_depth", Yaml.YamlLimitSettings.DepthCeiling.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path }, Options().With(Configuration.OptionCatalog.Limits.Single(l => l.Name == "max_depth"), limits), temp.Path));
        AssertGoodFileLinted(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ML0007");
        Assert.Contains(result.Set.Objects, o => o.Name == "deep");
    }

    public static TheoryData<string, string, string> HostileEditorConfigs() => new()
    {
        // name, .editorconfig text, the warning expected
        { "nine-double-stars", "root = true\n[" + string.Concat(Enumerable.Repeat("**/", 9)) + "*.yaml]\ndotnet_diagnostic.ML0002.severity = none\n", ".editorconfig(2): warning: the section header has 9 '**' wildcards (at most 2); its settings are ignored" },
        { "nested-braces", "root = true\n[" + new string('{', 40_000) + new string('}', 40_000) + "]\ndotnet_diagnostic.ML0002.severity = none\n", ".editorconfig(2): warning: the section header is longer than 1,024 characters; its settings are ignored" },
        { "deep-braces", "root = true\n[{{{{{{a}}}}}}]\ndotnet_diagnostic.ML0002.severity = none\n", "the section header nests braces 6 deep (at most 4)" },
        { "huge", "root = true\n[*.yaml]\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding padding padding padding\n", 40_000)), ".editorconfig(1): warning: the file is ignored: it is 2,320," },
    };

    [Theory]
    [MemberData(nameof(HostileEditorConfigs))]
    public void Item6_a_hostile_editorconfig_is_a_configuration_warning_and_the_run_goes_on(string name, string editorConfig, string warning)
    {
        // Before: nine '**/' never finished on a file 40 folders deep; 40,000 nested braces crashed (exit 134); a
        // 95 MB file took 4.6 GB.
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", editorConfig);
        temp.Write("good.yaml", Good);
        temp.Write(string.Join("/", Enumerable.Repeat("d", 40)) + "/deep.yaml", ConfigMap);
        var (run, _) = Bounded(() => CliRun.In(temp.Path, "."));
        Assert.True(run.ExitCode == 0, name + ": " + run.Error);
        Assert.Contains("good.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
        Assert.Contains(warning, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Item6_globs_within_the_bounds_still_apply_to_deep_files()
    {
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", "root = true\n[**/{a,b}/**/*.yaml]\ndotnet_diagnostic.ML0002.severity = error\n");
        var deep = string.Join("/", Enumerable.Repeat("d", 40));
        temp.Write(deep + "/a/x/good.yaml", Good);
        var (run, _) = Bounded(() => CliRun.In(temp.Path, "."));
        Assert.Contains("good.yaml(7,3): error ML0002", run.Out, StringComparison.Ordinal);
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the writer failed");

        public override void Write(string? value) => throw new InvalidOperationException("the writer failed");
    }

    [Fact]
    public void Item7_an_internal_failure_exits_with_its_own_code_not_the_findings_code()
    {
        // Before: System.CommandLine caught the exception and exited with 1, which CI reads as "findings".
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var error = new StringWriter();
        var console = new Cli.CliConsole(new StringReader(string.Empty), new FailingWriter(), error, false, _ => null, temp.Path);
        Assert.Equal(Cli.ExitCodes.InternalError, Cli.CliApplication.Run(new[] { "." }, console));
        Assert.Equal(3, Cli.ExitCodes.InternalError);
        Assert.Contains("manifestlint: internal error (please report it): InvalidOperationException: the writer failed", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Item8_user_strings_cannot_start_a_workflow_command_or_send_terminal_escapes()
    {
        // Before: a key with a newline and '::error ...' became a workflow command in the step log; escapes passed.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("inject.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  \"a\\n::error file=x::pwned\\n::stop-commands::t\\e[31m\": v\n");
        var folder = "::warning::folder\u001b[2J";
        var badFolder = !OperatingSystem.IsWindows();
        if (badFolder)
        {
            temp.Write(folder + "/deep.yaml", ConfigMapWithBadKeys("f", 1));
        }

        foreach (var run in new[] { CliRun.In(temp.Path, "."), CliRun.In(temp.Path, ".", "--format", "github") })
        {
            Assert.Contains("good.yaml", run.Out, StringComparison.Ordinal);
            foreach (var line in (run.Out + run.Error).Split('\n'))
            {
                Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal) && !line.StartsWith("::warning file=", StringComparison.Ordinal)
                    && !line.StartsWith("::error file=", StringComparison.Ordinal) && !line.StartsWith("::notice file=", StringComparison.Ordinal), line);
                Assert.DoesNotContain('\u001b', line);
            }
        }

        var text = CliRun.In(temp.Path, ".");
        Assert.Contains("\\n::error file=x::pwned\\n::stop-commands::t\\u001B[31m", text.Out, StringComparison.Ordinal);
        if (badFolder)
        {
            Assert.Contains("\\u003A:warning::folder\\u001B[2J/deep.yaml(", text.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Item9_a_file_named_like_an_option_after_the_separator_is_a_file()
    {
        // Before: pre-commit passed '--output=stolen.yaml' as a file name and the CLI read it as an option.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("--output=stolen.yaml", ConfigMapWithBadKeys("named-like-an-option", 1));
        var run = CliRun.In(temp.Path, "--context", ".", "--", "good.yaml", "--output=stolen.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--output=stolen.yaml(5,3): error ML2001", run.Out, StringComparison.Ordinal);
        Assert.Contains("good.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "stolen.yaml")));
    }

    [Fact]
    public void Item10_output_refuses_devices_links_folders_and_inputs_and_cleans_temporary_files()
    {
        // Before: as root, -o /dev/null replaced the device with a file; -o onto an input overwrote the manifest.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("out.sarif.tmp-deadbeef", "left by a killed run");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "link.sarif"), Path.Combine(temp.Path, "good.yaml"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "folder.sarif"));
        foreach (var (target, reason) in new[]
        {
            ("/dev/null", "it is a device or a kernel file"),
            ("good.yaml", "it is one of the files being linted"),
            ("link.sarif", "it is a symbolic link"),
            ("folder.sarif", "it is a folder"),
        })
        {
            var refused = CliRun.In(temp.Path, ".", "--format", "sarif", "-o", target);
            Assert.True(refused.ExitCode == 2, target + ": " + refused.Error);
            Assert.Contains($"--output {target}: {reason}", refused.Error, StringComparison.Ordinal);
        }

        Assert.Equal(Good, File.ReadAllText(Path.Combine(temp.Path, "good.yaml")));
        Assert.True(OperatingSystem.IsWindows() || new FileInfo("/dev/null").Length == 0);
        var written = CliRun.In(temp.Path, ".", "--format", "sarif", "-o", "out.sarif");
        Assert.Equal(0, written.ExitCode);
        Assert.True(File.Exists(Path.Combine(temp.Path, "out.sarif")));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp-*"));
    }

    private sealed class EndlessReader : TextReader
    {
        public long Given { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[index + i] = "a: b\n"[(int)((Given + i) % 5)];
            }

            Given += count;
            return count;
        }

        public override int Read() => throw new NotSupportedException();
    }

    [Fact]
    public void Item13_standard_input_gets_the_file_size_limit()
    {
        // Before: 'yes "a: b" | manifestlint -' read everything (4.3 GB) and ended with exit 1.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var input = new EndlessReader();
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Cli.CliConsole(input, output, error, false, _ => null, temp.Path);
        var (code, _) = Bounded(() => (object)Cli.CliApplication.Run(new[] { "-", "good.yaml", "--limit", "max_file_bytes=1MiB", "--stdin-filename", "endless.yaml" }, console));
        Assert.Equal(1, (int)code);
        Assert.True(input.Given <= (1 << 20) + 64 * 1024, $"{input.Given:N0} characters read");
        Assert.Contains("endless.yaml(1,1): error ML0007", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("good.yaml(7,3): warning ML0002", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("over the size limit: 1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Item14_a_secrets_values_never_appear_in_any_report()
    {
        // Before: ML2006 and ML0005 echoed values YAML types as numbers or booleans ('Quote it: "7391582460117"').
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("secret.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  pin: 7391582460117\n  flag: yes\n  inf: .inf\n" +
            "data:\n  raw: 8246013917\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: t}\ntype: 5550123987\n");
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var run = CliRun.In(temp.Path, ".", "--format", format);
            Assert.Contains("ML2006", run.Out, StringComparison.Ordinal);
            Assert.Contains("ML0005", run.Out, StringComparison.Ordinal);
            foreach (var value in new[] { "7391582460117", "8246013917", "5550123987" })
            {
                Assert.DoesNotContain(value, run.Out, StringComparison.Ordinal);
            }
        }

        var text = CliRun.In(temp.Path, ".").Out;
        Assert.Contains("Value of 'pin' in stringData of Secret default/s is read as a number, which the API rejects", text, StringComparison.Ordinal);
        Assert.Contains("Quote it to keep the text as written (in double quotes; the value is not shown: this is a Secret).", text, StringComparison.Ordinal);
        Assert.Contains("Quote it (the value is not shown: this is a Secret).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Item15_a_run_has_an_input_budget_with_a_finding_for_each_file_past_it()
    {
        // Before: seven 30 MB files took 2.3 GB; nothing bounded the sum.
        using var temp = new TempDirectory();
        temp.Write("a-good.yaml", Good);
        var big = ConfigMapWithBadKeys("big", 1) + "  pad: '" + new string('x', 600 * 1024) + "'\n";
        for (var i = 0; i < 5; i++)
        {
            temp.Write($"big-{i}.yaml", big.Replace("name: big", "name: big" + i, StringComparison.Ordinal));
        }

        var run = CliRun.In(temp.Path, ".", "--limit", "max_total_bytes=2MiB");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a-good.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, run.OutLines.Count(l => l.Contains("error ML2001", StringComparison.Ordinal)));
        Assert.Contains("big-3.yaml(1,1): error ML0007: The file is skipped: the run's input budget of 2,097,152 bytes (limit max_total_bytes) is used up", run.Out, StringComparison.Ordinal);
        Assert.Contains("big-4.yaml(1,1): error ML0007", run.Out, StringComparison.Ordinal);
        Assert.Contains("over the input budget: 2", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.In(temp.Path, ".", "--limit", "max_total_bytes=lots").ExitCode);
        Assert.Equal(1, CliRun.In(temp.Path, ".").ExitCode);
        Assert.DoesNotContain("ML0007", CliRun.In(temp.Path, ".").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Item16_sarif_keeps_a_backslash_in_a_linux_file_name()
    {
        // Before: 'a\\b.yaml' became the URI 'a/b.yaml', which points at another file.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        temp.Write("a\\b.yaml", Good);
        temp.Write("a/b.yaml", ConfigMap);
        var relative = CliRun.In(temp.Path, ".", "--format", "sarif");
        Assert.Contains("\"uri\": \"a%5Cb.yaml\"", relative.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"uri\": \"a/b.yaml\"", relative.Out, StringComparison.Ordinal);

        // Outside the working directory: an absolute file URI, with the backslash escaped too.
        using var elsewhere = new TempDirectory();
        var absolute = CliRun.In(elsewhere.Path, temp.Path, "--format", "sarif");
        Assert.Contains("a%5Cb.yaml\"", absolute.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("/a/b.yaml\"", absolute.Out, StringComparison.Ordinal);
    }
}
