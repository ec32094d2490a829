using ManifestLint.Loading;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// What <c>kustomize build</c> of one root makes: the objects it sends to the API server (every node remembering the
/// file it was written in), the ConfigMaps and Secrets its generators make, and the files it read.
/// </summary>
public sealed class KustomizeBuild
{
    internal KustomizeBuild(Kustomization root, string label, IReadOnlyList<KubeObject> objects, IReadOnlyList<ConfigSource> generated, IReadOnlyCollection<string> files, IReadOnlyList<string> variableNames, IReadOnlyList<KustomizeNote> notes)
    {
        Root = root;
        Label = label;
        Objects = objects;
        Generated = generated;
        Files = files;
        VariableNames = variableNames;
        Notes = notes;
    }

    /// <summary>The root kustomization.</summary>
    public Kustomization Root { get; }

    /// <summary>The root's folder as users name it (<c>deploy/overlays/prod</c>).</summary>
    public string Label { get; }

    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>The generators' ConfigMaps and Secrets, with their built names and namespaces.</summary>
    public IReadOnlyList<ConfigSource> Generated { get; }

    /// <summary>The full paths of every file the build read (kustomizations, resources, patches).</summary>
    public IReadOnlyCollection<string> Files { get; }

    /// <summary>The names of the <c>vars:</c> of every kustomization of the build.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>
    /// True when the build reads something the linter does not see: a remote base, a file that is not there, a Helm
    /// chart or a plugin. Objects those would make are unknown, so a reference to an object the build lacks is not
    /// called missing.
    /// </summary>
    public bool IsIncomplete { get; internal init; }

    /// <summary>What the build skipped (remote resources, Helm charts, plugins) or could not apply.</summary>
    public IReadOnlyList<KustomizeNote> Notes { get; }

    public override string ToString() => Label;
}

/// <summary>Something a build skipped or could not do, at the kustomization line that asked for it.</summary>
public sealed record KustomizeNote(SourceFile File, int Line, string Message);
