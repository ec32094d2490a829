using ManifestLint.Yaml;

namespace ManifestLint.Loading;

/// <summary>A file that was read (or could not be), with its documents and the problems met on the way.</summary>
public sealed class SourceFile
{
    internal SourceFile(string path, string displayPath, bool isContext)
    {
        Path = path;
        DisplayPath = displayPath;
        IsContext = isContext;
    }

    /// <summary>The full path (or the stdin name), used in locations.</summary>
    public string Path { get; }

    /// <summary>The path as shown to users: relative to the working directory when below it, with '/'.</summary>
    public string DisplayPath { get; }

    /// <summary>True for files loaded only to resolve references (pre-commit's whole-repository context).</summary>
    public bool IsContext { get; }

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private string? _text = string.Empty;
    private byte[]? _utf8;
    private int _utf8Start;
    private int _utf8Length;
    private WeakReference<string>? _decoded;

    /// <summary>
    /// The file's text (without a byte order mark). A UTF-8 file keeps only its bytes once parsed, half the memory
    /// of the text, and decodes them again when asked (reports, suppression comments, line hashes): the whole set's
    /// texts would otherwise outweigh its node trees.
    /// </summary>
    public string Text
    {
        get
        {
            if (_text is not null)
            {
                return _text;
            }

            if (_decoded is not null && _decoded.TryGetTarget(out var cached))
            {
                return cached;
            }

            var text = Utf8.GetString(_utf8!, _utf8Start, _utf8Length);
            _decoded = new WeakReference<string>(text);
            return text;
        }

        internal set
        {
            _text = value;
            _utf8 = null;
            _decoded = null;
        }
    }

    /// <summary>Keeps <paramref name="bytes"/> (valid UTF-8 that decodes to <paramref name="text"/>) instead of the text.</summary>
    internal void KeepUtf8(byte[] bytes, int start, int length, string text)
    {
        _utf8 = bytes;
        _utf8Start = start;
        _utf8Length = length;
        _decoded = new WeakReference<string>(text);
        _text = null;
    }

    /// <summary>True when <paramref name="ascii"/> (ASCII only) occurs in the text, without decoding it.</summary>
    internal bool ContainsAscii(string ascii)
    {
        if (_text is not null)
        {
            return _text.IndexOf(ascii, StringComparison.Ordinal) >= 0;
        }

        var pattern = new byte[ascii.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            pattern[i] = (byte)ascii[i];
        }

        return IndexOf(_utf8!, _utf8Start, _utf8Length, pattern) >= 0;
    }

    private static int IndexOf(byte[] bytes, int start, int length, byte[] pattern)
    {
#if NETSTANDARD2_0
        var end = start + length - pattern.Length;
        for (var i = start; i <= end; i++)
        {
            var j = 0;
            while (j < pattern.Length && bytes[i + j] == pattern[j])
            {
                j++;
            }

            if (j == pattern.Length)
            {
                return i - start;
            }
        }

        return -1;
#else
        return bytes.AsSpan(start, length).IndexOf(pattern);
#endif
    }

    public long ByteLength { get; internal set; }

    /// <summary>True when the file starts with a byte order mark (GitHub's line hash counts it as a character).</summary>
    public bool HasByteOrderMark { get; internal set; }

    private IReadOnlyList<YamlDocument>? _documents = Array.Empty<YamlDocument>();
    private readonly object _parseGate = new();

    /// <summary>
    /// The documents of the file. A large run releases the trees of files once their facts are taken (see
    /// <see cref="ReleaseDocuments"/>); asking again parses the same text again, which gives the same trees (new
    /// nodes, the same ranges).
    /// </summary>
    public IReadOnlyList<YamlDocument> Documents
    {
        get => Volatile.Read(ref _documents) ?? Reparse();
        internal set => _documents = value;
    }

    /// <summary>The limits the text was parsed with, for parsing it again; null when it was not parsed.</summary>
    internal YamlLimits? ParsedWith { get; set; }

    /// <summary>True when the file parsed cleanly, so that its trees can be dropped and parsed again when asked.</summary>
    internal bool CanRelease => ParsedWith is not null && !Skipped && Problems.Count == 0;

    /// <summary>True while the trees are dropped (until someone asks for <see cref="Documents"/>).</summary>
    internal bool IsReleased => Volatile.Read(ref _documents) is null;

    /// <summary>Drops the node trees (the text or bytes stay); nothing happens for a file that cannot be parsed again.</summary>
    internal void ReleaseDocuments()
    {
        if (CanRelease)
        {
            lock (_parseGate)
            {
                _documents = null;
            }
        }
    }

    private IReadOnlyList<YamlDocument> Reparse()
    {
        lock (_parseGate)
        {
            if (_documents is { } documents)
            {
                return documents;
            }

            var parsed = YamlStreamReader.Read(Text, ParsedWith!).Documents;
            Volatile.Write(ref _documents, parsed);
            return parsed;
        }
    }

    /// <summary>
    /// Skipped with no finding to say why (a link out of the tree, a folder too deep, a name that is not UTF-8, a file
    /// that could not be read): reporters list the reason, so that no file is ever dropped silently.
    /// </summary>
    public bool IsSkippedWithoutFinding => Skipped && Problems.Count == 0;

    /// <summary>Problems found while reading: syntax errors, template syntax, limits, encoding.</summary>
    public IReadOnlyList<LoadProblem> Problems { get; internal set; } = Array.Empty<LoadProblem>();

    /// <summary>True when the file was not linted further (a template, a file over the limits, unreadable).</summary>
    public bool Skipped { get; internal set; }

    /// <summary>The operating system's reason when the file could not be read at all.</summary>
    public string? ReadError { get; internal set; }

    /// <summary>Why the file was skipped or could not be read, for the summary.</summary>
    public string? SkipReason { get; internal set; }

    public override string ToString() => DisplayPath;

    private LineIndex? _lines;

    /// <summary>Published whole, so that no thread sees the line starts without the length.</summary>
    private sealed class LineIndex
    {
        public LineIndex(int[] starts, int textLength)
        {
            Starts = starts;
            TextLength = textLength;
        }

        public int[] Starts { get; }

        public int TextLength { get; }
    }

    /// <summary>
    /// True when <paramref name="position"/> lies inside <see cref="Text"/>. The YAML reader may place a problem at
    /// the end of the stream on a line after the last one, and counts line breaks (a lone CR, U+2028) that the
    /// text's lines do not; a report must never point outside the file.
    /// </summary>
    public bool Contains(SourcePosition position)
    {
        var lines = Lines();
        var starts = lines.Starts;
        var length = lines.TextLength;
        return position.Offset >= 0 && position.Offset <= length && position.Line >= 1 && position.Line <= starts.Length
               && position.Column >= 1 && starts[position.Line - 1] + position.Column - 1 <= length;
    }

    /// <summary>The line and column of character <paramref name="offset"/>, clamped to the text.</summary>
    public SourcePosition PositionAt(int offset)
    {
        var lines = Lines();
        var starts = lines.Starts;
        offset = Math.Min(Math.Max(0, offset), lines.TextLength);
        var line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, offset - starts[line] + 1, offset);
    }

    /// <summary>
    /// The start of every line, and the text's length, computed once per file on first use; a race computes the same values twice, which is harmless. Every finding's location asks them: the text
    /// itself is decoded again from the file's bytes whenever the garbage collector has dropped it, which for a 2 MB
    /// install bundle with many findings was a decode per finding.
    /// </summary>
    private LineIndex Lines()
    {
        if (_lines is { } cached)
        {
            return cached;
        }

        var starts = new List<int> { 0 };
        var text = Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return _lines = new LineIndex(starts.ToArray(), text.Length);
    }
}

public enum LoadProblemKind
{
    /// <summary>ML0001.</summary>
    Syntax,

    /// <summary>ML0004.</summary>
    Template,

    /// <summary>ML0007.</summary>
    Limit,
}

public sealed record LoadProblem(LoadProblemKind Kind, string Message, SourceRange Range);
