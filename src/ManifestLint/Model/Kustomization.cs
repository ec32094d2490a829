using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// A kustomize configuration file (<c>kustomization.yaml</c>, <c>kustomization.yml</c>, <c>Kustomization</c>,
/// or a document of kind <c>Kustomization</c>/<c>Component</c>). It configures a tool rather than describing
/// an API object, so it never needs a name.
/// </summary>
public sealed class Kustomization
{
    internal Kustomization(SourceFile file, YamlDocument document, YamlMapping root)
    {
        File = file;
        Document = document;
        Root = root;
    }

    public SourceFile File { get; }

    public YamlDocument Document { get; }

    public YamlMapping Root { get; }

    /// <summary>The folder the kustomization's relative paths are resolved against.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(File.Path) ?? ".";

    public string? Namespace => Root.GetString("namespace");

    public YamlSequence? ConfigMapGenerator => Root.GetSequence("configMapGenerator");

    public YamlSequence? SecretGenerator => Root.GetSequence("secretGenerator");

    public static bool IsKustomizationFileName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name is "kustomization.yaml" or "kustomization.yml" or "Kustomization";
    }

    public static bool IsKustomizeKind(string? kind) => kind is "Kustomization" or "Component";
}
