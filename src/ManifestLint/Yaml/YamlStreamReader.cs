using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Yaml;

/// <summary>The documents of a YAML stream, and the error that stopped reading, if any.</summary>
public sealed record YamlReadResult(IReadOnlyList<YamlDocument> Documents, YamlReadError? Error);

public enum YamlReadErrorKind
{
    Syntax,
    Limit,
}

public sealed record YamlReadError(YamlReadErrorKind Kind, string Message, SourceRange Range);

/// <summary>
/// Builds the node tree from YamlDotNet's parser events. YamlDotNet's own representation model throws on duplicate keys
/// and loses the whole file, while kubectl accepts them and keeps the last
/// (docs/kubernetes-behaviour.md#yaml-decoding), so the tree is built here: every entry is kept, lookups see the last,
/// and duplicates are recorded. Documents read before a syntax error are kept.
/// </summary>
public static class YamlStreamReader
{
    private const string MergeKey = "<<";

    public static YamlReadResult Read(string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        BlankFirstLineRepair? repair = null;
        while (true)
        {
            var result = ReadOnce(text, repair, limits, out var retry);
            if (retry is null)
            {
                return result;
            }

            repair = retry;
        }
    }

    /// <summary>
    /// One parse of <paramref name="text"/> (as <paramref name="repair"/> patched it). <paramref name="retry"/> is set
    /// when the parse met a YamlDotNet error that a further repair works around (see <see cref="BlankFirstLineRepair"/>).
    /// </summary>
    private static YamlReadResult ReadOnce(string text, BlankFirstLineRepair? repair, YamlLimits limits, out BlankFirstLineRepair? retry)
    {
        retry = null;
        var documents = new List<YamlDocument>();
        var builder = new TreeBuilder(limits, repair);
        var parser = new Parser(new Scanner(new StringReader(repair?.Text ?? text), skipComments: true));
        var lastGood = SourcePosition.Start;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastGood = builder.ToPosition(current.End);
                var document = builder.Accept(current, documents.Count);
                if (document is not null)
                {
                    documents.Add(document);
                }
            }

            return new YamlReadResult(documents, null);
        }
        catch (YamlLimitExceededException limit)
        {
            return new YamlReadResult(documents, new YamlReadError(
                YamlReadErrorKind.Limit, limit.Message, new SourceRange(limit.Position, limit.Position)));
        }
        catch (RejectedYamlException rejected)
        {
            return new YamlReadResult(documents, rejected.Error);
        }
        catch (YamlException syntax)
        {
            retry = BlankFirstLineRepair.Extend(repair, text, syntax);
            if (retry is not null)
            {
                return new YamlReadResult(documents, null);
            }

            // YamlDotNet's Start is where the construct began (a mapping, a quoted scalar), its End is where
            // the problem was found. The problem's place is what a user must look at; the start is named too.
            var start = builder.ToPosition(syntax.Start);
            var problem = builder.ToPosition(syntax.End);
            var message = CleanMessage(syntax);
            if (problem.Offset < start.Offset)
            {
                problem = start;
            }

            if (message.IndexOf("tab", StringComparison.Ordinal) >= 0 && FindIndentationTab(text, start.Offset) is { } tab)
            {
                // YamlDotNet marks the enclosing mapping; the tab itself is what needs fixing.
                problem = tab;
            }

            if (problem.Line != start.Line)
            {
                message += $" (the construct starts on line {start.Line}, column {start.Column})";
                start = problem;
            }

            return new YamlReadResult(documents, new YamlReadError(
                YamlReadErrorKind.Syntax, message, new SourceRange(start, problem)));
        }
        catch (Exception other) when (other is InvalidOperationException or ArgumentException or FormatException
                                         or OverflowException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet should report every problem as a YamlException; anything else it throws is still a
            // problem of this input, not a reason to stop the run.
            return new YamlReadResult(documents, new YamlReadError(
                YamlReadErrorKind.Syntax, "the YAML reader failed: " + other.Message, new SourceRange(lastGood, lastGood)));
        }
    }

    private static SourcePosition ToPosition(Mark mark) =>
        new(checked((int)mark.Line), checked((int)mark.Column), checked((int)mark.Index));

    private static SourcePosition? FindIndentationTab(string text, int from)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (c == '\t' && i >= from && text.Substring(lineStart, i - lineStart).Trim(' ').Length == 0)
            {
                return new SourcePosition(line, i - lineStart + 1, i);
            }
        }

        return null;
    }

    private static string CleanMessage(YamlException exception)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is
        // reported separately.
        var message = exception.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
        {
            message = message.Substring(marker + 3);
        }

        return message.Trim();
    }

    /// <summary>Text YamlDotNet reads but goyaml rejects (see <see cref="BlankFirstLineRepair.Reject"/>).</summary>
    private sealed class RejectedYamlException : Exception
    {
        public RejectedYamlException(YamlReadError error)
            : base(error.Message) => Error = error;

        public YamlReadError Error { get; }
    }

    private sealed class TreeBuilder
    {
        private readonly YamlLimits _limits;
        private readonly BlankFirstLineRepair? _repair;
        private readonly Stack<Frame> _stack = new();
        private const int MaxPooledStrings = 16_384;

        [ThreadStatic]
        private static Dictionary<string, string>? _pool;

        private readonly Stack<Frame> _free = new();
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly List<DuplicateKey> _duplicates = new();
        private YamlNode? _root;
        private SourcePosition _documentStart;
        private long _aliasExpansion;
        private bool _hasAliases;
        private long _nodes;

        public TreeBuilder(YamlLimits limits, BlankFirstLineRepair? repair)
        {
            _limits = limits;
            _repair = repair;
        }

        /// <summary>A mark's position in the original text (a repaired text has fewer spaces on some blank lines).</summary>
        public SourcePosition ToPosition(Mark mark) => _repair is null ? YamlStreamReader.ToPosition(mark) : _repair.Map(mark);

        public YamlDocument? Accept(ParsingEvent parsingEvent, int documentIndex)
        {
            switch (parsingEvent)
            {
                case DocumentStart start:
                    _root = null;
                    _anchors.Clear();
                    _duplicates.Clear();
                    _aliasExpansion = 0;
                    _hasAliases = false;
                    _documentStart = ToPosition(start.Start);
                    return null;

                case DocumentEnd end:
                    var document = new YamlDocument(
                        documentIndex, _root, new SourceRange(_documentStart, ToPosition(end.End)), _duplicates.ToArray(), _hasAliases);
                    _root = null;
                    return document;

                case Scalar scalar when scalar.Anchor.IsEmpty && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)
                                        && _stack.Count > 0 && _stack.Peek().ExpectsKey:
                    CountNode(ToPosition(scalar.Start));
                    _stack.Peek().AddKey(Range(scalar), Share(scalar.Value, isKey: true), scalar.Style);
                    return null;

                case Scalar scalar:
                    if (_repair is { HasContentChecks: true } && scalar.Style == ScalarStyle.Literal
                        && _repair.Reject(ToPosition(scalar.Start), scalar.Value) is { } rejected)
                    {
                        throw new RejectedYamlException(rejected);
                    }

                    Add(new YamlScalar(
                        Range(scalar),
                        AnchorName(scalar.Anchor),
                        Share(scalar.Value, _stack.Count > 0 && _stack.Peek().ExpectsKey),
                        scalar.Style,
                        scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value));
                    return null;

                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} refers to an anchor that is not defined before it");
                    }

                    _hasAliases = true;
                    _aliasExpansion += target.ExpandedSize;
                    if (_aliasExpansion > _limits.MaxAliasExpansion)
                    {
                        throw new YamlLimitExceededException(
                            $"aliases expand this document to more than {_limits.MaxAliasExpansion:N0} nodes (limit MaxAliasExpansion)",
                            ToPosition(alias.Start));
                    }

                    Add(target);
                    return null;

                case MappingStart mapping:
                    Push(ToPosition(mapping.Start), AnchorName(mapping.Anchor), isMapping: true);
                    return null;

                case SequenceStart sequence:
                    Push(ToPosition(sequence.Start), AnchorName(sequence.Anchor), isMapping: false);
                    return null;

                case MappingEnd or SequenceEnd:
                    var frame = _stack.Pop();
                    var built = frame.Build(ToPosition(parsingEvent.End));
                    _free.Push(frame);
                    Add(built);
                    return null;

                default:
                    return null;
            }
        }

        private void Push(SourcePosition start, string? anchor, bool isMapping)
        {
            if (_stack.Count >= _limits.MaxDepth)
            {
                throw new YamlLimitExceededException(
                    $"nesting is deeper than {_limits.MaxDepth} levels (limit MaxDepth)", start);
            }

            // Frames (and their lists) are reused: a file has one mapping per few lines, and each built node keeps
            // only an exact-size array.
            var frame = _free.Count > 0 ? _free.Pop() : new Frame();
            frame.Reset(start, anchor, isMapping);
            _stack.Push(frame);
        }

        private void CountNode(SourcePosition start)
        {
            if (++_nodes > _limits.MaxNodes)
            {
                throw new YamlLimitExceededException(
                    $"the file has more than {_limits.MaxNodes:N0} YAML nodes (limit MaxNodes)", start);
            }
        }

        private void Add(YamlNode node)
        {
            CountNode(node.Start);

            if (node.Anchor is not null)
            {
                _anchors[node.Anchor] = node;
            }

            if (_stack.Count == 0)
            {
                _root = node;
                return;
            }

            _stack.Peek().Add(node, _duplicates);
        }

        /// <summary>
        /// One string for each short key or value a thread meets again: a set has few distinct keys (1,485 in the
        /// 475,000 scalars of the shared corpus), and every tree holds its scalars until the run ends.
        /// </summary>
        private static string Share(string value, bool isKey)
        {
            if (value.Length > (isKey ? 40 : 12) || value.Length == 0)
            {
                return value;
            }

            var pool = _pool ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (pool.TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (pool.Count < MaxPooledStrings)
            {
                pool.Add(value, value);
            }

            return value;
        }

        private SourceRange Range(ParsingEvent e) => new(ToPosition(e.Start), ToPosition(e.End));

        private static string? AnchorName(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
    }

    private sealed class Frame
    {
        private const int SmallMapping = 8;
        private readonly List<YamlNode> _items = new();
        private readonly List<YamlEntry> _entries = new();
        private readonly Dictionary<string, YamlEntry> _seen = new(StringComparer.Ordinal);
        private bool _isMapping;
        private bool _indexed;
        private YamlNode? _pendingKey;
        private string? _pendingKeyText;
        private SourceRange _pendingKeyRange;
        private ScalarStyle _pendingKeyStyle;
        private long _size = 1;
        private bool _hasRepeats;
        private bool _hasUnnamed;

        public SourcePosition Start { get; private set; }

        public string? Anchor { get; private set; }

        /// <summary>True for a mapping whose next node is a key.</summary>
        public bool ExpectsKey => _isMapping && _pendingKey is null && _pendingKeyText is null;

        public void Reset(SourcePosition start, string? anchor, bool isMapping)
        {
            Start = start;
            Anchor = anchor;
            _isMapping = isMapping;
            _items.Clear();
            _entries.Clear();
            if (_indexed)
            {
                _seen.Clear();
                _indexed = false;
            }

            _pendingKey = null;
            _pendingKeyText = null;
            _size = 1;
            _hasRepeats = false;
            _hasUnnamed = false;
        }

        public void Add(YamlNode node, List<DuplicateKey> duplicates)
        {
            _size += node.ExpandedSize;
            if (!_isMapping)
            {
                _items.Add(node);
                return;
            }

            if (_pendingKeyText is { } keyText)
            {
                _pendingKeyText = null;
                if (_pendingKeyStyle == ScalarStyle.Plain && keyText == MergeKey && TryMerge(node))
                {
                    return;
                }

                AddEntry(new YamlEntry(_pendingKeyRange, keyText, _pendingKeyStyle, node, ScalarResolver.MapKeyOf(keyText, _pendingKeyStyle)), duplicates);
                return;
            }

            if (_pendingKey is null)
            {
                _pendingKey = node;
                return;
            }

            var key = _pendingKey;
            _pendingKey = null;
            if (key is YamlScalar { IsPlain: true, Value: MergeKey } && TryMerge(node))
            {
                return;
            }

            AddEntry(new YamlEntry(key, node, key is YamlScalar scalar ? scalar.MapKey : null, merged: false), duplicates);
        }

        /// <summary>A key scalar without anchor or tag: its node is built only if someone asks (see <see cref="YamlEntry"/>).</summary>
        public void AddKey(SourceRange range, string text, ScalarStyle style)
        {
            _size++;
            _pendingKeyText = text;
            _pendingKeyRange = range;
            _pendingKeyStyle = style;
        }

        private void AddEntry(YamlEntry entry, List<DuplicateKey> duplicates)
        {
            var name = entry.Name;
            if (name is null)
            {
                _hasUnnamed = true;
            }
            else if (PreviousWritten(name, entry) is { } first)
            {
                duplicates.Add(new DuplicateKey(first, entry));
                _hasRepeats = true;
            }

            _entries.Add(entry);
        }

        /// <summary>
        /// The last entry written (not merged) under this name before <paramref name="entry"/>. Most mappings are
        /// small, so a backwards scan beats a dictionary per mapping (which was most of the tree's allocations);
        /// a mapping that grows past <see cref="SmallMapping"/> entries gets an index.
        /// </summary>
        private YamlEntry? PreviousWritten(string name, YamlEntry entry)
        {
            var entries = _entries;
            if (!_indexed)
            {
                if (entries.Count < SmallMapping)
                {
                    for (var i = entries.Count - 1; i >= 0; i--)
                    {
                        var candidate = entries[i];
                        if (!candidate.IsMerged && string.Equals(candidate.Name, name, StringComparison.Ordinal))
                        {
                            return candidate;
                        }
                    }

                    return null;
                }

                _indexed = true;
                foreach (var written in entries)
                {
                    if (!written.IsMerged && written.Name is not null)
                    {
                        _seen[written.Name] = written;
                    }
                }
            }

            _seen.TryGetValue(name, out var first);
            _seen[name] = entry;
            return first;
        }

        public YamlNode Build(SourcePosition end)
        {
            var size = _size > int.MaxValue ? int.MaxValue : (int)_size;
            var range = new SourceRange(Start, end);
            return _isMapping
                ? new YamlMapping(range, Anchor, _entries.ToArray(), size, _hasRepeats, _hasUnnamed)
                : new YamlSequence(range, Anchor, _items.ToArray(), size);
        }

        // goyaml v2 merges `<<: *base` and `<<: [*a, *b]` (earlier maps in the list win).
        private bool TryMerge(YamlNode value)
        {
            switch (value)
            {
                case YamlMapping mapping:
                    MergeFrom(mapping);
                    return true;
                case YamlSequence sequence when sequence.Items.All(i => i is YamlMapping):
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        MergeFrom((YamlMapping)sequence.Items[i]);
                    }

                    return true;
                default:
                    return false;
            }
        }

        private void MergeFrom(YamlMapping mapping)
        {
            // Merged entries may share names with each other and with the keys written here.
            _hasRepeats = true;
            foreach (var entry in mapping.EffectiveEntries())
            {
                _hasUnnamed |= entry.Name is null;
                _entries.Add(new YamlEntry(entry.Key, entry.Value, entry.Name, merged: true));
            }
        }
    }
}
