using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

/// <summary>One object while a kustomize build changes it: its current tree and every name it had on the way.</summary>
internal sealed class BuiltResource
{
    public BuiltResource(SourceFile file, YamlDocument document, YamlMapping root, string path, NodeOrigins origins)
    {
        File = file;
        Document = document;
        Root = root;
        Path = path;
        Origins = origins;
        if (Name is { } name)
        {
            Names.Add(name);
        }

        Namespaces.Add(Namespace);
    }

    public SourceFile File { get; }

    public YamlDocument Document { get; }

    public YamlMapping Root { get; set; }

    public string Path { get; }

    public NodeOrigins Origins { get; }

    /// <summary>Every name the object had, the written one first (kustomize's previous names).</summary>
    public List<string> Names { get; } = new();

    public List<string?> Namespaces { get; } = new();

    public string? Kind => Root.GetString("kind");

    public string? ApiVersion => Root.GetString("apiVersion");

    public string? Name => Root.GetMapping("metadata")?.GetString("name");

    public string? Namespace => Root.GetMapping("metadata")?.GetString("namespace");

    /// <summary>Sets <c>metadata.&lt;field&gt;</c>, the new scalar standing at <paramref name="at"/> in <paramref name="file"/>.</summary>
    public void SetMetadata(string field, string value, SourceRange at, SourceFile file)
    {
        var scalar = TreeEdit.Scalar(value, at);
        Origins.Graft(scalar, file);
        Root = (YamlMapping)TreeEdit.Replace(Root, new object[] { "metadata", field }, 0, _ => scalar, create: true, at, file, Origins)!;
        if (field == "name")
        {
            Names.Add(value);
        }
        else if (field == "namespace")
        {
            Namespaces.Add(value);
        }
    }

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}

/// <summary>A ConfigMap or Secret a kustomize generator makes, with its keys, while the build names it.</summary>
internal sealed class GeneratedObject
{
    public GeneratedObject(ConfigKind kind, string name, SourceFile file, YamlNode nameNode, Kustomization kustomization)
    {
        Kind = kind;
        Name = name;
        Names.Add(name);
        File = file;
        NameNode = nameNode;
        Kustomization = kustomization;
    }

    public ConfigKind Kind { get; }

    public string KindName => Kind == ConfigKind.ConfigMap ? "ConfigMap" : "Secret";

    public string Name { get; set; }

    public List<string> Names { get; } = new();

    public string? Namespace { get; set; }

    public List<string> Keys { get; } = new();

    public bool KeysKnown { get; set; } = true;

    public bool Immutable { get; set; }

    /// <summary>True when kustomize appends the content hash to the name (the default).</summary>
    public bool Hashed { get; set; }

    public SourceFile File { get; set; }

    public YamlNode NameNode { get; set; }

    public Kustomization Kustomization { get; set; }

    public override string ToString() => $"{KindName} {Namespace}/{Name}";
}
