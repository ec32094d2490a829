using ManifestLint.Yaml;

namespace ManifestLint.Model.Knowledge;

/// <summary>One node a <see cref="FieldPath"/> reached, with its concrete path (<c>spec.tls[1].secretName</c>).</summary>
public readonly struct FieldMatch
{
    public FieldMatch(YamlNode node, string path)
    {
        Node = node;
        Path = path;
    }

    public YamlNode Node { get; }

    public string Path { get; }
}

/// <summary>
/// A path into an object, as the knowledge tables write it: field names separated by dots
/// (<c>spec.secretName</c>), a quoted name for keys with dots (<c>metadata.annotations."cert-manager.io/issuer"</c>),
/// <c>[]</c> after a name for every item of a list (<c>spec.tls[].secretName</c>), <c>*</c> for every value of a
/// mapping (<c>spec.pytorchReplicaSpecs.*.template.spec</c>) and a final <c>@keys</c> for the key names of a mapping
/// (<c>spec.encryptedData.@keys</c>). A path that starts with a dot is relative to the current list item.
/// </summary>
public sealed class FieldPath
{
    private static readonly char[] SpecialCharacters = { '.', '[', ']' };

    private readonly Segment[] _segments;

    private FieldPath(string text, Segment[] segments, bool relative)
    {
        Text = text;
        _segments = segments;
        IsRelative = relative;
    }

    public string Text { get; }

    /// <summary>True for <c>.name</c>: it starts at the current item, not at the object's root.</summary>
    public bool IsRelative { get; }

    public override string ToString() => Text;

    /// <summary>Parses a path; the error says what is wrong.</summary>
    public static bool TryParse(string text, out FieldPath path, out string? error)
    {
        path = null!;
        error = null;
        var segments = new List<Segment>();
        var relative = text.StartsWith(".", StringComparison.Ordinal);
        var at = relative ? 1 : 0;
        if (relative && text.Length == 1)
        {
            path = new FieldPath(text, Array.Empty<Segment>(), relative: true);
            return true;
        }

        while (at <= text.Length)
        {
            string name;
            if (at < text.Length && text[at] == '"')
            {
                var close = text.IndexOf('"', at + 1);
                if (close < 0)
                {
                    error = $"'{text}': a quoted field name is not closed";
                    return false;
                }

                name = text.Substring(at + 1, close - at - 1);
                at = close + 1;
            }
            else
            {
                var end = at;
                while (end < text.Length && text[end] != '.' && text[end] != '[')
                {
                    end++;
                }

                name = text.Substring(at, end - at);
                at = end;
                if (name.Length == 0)
                {
                    error = $"'{text}': an empty field name";
                    return false;
                }
            }

            var each = false;
            if (at < text.Length && text[at] == '[')
            {
                if (at + 1 >= text.Length || text[at + 1] != ']')
                {
                    error = $"'{text}': write [] for every item of a list";
                    return false;
                }

                each = true;
                at += 2;
            }

            segments.Add(name switch
            {
                "*" when !each => new Segment(SegmentKind.EveryValue, name),
                "@keys" when !each => new Segment(SegmentKind.Keys, name),
                _ => new Segment(each ? SegmentKind.EveryItem : SegmentKind.Field, name),
            });

            if (at == text.Length)
            {
                break;
            }

            if (text[at] != '.')
            {
                error = $"'{text}': expected '.' after '{name}'";
                return false;
            }

            at++;
            if (at == text.Length)
            {
                error = $"'{text}': ends with '.'";
                return false;
            }
        }

        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (segments[i].Kind == SegmentKind.Keys)
            {
                error = $"'{text}': @keys must be the last part";
                return false;
            }
        }

        path = new FieldPath(text, segments.ToArray(), relative);
        return true;
    }

    /// <summary>Parses a path the engine ships; a mistake there is a bug.</summary>
    public static FieldPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    /// <summary>Every node the path reaches from <paramref name="start"/>, in document order.</summary>
    public IEnumerable<FieldMatch> Select(YamlNode start, string startPath = "")
    {
        var current = new List<FieldMatch> { new(start, startPath) };
        foreach (var segment in _segments)
        {
            var next = new List<FieldMatch>();
            foreach (var match in current)
            {
                if (match.Node is not YamlMapping mapping)
                {
                    continue;
                }

                switch (segment.Kind)
                {
                    case SegmentKind.Field when mapping[segment.Name] is { } value:
                        next.Add(new FieldMatch(value, Join(match.Path, segment.Name)));
                        break;
                    case SegmentKind.EveryItem when mapping[segment.Name] is YamlSequence list:
                        var listPath = Join(match.Path, segment.Name);
                        for (var i = 0; i < list.Count; i++)
                        {
                            next.Add(new FieldMatch(list[i], $"{listPath}[{i}]"));
                        }

                        break;
                    case SegmentKind.EveryValue:
                        foreach (var entry in mapping.Entries)
                        {
                            if (entry.Name is not null)
                            {
                                next.Add(new FieldMatch(entry.Value, Join(match.Path, entry.Name)));
                            }
                        }

                        break;
                    case SegmentKind.Keys:
                        foreach (var entry in mapping.Entries)
                        {
                            if (entry.Name is not null)
                            {
                                next.Add(new FieldMatch(entry.Key, match.Path));
                            }
                        }

                        break;
                }
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>The string values the path reaches (scalars that are strings; keys for <c>@keys</c>).</summary>
    public IEnumerable<(string Value, YamlScalar Node)> Strings(YamlNode start)
    {
        foreach (var match in Select(start))
        {
            if (match.Node is YamlScalar { ResolvedType: not ScalarType.Null } scalar && scalar.Value.Length > 0)
            {
                yield return (scalar.Value, scalar);
            }
        }
    }

    /// <summary>The concrete path in <see cref="YamlPath"/>'s notation, so that both name a node the same way.</summary>
    private static string Join(string path, string name)
    {
        if (name.Length == 0 || name.IndexOfAny(SpecialCharacters) >= 0)
        {
            return path + "['" + name + "']";
        }

        return path.Length == 0 ? name : path + "." + name;
    }

    private enum SegmentKind
    {
        Field,
        EveryItem,
        EveryValue,
        Keys,
    }

    private readonly struct Segment
    {
        public Segment(SegmentKind kind, string name)
        {
            Kind = kind;
            Name = name;
        }

        public SegmentKind Kind { get; }

        public string Name { get; }
    }
}
