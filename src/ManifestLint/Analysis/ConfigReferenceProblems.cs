using ManifestLint.Model;
using ManifestLint.Yaml;

namespace ManifestLint.Analysis;

/// <summary>Why a reference to a ConfigMap or Secret cannot be satisfied.</summary>
public enum ReferenceProblemCause
{
    /// <summary>The name is not a DNS-1123 subdomain (ML1011).</summary>
    InvalidName,

    /// <summary>No object of that name in the set (ML1001, ML1002; ML1005 when optional).</summary>
    ObjectMissing,

    /// <summary>The object exists only in other namespaces (ML1008; ML1005 when optional).</summary>
    ObjectInOtherNamespace,

    /// <summary>The object lacks the key (ML1003; ML1005 when optional).</summary>
    KeyMissing,

    /// <summary>An environment variable names a key that exists only in binaryData (ML1004; ML1005 when optional).</summary>
    KeyOnlyInBinaryData,
}

/// <summary>One unsatisfiable reference, with the node a finding points at.</summary>
public sealed class ReferenceProblem
{
    internal ReferenceProblem(ReferenceProblemCause cause, ReferenceResolution resolution, YamlScalar anchor, string? key, KeyToPath? item)
    {
        Cause = cause;
        Resolution = resolution;
        Anchor = anchor;
        Key = key;
        Item = item;
    }

    public ReferenceProblemCause Cause { get; }

    public ReferenceResolution Resolution { get; }

    public ConfigReferenceUse Use => Resolution.Use;

    /// <summary>The reference's <c>optional: true</c>: Kubernetes then skips what is missing instead of failing.</summary>
    public bool Optional => Use.Reference.Optional;

    /// <summary>The name value for object problems; the <c>key</c> (or the item's <c>key</c>) value for key problems.</summary>
    public YamlScalar Anchor { get; }

    /// <summary>The missing key, for key problems.</summary>
    public string? Key { get; }

    /// <summary>The <c>items</c> entry that names the missing key, for volume key problems.</summary>
    public KeyToPath? Item { get; }
}

/// <summary>
/// Every unsatisfiable ConfigMap/Secret reference of a pod spec, decided once in one place so that the ML1xxx rules
/// agree on which rule owns which case: an invalid name is ML1011 only; an object in another namespace is ML1008
/// instead of ML1001/ML1002; anything optional is ML1005 only. Volumes that no container mounts are skipped entirely:
/// the kubelet never sets them up, so nothing they name can fail (docs/kubernetes-behaviour.md#missing-volume-source).
/// </summary>
public static class ConfigReferenceProblems
{
    /// <summary>
    /// The problems of a pod spec, computed once per set and options: seven ML1 rules ask for every pod spec.
    /// </summary>
    public static IReadOnlyList<ReferenceProblem> Find(PodSpec pod, LintedSet set, LintOptions options)
    {
        if (Volatile.Read(ref pod.ReferenceProblemsMemo) is Memo memo && ReferenceEquals(memo.Set, set) && ReferenceEquals(memo.Options, options))
        {
            return memo.Problems;
        }

        var problems = Compute(pod, set, options);
        Volatile.Write(ref pod.ReferenceProblemsMemo, new Memo(set, options, problems));
        return problems;
    }

    private sealed record Memo(LintedSet Set, LintOptions Options, IReadOnlyList<ReferenceProblem> Problems);

    private static IReadOnlyList<ReferenceProblem> Compute(PodSpec pod, LintedSet set, LintOptions options)
    {
        List<ReferenceProblem>? problems = null;
        foreach (var use in pod.ConfigReferences)
        {
            if (use.Volume is { } volume && !pod.IsUsed(volume))
            {
                continue;
            }

            var resolution = ConfigReferenceResolver.Resolve(use, set, options);
            var nameNode = use.Reference.NameNode!;
            switch (resolution.Kind)
            {
                case ReferenceResolutionKind.InvalidName:
                    Add(ref problems, new ReferenceProblem(ReferenceProblemCause.InvalidName, resolution, nameNode, null, null));
                    break;
                case ReferenceResolutionKind.Missing:
                    Add(ref problems, new ReferenceProblem(ReferenceProblemCause.ObjectMissing, resolution, nameNode, null, null));
                    break;
                case ReferenceResolutionKind.OtherNamespace:
                    Add(ref problems, new ReferenceProblem(ReferenceProblemCause.ObjectInOtherNamespace, resolution, nameNode, null, null));
                    break;
                case ReferenceResolutionKind.Found when resolution.Target!.KeysKnown:
                    FindKeyProblems(resolution, ref problems);
                    break;
            }
        }

        return problems ?? (IReadOnlyList<ReferenceProblem>)Array.Empty<ReferenceProblem>();
    }

    private static void FindKeyProblems(ReferenceResolution resolution, ref List<ReferenceProblem>? problems)
    {
        var use = resolution.Use;
        var target = resolution.Target!;
        if (use.Site == ConfigReferenceSite.EnvKey)
        {
            if (ConfigReferenceResolver.KeyOf(use.Reference.KeyNode) is not { } key || target.HasEnvironmentKey(key))
            {
                return;
            }

            // binaryData is projected into volumes but never reaches the environment: the kubelet reports the key as
            // missing (docs/kubernetes-behaviour.md#missing-env-reference).
            var cause = target.HasVolumeKey(key) ? ReferenceProblemCause.KeyOnlyInBinaryData : ReferenceProblemCause.KeyMissing;
            Add(ref problems, new ReferenceProblem(cause, resolution, use.Reference.KeyNode!, key, null));
            return;
        }

        if (use.Projection is not { } projection)
        {
            return;
        }

        // items pick keys out of data and binaryData alike (MakePayload,
        // docs/kubernetes-behaviour.md#items-missing-key).
        foreach (var item in projection.Items)
        {
            if (ConfigReferenceResolver.KeyOf(item.KeyNode) is { } key && !target.HasVolumeKey(key))
            {
                Add(ref problems, new ReferenceProblem(ReferenceProblemCause.KeyMissing, resolution, item.KeyNode!, key, item));
            }
        }
    }

    private static void Add(ref List<ReferenceProblem>? problems, ReferenceProblem problem) =>
        (problems ??= new List<ReferenceProblem>()).Add(problem);
}
