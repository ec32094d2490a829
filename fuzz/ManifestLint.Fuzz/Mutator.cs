using System.Text;

namespace ManifestLint.Fuzz;

/// <summary>
/// Mutates manifest bytes the ways broken and hostile input differs from good input: bit flips and byte
/// edits (encodings, binary), truncation (a file cut by a full disk), line edits (indentation, tabs, lost
/// lines), splices from other manifests (keys of one kind in another), and YAML-aware replacements
/// (anchors and aliases, merges, flow collections, values of the wrong type, quotes left open).
/// Deterministic for a given <see cref="Random"/>, so a failing iteration can be replayed from its seed.
/// </summary>
public sealed class Mutator
{
    private static readonly byte[] InterestingBytes =
    {
        0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x23, 0x26, 0x27, 0x2A, 0x2C, 0x2D, 0x3A, 0x3C, 0x3E, 0x3F, 0x40,
        0x5B, 0x5D, 0x7B, 0x7C, 0x7D, 0x21, 0x25, 0x7F, 0x80, 0xBF, 0xC0, 0xEF, 0xBB, 0xFE, 0xFF,
    };

    private static readonly string[] InterestingValues =
    {
        "null", "~", "", "\"\"", "''", "[]", "{}", "[a, b]", "{a: b}", "0644", "420", "0o644", "0x1A4", "-1", "0",
        "9223372036854775808", "-9223372036854775809", "1e400", ".inf", "-.nan", "yes", "no", "on", "off", "true",
        "True", "y", "n", "1.5", "3.", "1_000", "0b101", "2001-12-14", "!!binary aGVsbG8=", "!!str 1", "!!int x",
        "!!map {}", "!custom x", "*a", "&a x", "&b [1, *a]", "\"unterminated", "'unterminated", "|", ">-", "|+",
        "{{ .Values.x }}", "$(FOO)", "$$(FOO)", "../../etc", "/etc", "a/../b", "..data", "\"\\u0000\"",
        "\"\\xff\"", "\"\\U0010FFFF\"", "\"\\ud800\"", "é", "\u00A0", "\t", "- x", "? x", ": x", "a: b: c",
        "::", "-", "--- x", "...", "%YAML 1.1", "#", "@x", "`x", "=", "<<", "*undefined",
        "\"a\\\nb\"", new string('a', 300), new string('9', 40), "0777777777777777777777777",
    };

    private static readonly string[] InterestingLines =
    {
        "---", "...", "--- |", "%YAML 1.2", "%TAG ! tag:x,2000:", "<<: *a", "<<: [*a, *b]", "<<: {}", "? complex",
        ": value", "- &a {x: 1}", "base: &a {apiVersion: v1, kind: ConfigMap}", "x: *a", "- *a", "a: &a [*a]",
        "\tkey: value", "  - name: FOO", "    valueFrom:", "      configMapKeyRef: {name: cm, key: k}",
        "  envFrom: [{configMapRef: {name: cm}}, {secretRef: {name: s, optional: \"true\"}}]",
        "  volumes: [{name: v, configMap: {name: cm, defaultMode: 0644, items: [{key: k, path: ../x}]}}]",
        "  volumeMounts: [{name: v, mountPath: /etc, subPath: k, subPathExpr: $(X)}]",
        "data: {a: 1, b: [1], c: {d: e}, \"\": x, 'a b': y}", "binaryData: {k: '!!!'}", "stringData: {k: v}",
        "metadata: {name: {{ x }}, namespace: 123}", "kind: List", "items: [{kind: ConfigMap}, null, 1]",
        "apiVersion: v1", "kind: Pod", "kind: Deployment", "kind: Kustomization", "kind: ConfigMap", "kind: Secret",
        "spec: {template: {spec: {containers: [{name: c, env: [{name: A, value: $(B)}]}]}}}",
        "configMapGenerator: [{name: g, literals: [a=b, c], files: [x, ../y, /dev/zero], envs: [/etc/passwd]}]",
        "# manifestlint-disable-next-line ML1001", "# manifestlint-disable ML9999", "# ~ML0001",
        "  annotations: {manifestlint.io/suppress: \"ML1003: reason\"}",
    };

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _corpus;
    private readonly string[] _dictionary;

    public Mutator(Random random, IReadOnlyList<byte[]> corpus)
    {
        _random = random;
        _corpus = corpus;
        _dictionary = BuildDictionary(corpus);
    }

    /// <summary>Applies one to eight mutations to <paramref name="input"/>.</summary>
    public byte[] Mutate(byte[] input)
    {
        var data = input;
        var count = 1 + _random.Next(_random.Next(2) == 0 ? 2 : 8);
        for (var i = 0; i < count; i++)
        {
            data = MutateOnce(data);
        }

        return data;
    }

    private byte[] MutateOnce(byte[] data)
    {
        switch (_random.Next(16))
        {
            case 0: return FlipBit(data);
            case 1: return SetByte(data);
            case 2: return InsertBytes(data);
            case 3: return DeleteBytes(data);
            case 4: return Truncate(data);
            case 5: return WithLines(data, DuplicateLine);
            case 6: return WithLines(data, DeleteLine);
            case 7: return WithLines(data, SwapLines);
            case 8: return WithLines(data, Reindent);
            case 9: return WithLines(data, SpliceLine);
            case 10: return WithLines(data, InsertInterestingLine);
            case 11: return ReplaceValue(data);
            case 12: return ReplaceValue(data);
            case 13: return SpliceDocument(data);
            case 14: return InsertDictionaryWord(data);
            default: return Encode(data);
        }
    }

    private byte[] FlipBit(byte[] data)
    {
        if (data.Length == 0)
        {
            return data;
        }

        var copy = (byte[])data.Clone();
        var at = _random.Next(copy.Length);
        copy[at] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] SetByte(byte[] data)
    {
        if (data.Length == 0)
        {
            return new[] { Pick(InterestingBytes) };
        }

        var copy = (byte[])data.Clone();
        copy[_random.Next(copy.Length)] = _random.Next(2) == 0 ? Pick(InterestingBytes) : (byte)_random.Next(256);
        return copy;
    }

    private byte[] InsertBytes(byte[] data)
    {
        var length = 1 + _random.Next(_random.Next(4) == 0 ? 64 : 4);
        var insert = new byte[length];
        for (var i = 0; i < length; i++)
        {
            insert[i] = _random.Next(3) == 0 ? (byte)_random.Next(256) : Pick(InterestingBytes);
        }

        return Splice(data, _random.Next(data.Length + 1), 0, insert);
    }

    private byte[] DeleteBytes(byte[] data)
    {
        if (data.Length == 0)
        {
            return data;
        }

        var at = _random.Next(data.Length);
        var length = 1 + _random.Next(Math.Min(32, data.Length - at));
        return Splice(data, at, length, Array.Empty<byte>());
    }

    private byte[] Truncate(byte[] data) => data.Length == 0 ? data : data.AsSpan(0, _random.Next(data.Length)).ToArray();

    private byte[] WithLines(byte[] data, Action<List<string>> edit)
    {
        var lines = Encoding.UTF8.GetString(data).Split('\n').ToList();
        edit(lines);
        return Encoding.UTF8.GetBytes(string.Join("\n", lines));
    }

    private void DuplicateLine(List<string> lines)
    {
        var at = _random.Next(lines.Count);
        lines.Insert(_random.Next(lines.Count + 1), lines[at]);
    }

    private void DeleteLine(List<string> lines)
    {
        if (lines.Count > 1)
        {
            lines.RemoveAt(_random.Next(lines.Count));
        }
    }

    private void SwapLines(List<string> lines)
    {
        var a = _random.Next(lines.Count);
        var b = _random.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
    }

    private void Reindent(List<string> lines)
    {
        var at = _random.Next(lines.Count);
        var line = lines[at].TrimStart(' ');
        var indent = _random.Next(4) switch
        {
            0 => "\t",
            1 => new string(' ', _random.Next(12)),
            2 => " \t ",
            _ => new string(' ', Math.Max(0, lines[at].Length - line.Length + (_random.Next(2) == 0 ? 2 : -2))),
        };
        lines[at] = indent + line;
    }

    private void SpliceLine(List<string> lines)
    {
        var other = Encoding.UTF8.GetString(Pick(_corpus)).Split('\n');
        var count = 1 + _random.Next(Math.Min(8, other.Length));
        var from = _random.Next(other.Length - count + 1);
        lines.InsertRange(_random.Next(lines.Count + 1), other.Skip(from).Take(count));
    }

    private void InsertInterestingLine(List<string> lines)
    {
        var at = _random.Next(lines.Count + 1);
        var indent = at < lines.Count ? lines[at].Substring(0, lines[at].Length - lines[at].TrimStart(' ').Length) : string.Empty;
        lines.Insert(at, indent + Pick(InterestingLines));
    }

    private byte[] ReplaceValue(byte[] data)
    {
        // The text after a "key:" or "- " up to the end of the line: a scalar or a flow collection.
        var text = Encoding.UTF8.GetString(data);
        var colons = new List<int>();
        for (var i = 0; i < text.Length - 1; i++)
        {
            if ((text[i] == ':' && text[i + 1] == ' ') || (text[i] == '-' && text[i + 1] == ' '))
            {
                colons.Add(i + 2);
            }
        }

        if (colons.Count == 0)
        {
            return data;
        }

        var start = Pick(colons);
        var end = text.IndexOf('\n', start);
        if (end < 0)
        {
            end = text.Length;
        }

        var value = _random.Next(4) == 0 ? Pick(_dictionary) : Pick(InterestingValues);
        return Encoding.UTF8.GetBytes(text.Substring(0, start) + value + text.Substring(end));
    }

    private byte[] SpliceDocument(byte[] data)
    {
        var other = Pick(_corpus);
        var separator = Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? "\n---\n" : "\n");
        return _random.Next(2) == 0 ? Concat(data, separator, other) : Concat(other, separator, data);
    }

    private byte[] InsertDictionaryWord(byte[] data)
    {
        var word = Encoding.UTF8.GetBytes(Pick(_dictionary) + (_random.Next(2) == 0 ? ": " : string.Empty));
        return Splice(data, _random.Next(data.Length + 1), 0, word);
    }

    private byte[] Encode(byte[] data)
    {
        // The same text in another encoding, with or without its BOM, or as a whole-file repeat (size limits).
        var text = Encoding.UTF8.GetString(data);
        switch (_random.Next(6))
        {
            case 0: return Concat(new byte[] { 0xFF, 0xFE }, Encoding.Unicode.GetBytes(text));
            case 1: return Concat(new byte[] { 0xFE, 0xFF }, Encoding.BigEndianUnicode.GetBytes(text));
            case 2: return Concat(new byte[] { 0xFF, 0xFE, 0, 0 }, new UTF32Encoding(false, false).GetBytes(text));
            case 3: return Concat(new byte[] { 0xEF, 0xBB, 0xBF }, data);
            case 4: return Encoding.Unicode.GetBytes(text);
            default:
                var times = 2 + _random.Next(6);
                var result = Array.Empty<byte>();
                for (var i = 0; i < times; i++)
                {
                    result = Concat(result, data);
                }

                return result;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static byte[] Splice(byte[] data, int at, int remove, byte[] insert)
    {
        var result = new byte[data.Length - remove + insert.Length];
        Array.Copy(data, 0, result, 0, at);
        Array.Copy(insert, 0, result, at, insert.Length);
        Array.Copy(data, at + remove, result, at + insert.Length, data.Length - at - remove);
        return result;
    }

    private static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            Array.Copy(part, 0, result, at, part.Length);
            at += part.Length;
        }

        return result;
    }

    private static string[] BuildDictionary(IReadOnlyList<byte[]> corpus)
    {
        // Every key of the seed corpus: splicing "configMapKeyRef" into a Secret reaches rule code that random
        // bytes never would.
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var seed in corpus)
        {
            foreach (var line in Encoding.UTF8.GetString(seed).Split('\n'))
            {
                var trimmed = line.Trim().TrimStart('-', ' ');
                var colon = trimmed.IndexOf(':');
                if (colon > 0 && colon < 64 && trimmed.Substring(0, colon).All(c => char.IsLetterOrDigit(c) || c is '.' or '/' or '-' or '_'))
                {
                    words.Add(trimmed.Substring(0, colon));
                }
            }
        }

        return words.Count == 0 ? new[] { "kind", "name" } : words.ToArray();
    }
}
