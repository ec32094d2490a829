using System.Text;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Knowledge;

/// <summary>A condition on an object: <c>path</c> (set), <c>path=value</c> or <c>path!=value</c>.</summary>
internal sealed class Condition
{
    private readonly FieldPath _path;
    private readonly string? _value;
    private readonly bool _negated;

    private Condition(FieldPath path, string? value, bool negated)
    {
        _path = path;
        _value = value;
        _negated = negated;
    }

    public static bool TryParse(string text, out Condition condition, out string? error)
    {
        condition = null!;
        var equals = IndexOfOperator(text);
        var negated = equals > 0 && text[equals - 1] == '!';
        var pathText = equals < 0 ? text : text.Substring(0, negated ? equals - 1 : equals);
        if (!FieldPath.TryParse(pathText.Trim(), out var path, out error))
        {
            return false;
        }

        condition = new Condition(path, equals < 0 ? null : text.Substring(equals + 1).Trim(), negated);
        return true;
    }

    /// <summary>True when the condition holds somewhere the path reaches from <paramref name="start"/>.</summary>
    public bool Holds(YamlNode start)
    {
        foreach (var match in _path.Select(start))
        {
            if (_value is null)
            {
                if (IsSet(match.Node))
                {
                    return true;
                }

                continue;
            }

            var equal = match.Node is YamlScalar scalar && string.Equals(scalar.Value, _value, StringComparison.Ordinal);
            if (equal != _negated)
            {
                return true;
            }
        }

        return _value is not null && _negated && !_path.Select(start).Any();
    }

    public static bool AnyHolds(IReadOnlyList<Condition> conditions, YamlNode start)
    {
        foreach (var condition in conditions)
        {
            if (condition.Holds(start))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSet(YamlNode node) => node switch
    {
        YamlScalar scalar => scalar.Value.Length > 0 && scalar.ResolvedType != ScalarType.Null
                             && !(scalar.ResolvedType == ScalarType.Bool && !scalar.Resolved.Bool),
        YamlSequence sequence => sequence.Count > 0,
        YamlMapping mapping => mapping.Entries.Count > 0,
        _ => false,
    };

    /// <summary>The '=' that separates path and value; a quoted field name may contain '='.</summary>
    private static int IndexOfOperator(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '=' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// A text with placeholders, <c>{metadata.name}-app</c> or <c>{spec.target.name|metadata.name}</c>: each placeholder
/// takes the first of its alternatives (paths, or <c>'literal'</c>) that gives a non-empty string.
/// </summary>
internal sealed class Template
{
    private readonly List<object> _parts;

    private Template(List<object> parts) => _parts = parts;

    public static bool TryParse(string text, out Template template, out string? error)
    {
        template = null!;
        error = null;
        var parts = new List<object>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
            {
                literal.Append(text[i]);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                error = $"'{text}': a '{{' is not closed";
                return false;
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            var alternatives = new List<object>();
            foreach (var alternative in text.Substring(i + 1, close - i - 1).Split('|'))
            {
                var trimmed = alternative.Trim();
                if (trimmed.Length >= 2 && trimmed[0] == '\'' && trimmed[trimmed.Length - 1] == '\'')
                {
                    alternatives.Add(trimmed.Substring(1, trimmed.Length - 2));
                }
                else if (FieldPath.TryParse(trimmed, out var path, out error))
                {
                    alternatives.Add(path);
                }
                else
                {
                    return false;
                }
            }

            parts.Add(alternatives);
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        template = new Template(parts);
        return true;
    }

    /// <summary>
    /// The text for <paramref name="root"/> (and the current item); null when a placeholder has no value.
    /// <paramref name="anchor"/> is the node the first path value came from.
    /// </summary>
    public string? Render(YamlNode root, YamlNode? item, out YamlScalar? anchor)
    {
        anchor = null;
        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is string text)
            {
                builder.Append(text);
                continue;
            }

            string? value = null;
            foreach (var alternative in (List<object>)part)
            {
                if (alternative is string literal)
                {
                    value = literal;
                    break;
                }

                var path = (FieldPath)alternative;
                var start = path.IsRelative ? item : root;
                if (start is null)
                {
                    continue;
                }

                foreach (var (found, node) in path.Strings(start))
                {
                    value = found;
                    anchor ??= node;
                    break;
                }

                if (value is not null)
                {
                    break;
                }
            }

            if (value is null)
            {
                return null;
            }

            builder.Append(value);
        }

        return builder.ToString();
    }
}

/// <summary>One kind of object a producer makes (an entry of <c>makes</c>).</summary>
internal sealed class MadeObjectRule
{
    public MadeObjectRule(ConfigKind kind, Template name, Template? @namespace, bool anyNamespace, FieldPath? each, IReadOnlyList<string>? keys,
        IReadOnlyList<FieldPath> keysFrom, IReadOnlyList<Condition> keysUnknownWhen, IReadOnlyList<Condition> when, IReadOnlyList<Condition> unless)
    {
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        AnyNamespace = anyNamespace;
        Each = each;
        Keys = keys;
        KeysFrom = keysFrom;
        KeysUnknownWhen = keysUnknownWhen;
        When = when;
        Unless = unless;
    }

    public ConfigKind Kind { get; }

    public Template Name { get; }

    public Template? Namespace { get; }

    public bool AnyNamespace { get; }

    public FieldPath? Each { get; }

    public IReadOnlyList<string>? Keys { get; }

    public IReadOnlyList<FieldPath> KeysFrom { get; }

    public IReadOnlyList<Condition> KeysUnknownWhen { get; }

    public IReadOnlyList<Condition> When { get; }

    public IReadOnlyList<Condition> Unless { get; }
}

/// <summary>An entry of <c>producers</c>: objects of one kind and group, and what they make.</summary>
internal sealed class ProducerRule
{
    public ProducerRule(string kind, string group, IReadOnlyList<Condition> when, IReadOnlyList<Condition> unless, IReadOnlyList<MadeObjectRule> makes, string source)
    {
        Kind = kind;
        Group = group;
        When = when;
        Unless = unless;
        Makes = makes;
        Source = source;
    }

    public string Kind { get; }

    public string Group { get; }

    public IReadOnlyList<Condition> When { get; }

    public IReadOnlyList<Condition> Unless { get; }

    public IReadOnlyList<MadeObjectRule> Makes { get; }

    public string Source { get; }

    public void Produce(KubeObject obj, List<ProducedObject> made)
    {
        var root = obj.Root;
        if ((When.Count > 0 && !Condition.AnyHolds(When, root)) || Condition.AnyHolds(Unless, root))
        {
            return;
        }

        foreach (var rule in Makes)
        {
            if ((rule.When.Count > 0 && !Condition.AnyHolds(rule.When, root)) || Condition.AnyHolds(rule.Unless, root))
            {
                continue;
            }

            if (rule.Each is null)
            {
                Make(obj, rule, null, made);
                continue;
            }

            foreach (var item in rule.Each.Select(root))
            {
                Make(obj, rule, item.Node, made);
            }
        }
    }

    private void Make(KubeObject obj, MadeObjectRule rule, YamlNode? item, List<ProducedObject> made)
    {
        var root = obj.Root;
        if (rule.Name.Render(root, item, out var anchor) is not { Length: > 0 } name)
        {
            return;
        }

        var ns = rule.AnyNamespace ? null : rule.Namespace?.Render(root, item, out _) ?? obj.Namespace;
        made.Add(new ProducedObject(rule.Kind, name, ns, Keys(rule, root, item), anchor ?? obj.AnchorNode, obj, Source));
    }

    private static IReadOnlyList<string>? Keys(MadeObjectRule rule, YamlNode root, YamlNode? item)
    {
        if ((rule.Keys is null && rule.KeysFrom.Count == 0) || Condition.AnyHolds(rule.KeysUnknownWhen, root))
        {
            return null;
        }

        var keys = new List<string>(rule.Keys ?? Array.Empty<string>());
        foreach (var path in rule.KeysFrom)
        {
            var start = path.IsRelative ? item : root;
            if (start is null)
            {
                continue;
            }

            foreach (var (key, _) in path.Strings(start))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
