using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// RFC 6902 JSON patch operations (<c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c>,
/// <c>test</c>) applied to a built object as kustomize's <c>PatchJson6902Transformer</c> does. An operation whose
/// path does not exist is skipped (kustomize fails the build on it; the rest of this build is still worth linting).
/// </summary>
internal static class JsonPatch
{
    /// <summary>True when <paramref name="node"/> looks like a list of JSON patch operations.</summary>
    public static bool IsOperations(YamlNode? node) =>
        node is YamlSequence sequence && sequence.Count > 0 && sequence.Items.All(i => i is YamlMapping m && m.GetString("op") is not null);

    public static YamlMapping? Apply(YamlMapping root, YamlSequence operations, SourceFile patchFile, NodeOrigins origins, List<string> problems)
    {
        YamlNode current = root;
        foreach (var item in operations.Items)
        {
            if (item is not YamlMapping operation || operation.GetString("op") is not { } op || operation.GetString("path") is not { } path)
            {
                continue;
            }

            var value = operation["value"];
            if (value is not null)
            {
                origins.Graft(value, patchFile);
            }

            YamlNode? next = op switch
            {
                "add" when value is not null => Add(current, path, value, operation.Range, patchFile, origins),
                "replace" when value is not null => Set(current, path, value, origins),
                "remove" => Remove(current, path, origins),
                "move" when operation.GetString("from") is { } from && Get(current, from) is { } moved =>
                    Remove(current, from, origins) is { } without ? Add(without, path, moved, operation.Range, patchFile, origins) : null,
                "copy" when operation.GetString("from") is { } from && Get(current, from) is { } copied => Add(current, path, copied, operation.Range, patchFile, origins),
                "test" => current,
                _ => null,
            };

            if (next is null)
            {
                problems.Add($"JSON patch operation '{op}' at '{path}' does not apply");
                continue;
            }

            current = next;
        }

        return current as YamlMapping;
    }

    /// <summary>The node at a JSON pointer; null when there is none.</summary>
    public static YamlNode? Get(YamlNode root, string pointer) =>
        Resolve(root, pointer, forAdd: false) is { } steps ? KustomizeBuilder.Get(root, steps) : null;

    private static YamlNode? Add(YamlNode root, string pointer, YamlNode value, SourceRange at, SourceFile file, NodeOrigins origins)
    {
        if (Resolve(root, pointer, forAdd: true) is not { Count: > 0 } steps)
        {
            return pointer.Length == 0 ? value : null;
        }

        var parentPath = steps.Take(steps.Count - 1).ToList();
        var last = steps[steps.Count - 1];
        return TreeEdit.Replace(root, parentPath, 0, parent => parent switch
        {
            YamlMapping mapping when last is string name => TreeEdit.Set(mapping, name, value, at),
            YamlSequence sequence when last is int index && index <= sequence.Count => TreeEdit.Sequence(sequence.Range, sequence.Items.Take(index).Append(value).Concat(sequence.Items.Skip(index)).ToList()),
            _ => null,
        }, create: false, at, file, origins);
    }

    private static YamlNode? Set(YamlNode root, string pointer, YamlNode value, NodeOrigins origins)
    {
        if (Resolve(root, pointer, forAdd: false) is not { } steps || Get(root, pointer) is null)
        {
            return null;
        }

        return steps.Count == 0 ? value : TreeEdit.Replace(root, steps, 0, _ => value, create: false, value.Range, FileOf(origins, value), origins);
    }

    private static YamlNode? Remove(YamlNode root, string pointer, NodeOrigins origins)
    {
        if (Resolve(root, pointer, forAdd: false) is not { Count: > 0 } steps || Get(root, pointer) is null)
        {
            return null;
        }

        return TreeEdit.Replace(root, steps, 0, _ => null, create: false, root.Range, FileOf(origins, root), origins);
    }

    private static SourceFile FileOf(NodeOrigins origins, YamlNode node) => origins.TryGet(node, out var file) ? file : null!;

    /// <summary>
    /// The steps of a JSON pointer (mapping names and list indexes, <c>~1</c> and <c>~0</c> unescaped); the last
    /// <c>-</c> of an add is the end of its list. Null when a step does not exist.
    /// </summary>
    private static List<object>? Resolve(YamlNode root, string pointer, bool forAdd)
    {
        var steps = new List<object>();
        if (pointer.Length == 0)
        {
            return steps;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var tokens = pointer.Substring(1).Split('/');
        YamlNode? node = root;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].Replace("~1", "/").Replace("~0", "~");
            var isLast = i == tokens.Length - 1;
            switch (node)
            {
                case YamlMapping mapping:
                    steps.Add(token);
                    node = mapping[token];
                    break;
                case YamlSequence sequence:
                    if (token == "-" && isLast && forAdd)
                    {
                        steps.Add(sequence.Count);
                        node = null;
                        break;
                    }

                    if (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                        || index > sequence.Count || (index == sequence.Count && !(isLast && forAdd)))
                    {
                        return null;
                    }

                    steps.Add(index);
                    node = index < sequence.Count ? sequence[index] : null;
                    break;
                default:
                    return null;
            }

            if (node is null && !isLast)
            {
                return null;
            }
        }

        return steps;
    }
}
