using System.Diagnostics;
using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using ManifestLint.Tests.Support;
using ManifestLint.Yaml;

namespace ManifestLint.Tests;

public sealed class LoaderTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  key: value\n";

    [Fact]
    public void Duplicate_keys_are_kept_and_lookups_see_the_last_like_kubectl()
    {
        var document = YamlStreamReader.Read("a: 1\nb: 2\na: 3\n").Documents[0];
        var root = (YamlMapping)document.Root!;
        Assert.Equal(3, root.Entries.Count);
        Assert.Equal("3", root.GetString("a"));
        var duplicate = Assert.Single(document.DuplicateKeys);
        Assert.Equal(1, duplicate.First.Key.Start.Line);
        Assert.Equal(3, duplicate.Second.Key.Start.Line);
    }

    [Fact]
    public void Keys_are_named_as_kubernetes_converts_them()
    {
        var root = (YamlMapping)YamlStreamReader.Read("on: a\n0644: b\n1.50: c\n\"x\": d\n").Documents[0].Root!;
        Assert.Equal(new[] { "true", "420", "1.5", "x" }, root.Entries.Select(e => e.Name));
        Assert.Null(((YamlMapping)YamlStreamReader.Read("~: a\n").Documents[0].Root!).Entries[0].Name);
    }

    [Fact]
    public void Nodes_keep_line_column_and_offset()
    {
        var text = "apiVersion: v1\ndata:\n  key: |\n    line\n";
        var root = (YamlMapping)YamlStreamReader.Read(text).Documents[0].Root!;
        var value = root.GetMapping("data")!.GetScalar("key")!;
        Assert.Equal(new SourcePosition(3, 8, text.IndexOf('|')), value.Start);
        var key = root.GetMapping("data")!.Entries[0].Key;
        Assert.Equal(new SourcePosition(3, 3, text.IndexOf("key", StringComparison.Ordinal)), key.Start);
        Assert.Equal(3, key.Range.End.Column - key.Range.Start.Column);
    }

    [Fact]
    public void Crlf_and_bom_do_not_shift_positions()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ConfigMap.Replace("\n", "\r\n"))).ToArray();
        var file = SourceFileReader.Parse(NewFile(), bytes, bytes.Length, YamlLimits.Default);
        var root = (YamlMapping)file.Documents.Single().Root!;
        Assert.Equal("value", root.GetMapping("data")!.GetString("key"));
        Assert.Equal(new SourcePosition(6, 8, 0), root.GetMapping("data")!.GetScalar("key")!.Start with { Offset = 0 });
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ConfigMap)).ToArray();
        var file = SourceFileReader.Parse(NewFile(), bytes, bytes.Length, YamlLimits.Default);
        Assert.Empty(file.Problems);
        Assert.Single(file.Documents);
    }

    [Fact]
    public void Invalid_utf8_is_a_located_syntax_problem()
    {
        var bytes = Encoding.UTF8.GetBytes("a: 1\nb: x").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var file = SourceFileReader.Parse(NewFile(), bytes, bytes.Length, YamlLimits.Default);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(LoadProblemKind.Syntax, problem.Kind);
        Assert.Equal(2, problem.Range.Start.Line);
        Assert.Equal(5, problem.Range.Start.Column);
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.True(file.Skipped);
    }

    [Fact]
    public void Binary_content_is_a_syntax_problem_not_a_crash()
    {
        var bytes = new byte[] { 0x61, 0x3A, 0x20, 0x00, 0x01, 0x02 };
        var file = SourceFileReader.Parse(NewFile(), bytes, bytes.Length, YamlLimits.Default);
        Assert.Contains("NUL", Assert.Single(file.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_before_a_syntax_error_are_kept()
    {
        var result = YamlStreamReader.Read(ConfigMap + "---\n" + ConfigMap + "---\nkey: \"unterminated\n");
        Assert.Equal(2, result.Documents.Count);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Empty_and_separator_only_files_have_no_objects()
    {
        Assert.Empty(TestLinter.LintText(string.Empty).Diagnostics);
        Assert.Empty(TestLinter.LintText("---\n---\n# only a comment\n").Diagnostics);
        Assert.Empty(TestLinter.LintText("---\n---\n").Set.Objects);
    }

    [Fact]
    public void List_kinds_are_expanded_into_their_items()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMapList\nitems:\n- " + ConfigMap.Replace("\n", "\n  ").TrimEnd() + "\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n";
        var objects = TestLinter.LintText(yaml).Set.Objects;
        Assert.Equal(new[] { "ConfigMap/default/app", "Secret/default/s" }, objects.Select(o => o.Identity.ToString()));
        Assert.Equal("items[1]", objects[1].Path);
    }

    [Fact]
    public void Json_files_are_read()
    {
        var result = TestLinter.LintText("{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ConfigMap\",\n\t\"metadata\": {\"name\": \"j\"}\n}\n", name: "x.json");
        Assert.Equal("ConfigMap/default/j", Assert.Single(result.Set.Objects).Identity.ToString());
    }

    [Fact]
    public void Merge_keys_bring_in_entries_that_explicit_keys_override()
    {
        var root = (YamlMapping)YamlStreamReader.Read("base: &b {p: 1, q: 2}\nm:\n  <<: *b\n  q: 3\n").Documents[0].Root!;
        var merged = root.GetMapping("m")!;
        Assert.Equal("1", merged.GetString("p"));
        Assert.Equal("3", merged.GetString("q"));
        Assert.Empty(YamlStreamReader.Read("base: &b {x: 1}\nm:\n  <<: *b\n  x: 2\n").Documents[0].DuplicateKeys);
    }

    [Theory]
    [InlineData("m: {a: 1, b: 2}", "a,b", "a,b")]
    [InlineData("m: {a: 1, b: 2, a: 3}", "b,a", "b,a")]
    [InlineData("m: {a: 1, ~: 2, [x]: 3, b: 4}", "a,~,[x],b", "a,b")]
    [InlineData("base: &b {p: 1, q: 2}\nm:\n  <<: *b\n  q: 3", "p,q", "p,q")]
    [InlineData("base: &b {p: 1, ~: 2}\nm:\n  <<: *b\n  r: 3", "p,~,r", "p,r")]
    [InlineData("m: {}", "", "")]
    public void Effective_and_json_entries_keep_the_last_of_each_name(string yaml, string effective, string json)
    {
        // The shortcut for mappings without repeated or unnamed keys must agree with the general computation.
        var root = (YamlMapping)YamlStreamReader.Read(yaml).Documents[0].Root!;
        var mapping = root.GetMapping("m")!;
        static string Names(NodeList<YamlEntry> entries) =>
            string.Join(",", entries.Select(e => e.Name ?? (e.Key is YamlScalar s ? s.Value.Length == 0 ? "~" : s.Value : "[x]")));
        Assert.Equal(effective, Names(mapping.EffectiveEntries()));
        Assert.Equal(json, Names(mapping.JsonEntries()));
    }

    [Fact]
    public void Key_nodes_built_on_demand_are_one_node_with_the_key_position()
    {
        var root = (YamlMapping)YamlStreamReader.Read("spec:\n  'quoted key': 1\n  plain: 2\n").Documents[0].Root!;
        var entry = root.GetMapping("spec")!.GetEntry("quoted key")!;
        var keys = new YamlNode[64];
        Parallel.For(0, keys.Length, i => keys[i] = entry.Key);
        Assert.All(keys, k => Assert.Same(keys[0], k));
        var key = Assert.IsType<YamlScalar>(keys[0]);
        Assert.Equal((2, 3), (key.Start.Line, key.Start.Column));
        Assert.True(key.IsQuoted);
        Assert.Equal("spec.quoted key", YamlPath.Of(root, key));
        Assert.Equal("spec.plain", YamlPath.Of(root, root.GetMapping("spec")!.GetEntry("plain")!.Key));
    }

    [Fact]
    public void An_alias_bomb_ends_quickly_with_a_limit_problem()
    {
        var builder = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        var previous = "a";
        foreach (var name in "bcdefghijklmnop")
        {
            builder.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 10))).Append("]\n");
            previous = name.ToString();
        }

        var stopwatch = Stopwatch.StartNew();
        var result = YamlStreamReader.Read(builder.ToString());
        Assert.Equal(YamlReadErrorKind.Limit, result.Error?.Kind);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_a_limit_problem()
    {
        var result = YamlStreamReader.Read(new string('[', 10_000) + new string(']', 10_000));
        Assert.Equal(YamlReadErrorKind.Limit, result.Error?.Kind);
        Assert.Contains("deeper than 256", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_over_the_size_limit_are_skipped_with_a_finding()
    {
        using var temp = new TempDirectory();
        temp.Write("big.yaml", ConfigMap + "# " + new string('x', 2000) + "\n");
        var options = LintOptions.Default with { Limits = YamlLimits.Default with { MaxFileBytes = 1000 } };
        var result = TestLinter.LintPaths(new[] { temp.Path }, options);
        Assert.Equal("ML0007@1:1", Assert.Single(result.Brief()));
        Assert.True(result.Files.Single().Skipped);
    }

    [Fact]
    public void Directories_are_walked_recursively_in_a_fixed_order_skipping_build_and_vcs_folders()
    {
        using var temp = new TempDirectory();
        foreach (var path in new[] { "b/z.yaml", "a.yml", "b/a.json", "c/kustomization.yaml", "c/Kustomization", ".git/x.yaml", "bin/x.yaml", "obj/x.yaml", "node_modules/x.yaml", "deploy/.hidden/x.yaml", "notes.txt" })
        {
            temp.Write(path, "{}\n");
        }

        var errors = new List<InputError>();
        var files = ManifestFileFinder.FindFiles(temp.Path, errors).Select(f => Path.GetRelativePath(temp.Path, f).Replace('\\', '/'));
        Assert.Equal(new[] { "a.yml", "b/a.json", "b/z.yaml", "c/Kustomization", "c/kustomization.yaml", "deploy/.hidden/x.yaml" }, files);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_symbolic_link_loop_is_walked_once()
    {
        using var temp = new TempDirectory();
        temp.Write("d/a.yaml", ConfigMap);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "d", "loop"), Path.Combine(temp.Path, "d"));
        var files = ManifestFileFinder.FindFiles(temp.Path, new List<InputError>());
        Assert.Single(files);
    }

    [Fact]
    public async Task A_fifo_is_never_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        temp.Write("a.yaml", ConfigMap);
        var fifo = Path.Combine(temp.Path, "pipe.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var lint = Task.Run(() => TestLinter.LintPaths(new[] { temp.Path }));
        var finished = await Task.WhenAny(lint, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == lint, "linting a folder with a FIFO must not block");
        Assert.Single((await lint).Set.Objects);
    }

    [Fact]
    public void A_path_given_twice_is_read_once_and_a_missing_path_is_an_input_error()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("a.yaml", ConfigMap);
        var result = TestLinter.LintPaths(new[] { file, temp.Path, file, Path.Combine(temp.Path, "missing.yaml") });
        Assert.Single(result.Files);
        Assert.Equal(Path.Combine(temp.Path, "missing.yaml"), Assert.Single(result.InputErrors).Path);
    }

    [Fact]
    public void Yaml_paths_name_list_items_by_their_name_and_survive_odd_keys()
    {
        var root = (YamlMapping)YamlStreamReader.Read("spec:\n  containers:\n  - name: app\n    env:\n    - {name: A, value: x}\n  - image: y\ndata:\n  \"\": empty\n  a.b: dotted\n").Documents[0].Root!;
        var containers = root.GetMapping("spec")!.GetSequence("containers")!;
        var value = ((YamlMapping)((YamlSequence)((YamlMapping)containers[0])["env"]!)[0]).GetScalar("value")!;
        Assert.Equal("spec.containers[app].env[A].value", YamlPath.Of(root, value));
        Assert.Equal("spec.containers[1].image", YamlPath.Of(root, ((YamlMapping)containers[1]).GetScalar("image")!));
        var data = root.GetMapping("data")!;
        Assert.Equal("data['']", YamlPath.Of(root, data.Entries[0].Key));
        Assert.Equal("data['a.b']", YamlPath.Of(root, data.Entries[1].Value));
    }

    private static SourceFile NewFile() => new("test.yaml", "test.yaml", isContext: false);
}
