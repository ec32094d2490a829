using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// kustomize's <c>replacements</c>: copy the value at a field of one object (default <c>metadata.name</c>) into fields
/// of the selected objects. Field paths use kyaml's syntax: names, indexes, <c>[name=value]</c> element selectors and
/// <c>*</c>; <c>options.delimiter</c>/<c>index</c> take or replace one part of a delimited value, <c>options.create</c>
/// adds missing fields. A replacement whose source is not in the build is skipped with a note.
/// </summary>
internal static class Replacements
{
    public static void Apply(Kustomization kustomization, KustomizeBuilder.BuildState state, KustomizeBuilder builder)
    {
        foreach (var item in kustomization.Root.GetSequence("replacements")?.Items ?? default)
        {
            if (item is not YamlMapping entry)
            {
                continue;
            }

            if (entry.GetString("path") is { } path)
            {
                if (KustomizeBuilder.Combine(kustomization.Directory, path) is { } full && builder.Files.TryGetValue(full, out var file))
                {
                    state.Files.Add(file.Path);
                    foreach (var document in file.Documents)
                    {
                        var replacements = document.Root switch
                        {
                            YamlSequence list => list.Items.OfType<YamlMapping>(),
                            YamlMapping single => new[] { single },
                            _ => Enumerable.Empty<YamlMapping>(),
                        };
                        foreach (var replacement in replacements)
                        {
                            ApplyOne(replacement, file, kustomization, state);
                        }
                    }
                }
                else
                {
                    state.Unseen(kustomization.File, entry, $"replacements file '{path}' is not among the linted files; the rest of the build is linted");
                }

                continue;
            }

            ApplyOne(entry, kustomization.File, kustomization, state);
        }
    }

    private static void ApplyOne(YamlMapping replacement, SourceFile file, Kustomization kustomization, KustomizeBuilder.BuildState state)
    {
        if (replacement.GetMapping("source") is not { } source)
        {
            return;
        }

        var sourceObject = KustomizeBuilder.Select(state.Resources, Exact(source)).FirstOrDefault();
        var sourcePath = source.GetString("fieldPath") ?? "metadata.name";
        var value = sourceObject is null ? null : Expand(sourceObject.Root, Parse(sourcePath), create: false).Select(steps => KustomizeBuilder.Get(sourceObject.Root, steps)).FirstOrDefault();
        if (value is null)
        {
            state.Note(kustomization.File, source, $"the replacement source {source.GetString("kind")} {source.GetString("name")} ({sourcePath}) is not in the build; its targets keep their values");
            return;
        }

        if (source.GetMapping("options") is { } sourceOptions && TreeEdit.Text(value) is { } sourceText && sourceOptions.GetString("delimiter") is { Length: > 0 } sourceDelimiter)
        {
            var parts = sourceText.Split(new[] { sourceDelimiter }, StringSplitOptions.None);
            var index = int.TryParse(sourceOptions.GetString("index"), out var parsed) ? parsed : 0;
            value = index >= 0 && index < parts.Length ? TreeEdit.Scalar(parts[index], value.Range) : value;
        }

        foreach (var targetItem in replacement.GetSequence("targets")?.Items ?? default)
        {
            if (targetItem is not YamlMapping target || target.GetMapping("select") is not { } select)
            {
                continue;
            }

            var rejects = target.GetSequence("reject")?.Items.OfType<YamlMapping>().ToList() ?? new List<YamlMapping>();
            var options = target.GetMapping("options");
            var create = options?.GetScalar("create") is { Resolved: { Type: ScalarType.Bool, Bool: true } };
            foreach (var resource in KustomizeBuilder.Select(state.Resources, select))
            {
                if (rejects.Any(r => KustomizeBuilder.Select(new[] { resource }, r).Any()))
                {
                    continue;
                }

                foreach (var fieldPath in target.GetSequence("fieldPaths")?.Items.Select(TreeEdit.Text).OfType<string>() ?? Enumerable.Empty<string>())
                {
                    foreach (var steps in Expand(resource.Root, Parse(fieldPath), create).ToList())
                    {
                        var newValue = WithDelimitedPart(KustomizeBuilder.Get(resource.Root, steps), value, options);
                        var placed = TreeEdit.Scalar(TreeEdit.Text(newValue) ?? string.Empty, value.Range);
                        var node = newValue is YamlScalar ? placed : newValue;
                        resource.Origins.Graft(node, file);
                        if (TreeEdit.Replace(resource.Root, steps, 0, _ => node, create, replacement.Range, file, resource.Origins) is YamlMapping changed)
                        {
                            resource.Root = changed;
                        }
                    }
                }
            }
        }
    }

    /// <summary>A source selector matches its name exactly (a target's is a pattern).</summary>
    private static YamlMapping Exact(YamlMapping source)
    {
        var entries = new List<YamlEntry>();
        foreach (var entry in source.EffectiveEntries())
        {
            if (entry.Name is "name" or "namespace" && TreeEdit.Text(entry.Value) is { } text)
            {
                entries.Add(TreeEdit.WithValue(entry, TreeEdit.Scalar(System.Text.RegularExpressions.Regex.Escape(text), entry.Value.Range)));
            }
            else if (entry.Name is "group" or "version" or "kind")
            {
                entries.Add(entry);
            }
        }

        return TreeEdit.Mapping(source.Range, entries);
    }

    private static YamlNode WithDelimitedPart(YamlNode? current, YamlNode value, YamlMapping? options)
    {
        if (options?.GetString("delimiter") is not { Length: > 0 } delimiter || TreeEdit.Text(current) is not { } text || TreeEdit.Text(value) is not { } replacement)
        {
            return value;
        }

        var parts = text.Split(new[] { delimiter }, StringSplitOptions.None).ToList();
        var index = int.TryParse(options.GetString("index"), out var parsed) ? parsed : 0;
        if (index < 0)
        {
            parts.Insert(0, replacement);
        }
        else if (index >= parts.Count)
        {
            parts.Add(replacement);
        }
        else
        {
            parts[index] = replacement;
        }

        return TreeEdit.Scalar(string.Join(delimiter, parts), value.Range);
    }

    /// <summary>kyaml path segments: split at dots outside brackets, brackets stripped.</summary>
    private static List<string> Parse(string path)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in path)
        {
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }

            if (c == '.' && depth == 0)
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        segments.Add(current.ToString());
        return segments.Where(s => s.Length > 0).ToList();
    }

    /// <summary>The concrete steps (names and indexes) a kyaml path reaches in <paramref name="root"/>.</summary>
    private static IEnumerable<List<object>> Expand(YamlNode root, List<string> segments, bool create)
    {
        var partial = new List<(List<object> Steps, YamlNode? Node)> { (new List<object>(), root) };
        foreach (var segment in segments)
        {
            var next = new List<(List<object>, YamlNode?)>();
            foreach (var (steps, node) in partial)
            {
                if (segment.StartsWith("[", StringComparison.Ordinal) && segment.EndsWith("]", StringComparison.Ordinal) && node is YamlSequence selected)
                {
                    var condition = segment.Substring(1, segment.Length - 2);
                    var equal = condition.IndexOf('=');
                    if (equal <= 0)
                    {
                        continue;
                    }

                    var field = condition.Substring(0, equal);
                    var wanted = condition.Substring(equal + 1);
                    for (var i = 0; i < selected.Count; i++)
                    {
                        if (selected[i] is YamlMapping element && element.GetString(field) == wanted)
                        {
                            next.Add((steps.Append(i).ToList(), element));
                        }
                    }
                }
                else if (segment == "*" && node is YamlSequence all)
                {
                    for (var i = 0; i < all.Count; i++)
                    {
                        next.Add((steps.Append(i).ToList(), all[i]));
                    }
                }
                else if (node is YamlSequence indexed && int.TryParse(segment, out var index))
                {
                    if (index >= 0 && index < indexed.Count)
                    {
                        next.Add((steps.Append(index).ToList(), indexed[index]));
                    }
                }
                else if (node is YamlMapping mapping)
                {
                    var child = mapping[segment];
                    if (child is not null || create)
                    {
                        next.Add((steps.Append(segment).ToList(), child));
                    }
                }
                else if (node is null && create)
                {
                    next.Add((steps.Append(segment).ToList(), null));
                }
            }

            partial = next;
        }

        return partial.Where(p => p.Node is not null || create).Select(p => p.Steps);
    }
}
