using System.Runtime.InteropServices;
using System.Text;
using ManifestLint.Loading;

namespace ManifestLint.Cli.Output;

/// <summary>Writes a report to standard output, or to a file through a temporary file and a rename, so that a
/// crash or a full disk never leaves a truncated report for CI to upload.</summary>
internal static class ReportWriter
{
    private const string TemporaryMarker = ".tmp-";

    public static bool Write(Action<TextWriter> write, string? outputPath, CliConsole console, IEnumerable<string>? inputs = null)
    {
        if (outputPath is null)
        {
            write(console.Out);
            console.Out.Flush();
            return true;
        }

        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(console.WorkingDirectory, outputPath));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: error: cannot write {outputPath}: {e.Message}"));
            return false;
        }

        if (Refusal(full, inputs) is { } refusal)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: error: --output {outputPath}: {refusal}"));
            return false;
        }

        RemoveStaleTemporaries(full);
        var temporary = full + TemporaryMarker + Guid.NewGuid().ToString("N").Substring(0, 8);

        // A run killed by SIGTERM or Ctrl+C (a CI job cancelled) removes its temporary file on the way out.
        using var terminate = Register(PosixSignal.SIGTERM, temporary);
        using var interrupt = Register(PosixSignal.SIGINT, temporary);
        try
        {
            // CreateNew: never through a link or file someone put at the temporary name.
            using (var stream = new StreamWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: error: cannot write {outputPath}: {e.Message}"));
            return false;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Why the report must not go to <paramref name="full"/>: the rename would replace whatever is there, so only a
    /// regular file (not a link, device, FIFO or folder; as root, <c>-o /dev/null</c> replaced the device) that is not
    /// one of the linted files (<c>-o deploy.yaml</c> overwrote the manifest) may be replaced.
    /// </summary>
    private static string? Refusal(string full, IEnumerable<string>? inputs)
    {
        var info = new FileInfo(full);
        if (Directory.Exists(full))
        {
            return "it is a folder";
        }

        if (info.LinkTarget is not null)
        {
            return "it is a symbolic link; the report replaces only regular files";
        }

        if (!IsRegularFile(full))
        {
            return "it is a device or a kernel file; the report replaces only regular files";
        }

        var real = RealPath.Of(full) ?? full;
        foreach (var input in inputs ?? Array.Empty<string>())
        {
            if (Path.IsPathRooted(input) && string.Equals(RealPath.Of(input) ?? input, real, StringComparison.Ordinal))
            {
                return "it is one of the files being linted";
            }
        }

        return null;
    }

    /// <summary>
    /// False for what lives in the kernel's file systems (<c>/dev</c>, <c>/proc</c>, <c>/sys</c>). .NET does not show a
    /// file's type (device, FIFO, socket), and a device reports a length of 0 like an empty report does; outside these
    /// folders, a FIFO or socket replaced by a report loses nothing.
    /// </summary>
    private static bool IsRegularFile(string path)
    {
        var real = RealPath.Of(path) ?? path;
        return OperatingSystem.IsWindows()
               || !(real.StartsWith("/dev/", StringComparison.Ordinal) || real.StartsWith("/proc/", StringComparison.Ordinal) || real.StartsWith("/sys/", StringComparison.Ordinal));
    }

    /// <summary>Temporary files of this report that a killed run left behind (<c>report.sarif.tmp-1a2b3c4d</c>).</summary>
    private static void RemoveStaleTemporaries(string full)
    {
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        try
        {
            foreach (var stale in Directory.EnumerateFiles(directory, Path.GetFileName(full) + TemporaryMarker + "????????"))
            {
                if (new FileInfo(stale).LinkTarget is null)
                {
                    TryDelete(stale);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run: this one still writes its own report.
        }
    }

    private static PosixSignalRegistration? Register(PosixSignal signal, string temporary)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, _ => TryDelete(temporary));
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the report was not written either way.
        }
    }
}
