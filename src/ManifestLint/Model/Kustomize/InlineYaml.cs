using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// YAML written inside a string of a kustomization (an inline <c>patch: |-</c>), parsed with every node placed where
/// its text stands in the kustomization file, so that findings in an inline patch point at the right line.
/// </summary>
internal static class InlineYaml
{
    public static IReadOnlyList<YamlMapping> Parse(YamlScalar scalar, SourceFile file)
    {
        var read = YamlStreamReader.Read(scalar.Value, YamlLimits.Default);
        var mapper = PositionMapper(scalar, file);
        var roots = new List<YamlMapping>();
        foreach (var document in read.Documents)
        {
            if (document.Root is YamlMapping root)
            {
                roots.Add((YamlMapping)Relocate(root, mapper));
            }
        }

        return roots;
    }

    /// <summary>
    /// Maps a position in the scalar's value to the file. A literal block scalar's line i is the file's line after the
    /// indicator plus i, shifted by the block's indentation; for other styles every node gets the scalar's range.
    /// </summary>
    private static Func<SourceRange, SourceRange> PositionMapper(YamlScalar scalar, SourceFile file)
    {
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Literal)
        {
            return _ => scalar.Range;
        }

        var text = file.Text;
        var headerEnd = text.IndexOf('\n', Math.Min(scalar.Range.Start.Offset, text.Length));
        if (headerEnd < 0)
        {
            return _ => scalar.Range;
        }

        var firstLineStart = headerEnd + 1;
        var lineStarts = new List<int>();
        var indent = -1;
        for (var start = firstLineStart; start < text.Length && start < scalar.Range.End.Offset + 1;)
        {
            lineStarts.Add(start);
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (indent < 0)
            {
                var spaces = 0;
                while (start + spaces < end && text[start + spaces] == ' ')
                {
                    spaces++;
                }

                if (start + spaces < end && text[start + spaces] != '\r')
                {
                    indent = spaces;
                }
            }

            start = end + 1;
        }

        indent = Math.Max(indent, 0);
        SourcePosition Map(SourcePosition position)
        {
            var line = position.Line - 1;
            if (line < 0 || line >= lineStarts.Count)
            {
                return scalar.Range.Start;
            }

            return file.PositionAt(lineStarts[line] + indent + position.Column - 1);
        }

        return range => new SourceRange(Map(range.Start), Map(range.End));
    }

    private static YamlNode Relocate(YamlNode node, Func<SourceRange, SourceRange> map)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var entries = new List<YamlEntry>(mapping.Entries.Count);
                foreach (var entry in mapping.EffectiveEntries())
                {
                    var key = entry.Key;
                    var value = Relocate(entry.Value, map);
                    entries.Add(key is YamlScalar keyScalar
                        ? new YamlEntry(map(keyScalar.Range), keyScalar.Value, keyScalar.Style, value, entry.Name)
                        : new YamlEntry(Relocate(key, map), value, entry.Name, merged: false));
                }

                return TreeEdit.Mapping(map(mapping.Range), entries);
            case YamlSequence sequence:
                return TreeEdit.Sequence(map(sequence.Range), sequence.Items.Select(i => Relocate(i, map)).ToList());
            case YamlScalar scalar:
                return new YamlScalar(map(scalar.Range), null, scalar.Value, scalar.Style, scalar.Tag);
            default:
                return node;
        }
    }
}
