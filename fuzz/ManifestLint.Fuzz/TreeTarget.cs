using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Cli;

namespace ManifestLint.Fuzz;

/// <summary>
/// The command line over a folder a pull request could have built (issue 19): the input files under odd names and
/// deep folders, links that lead out of the tree (to a folder holding a marker file, to '/', to devices), a FIFO, a
/// hostile or mutated .editorconfig, raised and lowered limits, and every report format. A failure is an internal
/// error or a crash (exit code 3), a marker from outside the tree in the report, a line that would start a workflow
/// command, a terminal escape, or a report out of proportion to its input. Everything random comes from one seed, so
/// a failure replays from its files and <c>tree-seed.txt</c>.
/// </summary>
public static class TreeTarget
{
    private const string Marker = "outside-marker";

    private static readonly string[] OddNames =
    {
        "input.yaml", "a\\b.yaml", "::error::x.yaml", "line\nbreak.yaml", "\u001b[31mred.yaml", "--output=stolen.yaml", "-.yaml",
        " lead.yaml", "\u202Eevil.yaml", "::stop-commands::tok.yaml", "Kustomization", "x.json", "ünï cødé.yml",
    };

    private static readonly string[] HostileEditorConfigs =
    {
        "root = true\n[*.yaml]\nmanifestlint.max_depth = 2000000\nmanifestlint.max_nodes = 2000000000\nmanifestlint.max_file_bytes = 2GiB\n",
        "root = true\n[" + string.Concat(Enumerable.Repeat("**/", 9)) + "*.yaml]\ndotnet_diagnostic.ML0002.severity = none\n",
        "root = true\n[" + new string('{', 5000) + new string('}', 5000) + "]\nmanifestlint.max_depth = 3\n",
        "root = true\n[*.{yaml,yml,{json,{x,y}}}]\ndotnet_analyzer_diagnostic.severity = error\nmanifestlint.max_line_length = 80\n",
        "[*]\nmanifestlint.max_total_bytes = 1\nmanifestlint.kube_version = 9.99\n[\n",
    };

    private static readonly string[] Formats = { "text", "json", "sarif", "github" };

    public static string? Run(IReadOnlyList<byte[]> files, int seed, out IReadOnlyList<string> signature)
    {
        signature = Array.Empty<string>();
        var random = new Random(seed);
        var root = Directory.CreateTempSubdirectory("manifestlint-fuzz-").FullName;
        try
        {
            var args = Build(root, files, random, out var format);
            var output = new StringWriter();
            var error = new StringWriter();
            var console = new CliConsole(new StringReader("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stdin}\n"), output, error, false, _ => null, root);
            int code;
            try
            {
                code = CliApplication.Run(args, console);
            }
            catch (Exception e)
            {
                return $"tree: exception escaped the CLI: {e.GetType().Name}: {e.Message}";
            }

            var text = output.ToString();
            var errors = error.ToString();
            var problem = Check(code, format, text, errors, files.Sum(f => (long)f.Length));
            signature = new[] { "tree", format, "exit" + code.ToString(CultureInfo.InvariantCulture) }
                .Concat(Regex.Matches(text, @"\bML\d{4}\b").Select(m => m.Value).Distinct().OrderBy(id => id, StringComparer.Ordinal))
                .Concat(Regex.Matches(errors, @"skipped: ([a-z -]+)").Select(m => "skip:" + m.Groups[1].Value).Distinct().OrderBy(s => s, StringComparer.Ordinal))
                .ToArray();
            return problem is null ? null : $"tree ({format}, exit {code}): {problem}";
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary folder left behind is not a finding of the fuzzer.
            }
        }
    }

    private static string? Check(int code, string format, string output, string errors, long inputBytes)
    {
        if (code is < 0 or > 2)
        {
            return $"exit code {code}: {FirstLine(errors, "internal error")}";
        }

        if (errors.Contains("internal error", StringComparison.Ordinal))
        {
            return FirstLine(errors, "internal error");
        }

        if (output.Contains(Marker, StringComparison.Ordinal) || errors.Contains(Marker + "-content", StringComparison.Ordinal))
        {
            return "a file outside the tree reached the report";
        }

        if (output.Length > 64L * 1024 * 1024 + 64 * inputBytes)
        {
            return $"a report of {output.Length:N0} characters for {inputBytes:N0} bytes of input";
        }

        if (format is "text" or "github")
        {
            foreach (var line in (output + "\n" + errors).Split('\n'))
            {
                var own = format == "github" && Regex.IsMatch(line, @"^::(error|warning|notice) file=");
                if (line.TrimStart().StartsWith("::", StringComparison.Ordinal) && !own)
                {
                    return "a line that starts a workflow command: " + line.Substring(0, Math.Min(120, line.Length));
                }

                if (line.IndexOf('\u001b') >= 0)
                {
                    return "a terminal escape in the output: " + line.Substring(0, Math.Min(120, line.Length));
                }
            }
        }

        return null;
    }

    private static string FirstLine(string text, string containing) =>
        text.Split('\n').FirstOrDefault(l => l.Contains(containing, StringComparison.Ordinal)) ?? text.Split('\n')[0];

    private static string[] Build(string root, IReadOnlyList<byte[]> files, Random random, out string format)
    {
        var tree = Path.Combine(root, "tree");
        var outside = Path.Combine(root, "outside");
        Directory.CreateDirectory(tree);
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.yaml"), $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {Marker}}}\ndata:\n  '{Marker} bad key': v\n");
        File.WriteAllText(Path.Combine(outside, "app.env"), Marker + "-content=1\n");

        for (var i = 0; i < files.Count; i++)
        {
            var depth = random.Next(10) == 0 ? 60 + random.Next(10) : random.Next(4);
            var folder = Path.Combine(new[] { tree }.Concat(Enumerable.Range(0, depth).Select(d => random.Next(6) == 0 ? "::d" + d : "d" + d)).ToArray());
            Directory.CreateDirectory(folder);
            var name = random.Next(3) == 0 ? OddNames[random.Next(OddNames.Length)] : $"input{i}.yaml";
            File.WriteAllBytes(Path.Combine(folder, name.Replace("input.yaml", $"input{i}.yaml", StringComparison.Ordinal)), files[i]);
        }

        TryLink(() => Directory.CreateSymbolicLink(Path.Combine(tree, "out"), outside), random);
        TryLink(() => Directory.CreateSymbolicLink(Path.Combine(tree, "root"), "/"), random);
        TryLink(() => Directory.CreateSymbolicLink(Path.Combine(tree, "self"), tree), random);
        TryLink(() => File.CreateSymbolicLink(Path.Combine(tree, "leak.yaml"), Path.Combine(outside, "secret.yaml")), random);
        TryLink(() => File.CreateSymbolicLink(Path.Combine(tree, "zero.yaml"), "/dev/zero"), random);
        TryLink(() => File.CreateSymbolicLink(Path.Combine(tree, "environ.yaml"), "/proc/self/environ"), random);
        TryLink(() => File.CreateSymbolicLink(Path.Combine(tree, "passwd.env"), Path.Combine(outside, "app.env")), random);
        if (random.Next(8) == 0 && !OperatingSystem.IsWindows())
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { Path.Combine(tree, "pipe.yaml") }) { UseShellExecute = false });
            mkfifo?.WaitForExit();
        }

        if (random.Next(3) == 0)
        {
            var editorConfig = random.Next(2) == 0
                ? Encoding.UTF8.GetBytes(HostileEditorConfigs[random.Next(HostileEditorConfigs.Length)])
                : files[random.Next(files.Count)];
            File.WriteAllBytes(Path.Combine(tree, ".editorconfig"), editorConfig);
        }

        format = Formats[random.Next(Formats.Length)];
        var args = new List<string> { "--format", format };
        if (random.Next(4) == 0)
        {
            args.AddRange(new[] { "--limit", random.Next(2) == 0 ? "max_depth=1000" : "max_nodes=20000000" });
        }

        if (random.Next(4) == 0)
        {
            args.AddRange(new[] { "--limit", "max_total_bytes=" + (1 + random.Next(64)).ToString(CultureInfo.InvariantCulture) + "KiB" });
        }

        if (random.Next(6) == 0)
        {
            args.AddRange(new[] { "--output", random.Next(3) == 0 ? "/dev/null" : Path.Combine(root, "report.out") });
        }

        args.Add("--");
        args.Add("tree");
        if (random.Next(6) == 0)
        {
            args.Add("-");
        }

        return args.ToArray();
    }

    private static void TryLink(Action create, Random random)
    {
        if (random.Next(3) != 0)
        {
            return;
        }

        try
        {
            create();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file system without links: the other cases still run.
        }
    }
}
