using ManifestLint.Loading;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Engine;

/// <summary>
/// A finding as the run reports it: the Roslyn <see cref="Diagnostic"/> (rule, message, location, properties) with
/// the file and the object it is about, as the rule's context knew them. Suppressions read the object's annotations
/// and the file's comments from here, and reporters the file, without looking either up again by path or offset.
/// </summary>
public sealed class LintFinding
{
    internal LintFinding(Diagnostic diagnostic, SourceFile? file, KubeObject? obj, IReadOnlyList<KubeObject>? builtObjects)
    {
        Diagnostic = diagnostic;
        File = file;
        Object = obj;
        BuiltObjects = builtObjects ?? Array.Empty<KubeObject>();
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The file the finding is in; null only for a location outside the files read (never for a rule's finding).</summary>
    public SourceFile? File { get; }

    /// <summary>The object as written whose YAML holds the finding; null for findings outside every object (a broken document).</summary>
    public KubeObject? Object { get; }

    /// <summary>The objects the kustomize builds made that the finding was found in, one per build; empty outside builds.</summary>
    public IReadOnlyList<KubeObject> BuiltObjects { get; }

    /// <summary>The same finding with its diagnostic rewritten (severity, message, build names, Helm template).</summary>
    internal LintFinding With(Diagnostic diagnostic) => new(diagnostic, File, Object, BuiltObjects);

    internal LintFinding With(IReadOnlyList<KubeObject> builtObjects) => new(Diagnostic, File, Object, builtObjects);

    public override string ToString() => Diagnostic.ToString();
}
