using System.Text;
using ManifestLint.Loading;

namespace ManifestLint.Cli.Fixing;

/// <summary>
/// Writes a fixed file in place, atomically: the new bytes go to a new temporary file beside it, which takes the
/// file's mode and is renamed over it, so a crash never leaves half a manifest. It never writes through a symbolic
/// link (the file's own, or a folder's that leads out of the linted paths), and never over a file that changed since
/// it was read.
/// </summary>
internal static class FixedFileWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when written, else why the file was left alone.</summary>
    public static string? Write(SourceFile file, string newText, IReadOnlyList<string> realRoots)
    {
        var path = file.Path;
        string? temporary = null;
        try
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                return "it is a symbolic link";
            }

            var real = RealPath(path);
            if (!realRoots.Any(root => IsUnder(real, root)))
            {
                return "a symbolic link leads it out of the linted paths";
            }

            var bytes = File.ReadAllBytes(path);
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            if (!bom && bytes.Length >= 2 && (bytes[0] is 0xFF or 0xFE || bytes[0] == 0 && bytes[1] == 0))
            {
                return "it is not UTF-8";
            }

            string current;
            try
            {
                current = StrictUtf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            }
            catch (DecoderFallbackException)
            {
                return "it is not UTF-8";
            }

            if (!string.Equals(current, file.Text, StringComparison.Ordinal))
            {
                return "it changed since it was read";
            }

            var body = StrictUtf8.GetBytes(newText);
            var output = new byte[(bom ? 3 : 0) + body.Length];
            if (bom)
            {
                output[0] = 0xEF;
                output[1] = 0xBB;
                output[2] = 0xBF;
            }

            Buffer.BlockCopy(body, 0, output, bom ? 3 : 0, body.Length);
            temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".manifestlint-fix");

            // CreateNew fails on anything already there, a planted symbolic link included.
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(output, 0, output.Length);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            // rename(2) replaces the directory entry itself: it never follows a link at the destination.
            File.Move(temporary, path, overwrite: true);
            temporary = null;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
        finally
        {
            if (temporary is not null)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The fix was not written either way; a stray temporary file is all that is left.
                }
            }
        }
    }

    /// <summary>The path with every symbolic link on it resolved (realpath(3)).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new List<string>(Split(full.Substring(root.Length)));
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            var candidate = Path.Combine(current, part);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > 40)
            {
                throw new IOException("too many levels of symbolic links");
            }

            var resolved = Path.GetFullPath(target, current);
            pending.InsertRange(0, Split(resolved.Substring((Path.GetPathRoot(resolved) ?? "/").Length)));
            current = Path.GetPathRoot(resolved) ?? "/";
        }

        return current;
    }

    private static string[] Split(string relative) =>
        relative.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsUnder(string path, string root) =>
        string.Equals(path, root, StringComparison.Ordinal)
        || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
