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

    /// <summary>The names of its legacy <c>vars:</c>, which kustomize substitutes for <c>$(NAME)</c> at build time.</summary>
    public IEnumerable<string> VariableNames
    {
        get
        {
            foreach (var item in Root.GetSequence("vars")?.Items ?? default)
            {
                if (item is YamlMapping variable && variable.GetString("name") is { Length: > 0 } name)
                {
                    yield return name;
                }
            }
        }
    }

    public YamlSequence? SecretGenerator => Root.GetSequence("secretGenerator");

    /// <summary>
    /// The full paths of the patch files it applies (<c>patches[].path</c>, <c>patchesStrategicMerge</c>,
    /// <c>patchesJson6902[].path</c>). Objects in those files are fragments merged into a base, not whole objects.
    /// </summary>
    public IReadOnlyList<string> PatchFiles
    {
        get
        {
            var paths = new List<string>();
            if (!System.IO.Path.IsPathRooted(File.Path))
            {
                return paths;
            }

            foreach (var patchField in new[] { "patches", "patchesStrategicMerge", "patchesJson6902" })
            {
                if (Root.GetSequence(patchField) is not { } patches)
                {
                    continue;
                }

                foreach (var patch in patches.Items)
                {
                    // patchesStrategicMerge lists paths (or inline patches); the others have a `path` field.
                    var path = patch is YamlMapping mapping ? mapping.GetString("path") : (patch as YamlScalar)?.Value;
                    if (path is { Length: > 0 } && path.IndexOf('\n') < 0 && path.IndexOf(':') < 0)
                    {
                        try
                        {
                            paths.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, path)));
                        }
                        catch (Exception e) when (e is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
                        {
                            // Not a usable path: kustomize would fail on it too.
                        }
                    }
                }
            }

            return paths;
        }
    }

    public static bool IsKustomizationFileName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name is "kustomization.yaml" or "kustomization.yml" or "Kustomization";
    }

    public static bool IsKustomizeKind(string? kind) => kind is "Kustomization" or "Component";
}
