using ManifestLint.Model.Knowledge;

namespace ManifestLint.Configuration;

/// <summary>
/// Reads the user's knowledge files (<c>--producers FILE</c>, <c>manifestlint.producers</c> in .editorconfig) and adds
/// them to the engine's table. A file that cannot be read, or an entry with a mistake, becomes a configuration warning
/// with its line; the rest of the file and the run go on.
/// </summary>
public static class KnowledgeFiles
{
    /// <summary>A knowledge file lists objects, not data: larger than this is a mistake (or an attack).</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>The engine's table with the user's files added; null when there are none (the engine's table applies).</summary>
    public static KnowledgeTable? Load(IEnumerable<string> paths, List<ConfigurationMessage> messages)
    {
        KnowledgeTable? table = null;
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            string text;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    messages.Add(new ConfigurationMessage(path, 1, "the producers file does not exist"));
                    continue;
                }

                if (info.Length > MaxBytes)
                {
                    messages.Add(new ConfigurationMessage(path, 1, $"the producers file is larger than {MaxBytes / (1024 * 1024)} MiB; it is not read"));
                    continue;
                }

                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                messages.Add(new ConfigurationMessage(path, 1, "cannot read the producers file: " + e.Message));
                continue;
            }

            var errors = new List<KnowledgeFileError>();
            table = (table ?? KnowledgeTable.Default).With(KnowledgeTable.Parse(path, text, errors));
            messages.AddRange(errors.Select(e => new ConfigurationMessage(e.Path, e.Line, e.Message)));
        }

        return table;
    }
}
