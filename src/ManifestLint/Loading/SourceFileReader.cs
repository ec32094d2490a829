using ManifestLint.Yaml;
using ManifestLint.Text;

namespace ManifestLint.Loading;

/// <summary>Reads one file into a <see cref="SourceFile"/>: bytes, text, documents and load problems.</summary>
public static class SourceFileReader
{
    public static SourceFile ReadFile(string path, string displayPath, bool isContext, YamlLimits limits)
    {
        var file = new SourceFile(path, displayPath, isContext);
        byte[] bytes;
        try
        {
            // A link's own FileInfo has the link's length (18 bytes for ../common/app.yaml), not the file's: look at
            // the file the link leads to.
            var target = ReadTarget(path);
            var info = new FileInfo(target);
            if (TooLarge(file, info.Length, limits))
            {
                return file;
            }

            // A FIFO or a device reports no length: it is never opened (opening a FIFO blocks until a writer comes,
            // /dev/zero never ends, /proc files report 0 and hold other processes' secrets), and an empty regular
            // file has nothing to read anyway.
            if (info.Length == 0)
            {
                return file;
            }

            using var stream = OpenRegular(target);
            if (stream is null)
            {
                file.Skipped = true;
                file.SkipReason = NotRegular;
                return file;
            }

            // The length of what was opened, not of what was looked at: the file may have grown in between.
            var length = stream.Length;
            if (TooLarge(file, length, limits))
            {
                return file;
            }

            bytes = ReadAtMost(stream, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            file.Skipped = true;
            file.SkipReason = "unreadable: " + e.Message;
            file.ReadError = e.Message;
            return file;
        }

        return Parse(file, bytes, bytes.Length, limits, ownsBytes: true);
    }

    private const string NotRegular = "not a regular file: a device, FIFO or socket is never read";

    /// <summary>
    /// Reads a file that a manifest names (kustomize <c>envs</c> and <c>files</c>) only when its real path, every link
    /// followed, stays under <paramref name="root"/>, it is a regular file and it holds at most
    /// <paramref name="maxBytes"/>; else null and the reason. A pull request's <c>passwd.env -&gt; /etc/passwd</c>
    /// is refused as kustomize refuses it, and a FIFO or device is never opened.
    /// </summary>
    public static byte[]? ReadWithin(string path, string root, long maxBytes, out string? reason)
    {
        var real = RealPath.Within(path, root, out reason);
        return real is null ? null : ReadRegular(real, maxBytes, out reason);
    }

    /// <summary>
    /// The bytes of a regular file of at most <paramref name="maxBytes"/>, else null and the reason; a FIFO or a device
    /// is never opened (configuration files come with the pull request too).
    /// </summary>
    public static byte[]? ReadRegular(string real, long maxBytes, out string? reason)
    {
        reason = null;
        try
        {
            var length = new FileInfo(real).Length;
            if (length == 0)
            {
                // Empty, or a FIFO or device (they report no length): nothing is read either way.
                return Array.Empty<byte>();
            }

            using var stream = OpenRegular(real);
            if (stream is null)
            {
                reason = NotRegular;
                return null;
            }

            if (stream.Length > maxBytes)
            {
                reason = $"it is {Text.MessageText.Count(stream.Length)} bytes, more than {Text.MessageText.Count(maxBytes)}";
                return null;
            }

            return ReadAtMost(stream, stream.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            reason = "cannot read it: " + e.Message;
            return null;
        }
    }

    /// <summary>The file opened for reading, or null (and closed) when the handle is not a seekable regular file:
    /// swapped for a device or a FIFO between the look and the open.</summary>
    private static FileStream? OpenRegular(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        if (stream.CanSeek)
        {
            return stream;
        }

        stream.Dispose();
        return null;
    }

    /// <summary>The file a path leads to, every link followed (the path itself when it is no link).</summary>
    internal static string ReadTarget(string path)
    {
#if NET
        return new FileInfo(path).LinkTarget is null ? path : RealPath.Of(path) ?? path;
#else
        return path;
#endif
    }

    /// <summary>Marks a file that the run's input budget (<see cref="InputSet.MaxTotalBytes"/>) leaves unread.</summary>
    internal static void SkipOverBudget(SourceFile file, long maxTotalBytes) =>
        Skip(file, new LoadProblem(
            LoadProblemKind.Limit,
            $"the run's input budget of {Text.MessageText.Count(maxTotalBytes)} bytes (limit max_total_bytes) is used up by the files before this one (in path order); this file was not read. Lint fewer files per run, or raise it with --limit max_total_bytes=...",
            default), "over the input budget");

    private static bool TooLarge(SourceFile file, long length, YamlLimits limits)
    {
        if (length <= limits.MaxFileBytes)
        {
            return false;
        }

        file.ByteLength = length;
        Skip(file, new LoadProblem(
            LoadProblemKind.Limit,
            $"the file is {length:N0} bytes, more than the {limits.MaxFileBytes:N0}-byte limit (MaxFileBytes); it was not read",
            default), "over the size limit");
        return true;
    }

    private static byte[] ReadAtMost(Stream stream, long expected)
    {
        var buffer = new byte[expected];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total < buffer.Length)
        {
            Array.Resize(ref buffer, total);
        }

        return buffer;
    }

    public static SourceFile ReadText(string path, string displayPath, string text, YamlLimits limits)
    {
        var file = new SourceFile(path, displayPath, isContext: false);
        file.ByteLength = System.Text.Encoding.UTF8.GetByteCount(text);
        if (TooLarge(file, file.ByteLength, limits))
        {
            return file;
        }

        file.Text = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        return ParseText(file, limits, file.Text);
    }

    /// <summary>
    /// Standard input, read up to one character past <paramref name="maxBytes"/> and no further: <c>yes 'a: b' |
    /// manifestlint -</c> reached 4.3 GB. Text over the limit is longer than <paramref name="maxBytes"/> in UTF-8, so
    /// <see cref="ReadText"/> skips it with the same ML0007 finding a file over the limit gets.
    /// </summary>
    public static string ReadStandardInput(TextReader reader, long maxBytes)
    {
        var builder = new System.Text.StringBuilder();
        var buffer = new char[64 * 1024];
        var wanted = maxBytes + 1;
        int read;
        while (builder.Length < wanted && (read = reader.Read(buffer, 0, (int)Math.Min(buffer.Length, wanted - builder.Length))) > 0)
        {
            builder.Append(buffer, 0, read);
        }

        return builder.ToString();
    }

    /// <summary>Reads bytes already in memory as the file at <paramref name="path"/> (fuzzing, tests, editors).</summary>
    public static SourceFile ReadBytes(string path, string displayPath, byte[] bytes, YamlLimits limits) =>
        Parse(new SourceFile(path, displayPath, isContext: false), bytes, bytes.Length, limits);

    /// <param name="ownsBytes">True when nothing else holds <paramref name="bytes"/>: the file may keep them instead of its text.</param>
    internal static SourceFile Parse(SourceFile file, byte[] bytes, int length, YamlLimits limits, bool ownsBytes = false)
    {
        file.ByteLength = length;
        if (length > limits.MaxFileBytes)
        {
            Skip(file, new LoadProblem(
                LoadProblemKind.Limit,
                $"the input is {length:N0} bytes, more than the {limits.MaxFileBytes:N0}-byte limit (MaxFileBytes); it was not read",
                default), "over the size limit");
            return file;
        }

        file.HasByteOrderMark = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = TextDecoding.Decode(bytes, length, out var encodingProblem);
        if (encodingProblem is not null)
        {
            file.Text = text;
            Skip(file, encodingProblem, "not UTF-8");
            return file;
        }

        if (ownsBytes && TextDecoding.IsUtf8(bytes, length))
        {
            var start = file.HasByteOrderMark ? 3 : 0;
            file.KeepUtf8(bytes, start, length - start, text);
        }
        else
        {
            file.Text = text;
        }

        return ParseText(file, limits, text);
    }

    private static SourceFile ParseText(SourceFile file, YamlLimits limits, string text)
    {
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var position = TextDecoding.PositionAt(text, nul);
            Skip(file, new LoadProblem(
                LoadProblemKind.Syntax,
                "the file contains a NUL character, so it is binary data, not YAML",
                new SourceRange(position, new SourcePosition(position.Line, position.Column + 1, position.Offset + 1))),
                "binary content");
            return file;
        }

        if (LongLine(text, limits.MaxLineLength) is { } longLine)
        {
            Skip(file, new LoadProblem(
                LoadProblemKind.Limit,
                $"line {longLine.Line} is longer than {limits.MaxLineLength:N0} characters (limit MaxLineLength); the file was not parsed",
                new SourceRange(longLine, longLine)),
                "over a safety limit");
            return file;
        }

        var result = YamlStreamReader.Read(text, limits);
        file.Documents = result.Documents;
        file.ParsedWith = limits;
        var template = TemplateDetector.Find(text, result);
        if (template is not null)
        {
            Skip(file, template, "template syntax");
            return file;
        }

        if (result.Error is { } error)
        {
            var kind = error.Kind == YamlReadErrorKind.Limit ? LoadProblemKind.Limit : LoadProblemKind.Syntax;
            file.Problems = new[] { new LoadProblem(kind, error.Message, error.Range) };
            if (kind == LoadProblemKind.Limit)
            {
                file.Documents = Array.Empty<YamlDocument>();
                file.Skipped = true;
                file.SkipReason = "over a safety limit";
            }
        }

        return file;
    }

    /// <summary>The position just past the limit on the first line longer than it, if any.</summary>
    private static SourcePosition? LongLine(string text, int maxLineLength)
    {
        if (text.Length <= maxLineLength)
        {
            return null;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var length = i - lineStart;
                if (length > 0 && text[i - 1] == '\r')
                {
                    length--;
                }

                if (length > maxLineLength)
                {
                    return new SourcePosition(line, maxLineLength + 1, lineStart + maxLineLength);
                }

                line++;
                lineStart = i + 1;
            }
        }

        return null;
    }

    private static void Skip(SourceFile file, LoadProblem problem, string reason)
    {
        file.Documents = Array.Empty<YamlDocument>();
        file.Problems = new[] { problem };
        file.Skipped = true;
        file.SkipReason = reason;
    }
}
