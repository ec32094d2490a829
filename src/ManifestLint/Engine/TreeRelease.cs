using System.Collections.Concurrent;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Model.Knowledge;
using FileOptions = ManifestLint.Analysis.FileOptions;

namespace ManifestLint.Engine;

/// <summary>
/// How a large run keeps its memory flat (issue 21): each load worker, right after parsing a file, reads the file's
/// objects, takes what the reference graph needs from each (<see cref="GraphFacts"/>) and drops the trees. The rules
/// then run file by file (<see cref="RuleRunner"/>), each file parsed again while they look at it and dropped after.
/// A file that holds a kustomization keeps its trees: kustomize builds read them as nodes.
/// </summary>
internal sealed class TreeRelease
{
    private readonly ConcurrentDictionary<SourceFile, FileObjects> _read = new();
    private readonly FileOptions _fileOptions;

    private TreeRelease(FileOptions fileOptions, KnowledgeTable knowledge, IReadOnlyList<ConfigurationMessage> knowledgeMessages)
    {
        _fileOptions = fileOptions;
        Knowledge = knowledge;
        KnowledgeMessages = knowledgeMessages;
    }

    /// <summary>The knowledge table of the run, read before any file (producers and pod spec paths are facts).</summary>
    public KnowledgeTable Knowledge { get; }

    /// <summary>What reading the user's knowledge files found wrong, with file and line.</summary>
    public IReadOnlyList<ConfigurationMessage> KnowledgeMessages { get; }

    /// <summary>The objects of each file whose facts were taken, by file.</summary>
    public IReadOnlyDictionary<SourceFile, FileObjects> Read => _read;

    /// <summary>
    /// Reads the configuration of every path to be read (it may name knowledge files), then the knowledge table, so
    /// that each file's facts can be taken as soon as it is parsed.
    /// </summary>
    /// <param name="loadKnowledge">Reads the table (null: the engine's own), adding what it finds wrong to the list.</param>
    public static TreeRelease Prepare(IReadOnlyList<string> paths, FileOptions fileOptions, Func<List<ConfigurationMessage>, KnowledgeTable?> loadKnowledge)
    {
        foreach (var path in paths)
        {
            fileOptions.For(new SourceFile(path, path, isContext: false));
        }

        var messages = new List<ConfigurationMessage>();
        return new TreeRelease(fileOptions, loadKnowledge(messages) ?? KnowledgeTable.Default, messages);
    }

    /// <summary>Runs on a load worker, for one file just parsed.</summary>
    public void Digest(SourceFile file)
    {
        FileObjects contents;
        try
        {
            contents = FileObjects.Read(file, _fileOptions.For(file).Get(OptionCatalog.DefaultNamespace));
            foreach (var obj in contents.Objects)
            {
                LintedSet.LocatePodSpecs(obj, Knowledge);
                GraphFacts.Of(obj, Knowledge);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The file keeps its trees and is read as in a small run; whatever failed here fails there, where a
            // failing rule is reported instead of stopping the run.
            return;
        }

        _read[file] = contents;
        Release(file, contents.Objects);
    }

    /// <summary>True for a file whose trees were dropped after its facts were taken.</summary>
    public bool Released(SourceFile file) => _read.TryGetValue(file, out var contents) && contents.Kustomizations.Count == 0;

    /// <summary>Drops the trees of a file: once its facts are taken, and again after its rules ran on them read anew.</summary>
    public void Release(SourceFile file, IReadOnlyList<KubeObject> objects)
    {
        // A file with a kustomization keeps its trees: kustomize builds read them as nodes.
        if (!Released(file))
        {
            return;
        }

        foreach (var obj in objects)
        {
            obj.ReleaseTree();
        }

        file.ReleaseDocuments();
    }
}
