using System.Diagnostics;
using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Loading;
using ManifestLint.Tests.Support;
using ManifestLint.Engine;

namespace ManifestLint.Tests;

/// <summary>
/// Hostile and broken input (issue 11): each case runs beside a good file, ends in bounded time and memory, gives
/// its finding or its skip reason, and the good file is still linted.
/// </summary>
public sealed partial class HostileInputTests
{
    // A good file whose one finding (a duplicate key, ML0002 on line 7) must survive whatever its neighbour does.
    private const string Good = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\ndata:\n  a: one\n  a: two\n";
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  key: value\n";
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);
    private const long MemoryBound = 1L << 30;

    public static TheoryData<string, byte[], string?, int, string?> BrokenFiles()
    {
        var data = new TheoryData<string, byte[], string?, int, string?>
        {
            // name, content, expected rule (null: no finding in that file), its line, expected skip reason
            { "invalid-utf8", Bytes("a: b\nc: \xff\xfe\n"), "ML0001", 2, "not UTF-8" },
            { "utf16le-bom", Bom(new byte[] { 0xFF, 0xFE }, Encoding.Unicode, ConfigMap), null, 0, null },
            { "utf16be-bom", Bom(new byte[] { 0xFE, 0xFF }, Encoding.BigEndianUnicode, ConfigMap), null, 0, null },
            { "utf32le-bom", Bom(new byte[] { 0xFF, 0xFE, 0, 0 }, new UTF32Encoding(false, false), ConfigMap), null, 0, null },
            { "utf32be-bom", Bom(new byte[] { 0, 0, 0xFE, 0xFF }, new UTF32Encoding(true, false), ConfigMap), null, 0, null },
            { "nul-byte", Bytes("apiVersion: v1\nkind: \0ConfigMap\n"), "ML0001", 2, "binary content" },
            { "binary-with-yaml-name", RandomBytes(4096), "ML0001", 0, null },
            { "empty", Array.Empty<byte>(), null, 0, null },
            { "only-separators", Bytes("---\n---\n...\n---\n"), null, 0, null },
            { "only-comments", Bytes("# a comment\n   # another\n#\n"), null, 0, null },
            { "tab-indentation", Bytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n"), "ML0001", 4, null },
            { "unterminated-quote", Bytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"x\ndata: {}\n"), "ML0001", 0, null },
            { "helm-template", Bytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n"), "ML0004", 4, "template syntax" },
            { "billion-laughs", Bytes(BillionLaughs()), "ML0007", 0, "over a safety limit" },
            { "deep-flow-nesting", Bytes(new string('[', 100_000) + new string(']', 100_000)), "ML0007", 1, "over a safety limit" },
            { "deep-block-nesting", Bytes(DeepBlock(400)), "ML0007", 0, "over a safety limit" },
            { "ten-megabyte-line", Bytes("data: " + new string('x', 10 * 1024 * 1024) + "\n"), "ML0007", 1, "over a safety limit" },
            { "huge-key", Bytes("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: k}\ndata:\n  " + new string('k', 1024 * 1024) + ": v\n"), "ML0001", 5, null },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_gets_its_finding_or_skip_reason_and_the_other_files_are_still_linted(
        string name, byte[] content, string? rule, int line, string? skipReason)
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.WriteBytes(name + ".yaml", content);

        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path }, Options(), temp.Path));

        AssertGoodFileLinted(result);
        var file = result.Files.Single(f => f.DisplayPath == name + ".yaml");
        var findings = result.Diagnostics.Where(d => d.Location.GetLineSpan().Path == file.Path).ToArray();
        if (rule is null)
        {
            Assert.DoesNotContain(findings, d => d.Id is "ML0001" or "ML0004" or "ML0007");
            Assert.False(file.Skipped, file.SkipReason);
        }
        else
        {
            var finding = Assert.Single(findings, d => d.Id == rule);
            if (line > 0)
            {
                Assert.Equal(line, finding.Location.GetLineSpan().StartLinePosition.Line + 1);
            }
        }

        if (skipReason is not null)
        {
            Assert.True(file.Skipped);
            Assert.Equal(skipReason, file.SkipReason);
        }

        Assert.Empty(result.InputErrors);
    }

    [Fact]
    public void Json_with_trailing_commas_is_read_as_yaml_reads_it()
    {
        // YAML flow collections allow a trailing comma, and so does the YAML reader kubectl uses: the object is read.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("trailing.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\",}, \"data\": {\"k\": \"v\",},}\n");
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        Assert.Contains(result.Set.Objects, o => o.Name == "j");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ML0001");
    }

    [Fact]
    public void Limits_can_be_set_on_the_command_line()
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        temp.Write("long.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata: {k: " + new string('x', 200) + "}\n");
        var run = CliRun.In(temp.Path, ".", "--limit", "max_line_length=100");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("long.yaml(4,101): error ML0007:", run.Out, StringComparison.Ordinal);
        Assert.Contains("line 4 is longer than 100 characters (limit MaxLineLength)", run.Out, StringComparison.Ordinal);
        Assert.Contains("good.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
        Assert.Contains("skipped (over a safety limit: 1)", run.Error, StringComparison.Ordinal);

        var deep = CliRun.In(temp.Path, ".", "--limit", "max_depth=1", "--limit", "max_file_bytes=1MiB");
        Assert.Contains("nesting is deeper than 1 levels (limit MaxDepth)", deep.Out, StringComparison.Ordinal);

        var wrong = CliRun.In(temp.Path, ".", "--limit", "max_depth=-3");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--limit: '-3' is not a limit for max_depth", wrong.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.In(temp.Path, ".", "--limit", "max_width=3").ExitCode);
    }

    [Fact]
    public void Limits_can_be_set_in_editorconfig_and_the_command_line_wins()
    {
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestlint.max_nodes = 5\nmanifestlint.max_depth = lots\n");
        temp.Write("good.yaml", Good);
        var run = CliRun.In(temp.Path, ".");
        Assert.Contains("good.yaml(", run.Out, StringComparison.Ordinal);
        Assert.Contains("the file has more than 5 YAML nodes (limit MaxNodes)", run.Out, StringComparison.Ordinal);
        Assert.Contains(".editorconfig(4): warning: 'lots' is not a limit for max_depth", run.Error, StringComparison.Ordinal);

        var overridden = CliRun.In(temp.Path, ".", "--limit", "max_nodes=1000");
        Assert.DoesNotContain("ML0007", overridden.Out, StringComparison.Ordinal);
        Assert.Contains("good.yaml(7,3): warning ML0002", overridden.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_in_a_folder_is_never_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var fifo = Path.Combine(temp.Path, "pipe.yaml");
        Assert.Equal(0, Process.Start("mkfifo", new[] { fifo })!.WaitForExitAndCode());

        // Opening a FIFO blocks until a writer appears: a run that tried would never end.
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { temp.Path, fifo }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        Assert.Empty(result.InputErrors);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/dev/null")]
    public void A_device_given_explicitly_is_not_read(string device)
    {
        if (!File.Exists(device))
        {
            return;
        }

        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var (result, allocated) = Bounded(() => TestLinter.LintPaths(new[] { "good.yaml", device }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        var file = result.Files.Single(f => f.Path == device);
        Assert.Equal(0, file.ByteLength);
        Assert.True(allocated < 64 * 1024 * 1024, $"{allocated:N0} bytes allocated: the device was read");
    }

    [Fact]
    public void Circular_symbolic_links_end_and_the_files_are_linted_once()
    {
        using var temp = new TempDirectory();
        temp.Write("dir/good.yaml", Good);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "dir", "loop"), Path.Combine(temp.Path, "dir"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "dir", "self.yaml"), Path.Combine(temp.Path, "dir", "self.yaml"));
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { "dir" }, Options(), temp.Path));
        AssertGoodFileLinted(result);
        Assert.Empty(result.InputErrors);
    }

    [Fact]
    public void Paths_with_spaces_and_non_ascii_names_are_linted_and_shown_as_they_are()
    {
        using var temp = new TempDirectory();
        temp.Write("my manifests/ünïcødé café.yaml", Good);
        var run = CliRun.In(temp.Path, "my manifests");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("my manifests/ünïcødé café.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_disappears_after_the_folder_was_listed_is_skipped_not_an_input_error()
    {
        // A dangling link is what a folder listing sees when a file is deleted before it is read: the name is listed,
        // the file cannot be opened.
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "gone.yaml"), Path.Combine(temp.Path, "deleted.yaml"));
        var run = CliRun.In(temp.Path, ".");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("good.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
        Assert.Contains("skipped (unreadable: 1)", run.Error, StringComparison.Ordinal);

        // Named explicitly, it is something the user asked for and could not be read.
        var named = CliRun.In(temp.Path, "good.yaml", "gone.yaml");
        Assert.Equal(2, named.ExitCode);
        Assert.Contains("good.yaml(7,3): warning ML0002", named.Out, StringComparison.Ordinal);
        Assert.Contains("gone.yaml", named.Error, StringComparison.Ordinal);

        // And read directly after it vanished, the reader reports it instead of throwing.
        var vanished = SourceFileReader.ReadFile(Path.Combine(temp.Path, "deleted.yaml"), "deleted.yaml", isContext: false, Yaml.YamlLimits.Default);
        Assert.True(vanished.Skipped);
        Assert.StartsWith("unreadable: ", vanished.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_files_and_folders_are_skipped_inside_a_folder_and_exit_2_when_named()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var locked = temp.Write("locked.yaml", ConfigMap);
        var lockedDir = Path.GetDirectoryName(temp.Write("closed/inner.yaml", ConfigMap))!;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.SetUnixFileMode(lockedDir, UnixFileMode.None);
        try
        {
            if (CanRead(locked))
            {
                // Root (CI) reads mode-000 files and folders: what a permission error does cannot be produced here.
                // The same paths are taken by a file that vanishes (the test above); here only check the run is clean.
                var asRoot = CliRun.In(temp.Path, ".");
                Assert.Equal(0, asRoot.ExitCode);
                return;
            }

            var run = CliRun.In(temp.Path, ".");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("good.yaml(7,3): warning ML0002", run.Out, StringComparison.Ordinal);
            Assert.Contains("skipped (unreadable: 2)", run.Error, StringComparison.Ordinal);
            Assert.Equal(2, CliRun.In(temp.Path, "good.yaml", "locked.yaml").ExitCode);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(lockedDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_folder_where_a_file_is_expected_is_a_usage_error_not_a_crash()
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        Directory.CreateDirectory(Path.Combine(temp.Path, "report.txt"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "conf"));

        var output = CliRun.In(temp.Path, "good.yaml", "--output", "report.txt");
        Assert.Equal(2, output.ExitCode);
        Assert.DoesNotContain("   at ", output.Error, StringComparison.Ordinal);

        var config = CliRun.In(temp.Path, "good.yaml", "--config", "conf");
        Assert.Equal(2, config.ExitCode);
        Assert.DoesNotContain("   at ", config.Error, StringComparison.Ordinal);

        // A folder named like a manifest is a folder: its files are linted.
        temp.Write("folder.yaml/inner.yaml", Good);
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { "." }, Options(), temp.Path));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "ML0002"));
    }

    [Fact]
    public void A_path_given_twice_is_linted_once()
    {
        using var temp = new TempDirectory();
        temp.Write("good.yaml", Good);
        var (result, _) = Bounded(() => TestLinter.LintPaths(new[] { "good.yaml", "./good.yaml", temp.Path, "." }, Options(), temp.Path));
        Assert.Single(result.Files);
        Assert.Single(result.Diagnostics, d => d.Id == "ML0002");
    }

    private static LintOptions Options() => LintOptions.Default with { MaxParallelism = 1 };

    private static void AssertGoodFileLinted(LintResult result)
    {
        Assert.Empty(result.InternalErrors);
        Assert.Contains(result.Diagnostics, d => d.Id == "ML0002" && d.Location.GetLineSpan().Path.EndsWith("good.yaml", StringComparison.Ordinal)
                                                 && d.Location.GetLineSpan().StartLinePosition.Line == 6);
    }

    /// <summary>Runs <paramref name="run"/> on this thread (parallelism 1) within the time bound; returns what it allocated.</summary>
    private static (T Result, long Allocated) Bounded<T>(Func<T> run)
        where T : class
    {
        T? result = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            result = run();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        var stopwatch = Stopwatch.StartNew();
        thread.Start();
        Assert.True(thread.Join(TimeBound), $"the run did not end within {TimeBound.TotalSeconds} s");
        Assert.NotNull(result);
        Assert.True(allocated < MemoryBound, $"the run allocated {allocated:N0} bytes in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return (result!, allocated);
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text).Length == text.Length && text.Any(c => c > 0x7F && c < 0x100)
        ? Encoding.Latin1.GetBytes(text)
        : Encoding.UTF8.GetBytes(text);

    private static byte[] Bom(byte[] bom, Encoding encoding, string text) => bom.Concat(encoding.GetBytes(text)).ToArray();

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(11).NextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    private static string BillionLaughs()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var name = (char)('a' + i);
            var previous = (char)('a' + i - 1);
            text.Append(name).Append(": &").Append(name).Append(" [");
            text.Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        return text.ToString();
    }

    private static string DeepBlock(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append(' ', i).Append("k").Append(i).Append(":\n");
        }

        return text.Append(' ', depth).Append("v\n").ToString();
    }
}

internal static class ProcessExtensions
{
    public static int WaitForExitAndCode(this Process process)
    {
        process.WaitForExit();
        return process.ExitCode;
    }
}
