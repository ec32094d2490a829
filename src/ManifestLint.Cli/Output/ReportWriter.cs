using System.Text;

namespace ManifestLint.Cli.Output;

/// <summary>Writes a report to standard output, or to a file through a temporary file and a rename, so that a
/// crash or a full disk never leaves a truncated report for CI to upload.</summary>
internal static class ReportWriter
{
    public static bool Write(Action<TextWriter> write, string? outputPath, CliConsole console)
    {
        if (outputPath is null)
        {
            write(console.Out);
            console.Out.Flush();
            return true;
        }

        var full = Path.GetFullPath(Path.Combine(console.WorkingDirectory, outputPath));
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            using (var stream = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            console.Error.WriteLine($"manifestlint: error: cannot write {outputPath}: {e.Message}");
            return false;
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
