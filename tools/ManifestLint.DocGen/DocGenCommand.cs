using ManifestLint.Analysis;
using System.Globalization;
using System.Text;
using ManifestLint.Engine;

namespace ManifestLint.DocGen;

/// <summary>
/// <c>dotnet run --project tools/ManifestLint.DocGen -- [--check] [--root DIR]</c>. Without <c>--check</c> it
/// rewrites the generated documents that differ (exit 0); with it, it writes nothing, prints a unified diff of each
/// stale document and exits 1. Exit 2: bad arguments, or a repository it cannot read.
/// </summary>
public static class DocGenCommand
{
    public const int UpToDate = 0;
    public const int Stale = 1;
    public const int Failed = 2;

    private const string Usage = "usage: ManifestLint.DocGen [--check] [--root DIR]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, RuleCatalog? catalog = null)
    {
        var check = false;
        string? root = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--check":
                    check = true;
                    break;
                case "--root" when i + 1 < args.Count:
                    root = args[++i];
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return UpToDate;
                default:
                    error.WriteLine($"unknown argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return Failed;
            }
        }

        root ??= FindRepositoryRoot(Directory.GetCurrentDirectory());
        if (root is null || !File.Exists(Path.Combine(root, "ManifestLint.sln")))
        {
            error.WriteLine("no repository root: run inside the repository or pass --root (the folder of ManifestLint.sln)");
            return Failed;
        }

        IReadOnlyList<GeneratedDocument> documents;
        try
        {
            // The rules found in the engine, not the engine's list: a rule just added is not in the list yet, and the
            // generator writes it there.
            documents = RuleDocuments.Generate(root, catalog ?? RuleCatalog.From(RuleList.Discover()));
        }
        catch (DocGenException e)
        {
            error.WriteLine(e.Message);
            return Failed;
        }

        var stale = documents.Where(d => d.IsStale).ToList();
        if (check)
        {
            foreach (var document in stale)
            {
                output.WriteLine(document.Current is null
                    ? $"{document.RelativePath} is missing."
                    : $"{document.RelativePath} is out of date with the rule descriptors:");
                output.Write(Diff(document));
            }

            if (stale.Count > 0)
            {
                output.WriteLine($"{stale.Count} generated document(s) are stale. Run `dotnet run --project tools/ManifestLint.DocGen` and commit the result.");
                return Stale;
            }

            output.WriteLine($"{documents.Count} generated documents are up to date.");
            return UpToDate;
        }

        foreach (var document in stale)
        {
            var path = Path.Combine(root, document.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, document.Expected);
            output.WriteLine($"wrote {document.RelativePath}");
        }

        output.WriteLine(stale.Count == 0
            ? $"{documents.Count} generated documents are up to date."
            : $"{stale.Count} of {documents.Count} generated documents rewritten.");
        return UpToDate;
    }

    /// <summary>
    /// A unified diff from what the file holds to what it should hold, as one change: the lines between the first and
    /// the last line that differ, with three lines of context.
    /// </summary>
    public static string Diff(GeneratedDocument document)
    {
        var old = Lines(document.Current ?? string.Empty);
        var @new = Lines(document.Expected);
        var prefix = 0;
        while (prefix < old.Length && prefix < @new.Length && old[prefix] == @new[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < @new.Length - prefix && old[old.Length - 1 - suffix] == @new[@new.Length - 1 - suffix])
        {
            suffix++;
        }

        const int context = 3;
        var first = Math.Max(0, prefix - context);
        var oldEnd = Math.Min(old.Length, old.Length - suffix + context);
        var newEnd = Math.Min(@new.Length, @new.Length - suffix + context);
        var builder = new StringBuilder();
        builder.Append("--- a/").Append(document.RelativePath).Append('\n');
        builder.Append("+++ b/").Append(document.RelativePath).Append('\n');
        builder.Append(CultureInfo.InvariantCulture, $"@@ -{first + 1},{oldEnd - first} +{first + 1},{newEnd - first} @@\n");
        for (var i = first; i < prefix; i++)
        {
            builder.Append(' ').Append(old[i]).Append('\n');
        }

        for (var i = prefix; i < old.Length - suffix; i++)
        {
            builder.Append('-').Append(old[i]).Append('\n');
        }

        for (var i = prefix; i < @new.Length - suffix; i++)
        {
            builder.Append('+').Append(@new[i]).Append('\n');
        }

        for (var i = old.Length - suffix; i < oldEnd; i++)
        {
            builder.Append(' ').Append(old[i]).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The lines of a text; a final line break ends the last line rather than starting an empty one.</summary>
    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return Array.Empty<string>();
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ManifestLint.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
