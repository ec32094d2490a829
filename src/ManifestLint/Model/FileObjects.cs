using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// The objects and kustomizations of one file: its documents that have <c>apiVersion</c> or <c>kind</c>, with
/// <c>*List</c> kinds expanded; tool configuration and files that are no Kubernetes objects left out.
/// </summary>
internal sealed class FileObjects
{
    private FileObjects(IReadOnlyList<KubeObject> objects, IReadOnlyList<Kustomization> kustomizations)
    {
        Objects = objects;
        Kustomizations = kustomizations;
    }

    public IReadOnlyList<KubeObject> Objects { get; }

    public IReadOnlyList<Kustomization> Kustomizations { get; }

    public static FileObjects Read(SourceFile file, string defaultNamespace)
    {
        var objects = new List<KubeObject>();
        var kustomizations = new List<Kustomization>();
        var isKustomizationFile = Kustomization.IsKustomizationFileName(file.Path);
        foreach (var document in file.Documents)
        {
            if (document.Root is not YamlMapping root)
            {
                continue;
            }

            var kind = root.GetString("kind");
            if (isKustomizationFile || Kustomization.IsKustomizeKind(kind))
            {
                kustomizations.Add(new Kustomization(file, document, root));
                continue;
            }

            if (root["apiVersion"] is null && root["kind"] is null)
            {
                // Not a Kubernetes object: CI workflows, compose files, values files.
                continue;
            }

            if (ToolConfiguration.IsToolConfiguration(root.GetString("apiVersion"), kind) || ToolConfiguration.IsFunctionConfiguration(root))
            {
                continue;
            }

            if (LintedSet.IsListKind(kind) && root.GetSequence("items") is { } items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is YamlMapping item)
                    {
                        objects.Add(new KubeObject(file, document, item, $"items[{i}]", defaultNamespace) { IsAsWritten = true });
                    }
                }

                continue;
            }

            objects.Add(new KubeObject(file, document, root, string.Empty, defaultNamespace) { IsAsWritten = true });
        }

        return new FileObjects(objects, kustomizations);
    }
}
