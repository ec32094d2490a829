using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// Strategic-merge-patch directives (apimachinery <c>strategicpatch</c>): keys that kustomize and kubectl consume while
/// they merge a patch and that never reach the API. <c>$patch</c> (replace, delete, merge), <c>$retainKeys</c>,
/// <c>$setElementOrder/&lt;list&gt;</c> and <c>$deleteFromPrimitiveList/&lt;list&gt;</c> are no fields, and a list element
/// that holds <c>$patch</c> (<c>- $patch: replace</c>, <c>- name: x</c> with <c>$patch: delete</c>) is taken out of the
/// list before merging (<c>mergeSliceWithSpecialElements</c>), so it is no entry either. A file that holds them is a
/// patch, whether or not a kustomization names it.
/// </summary>
public static class PatchDirectives
{
    public const string Patch = "$patch";

    /// <summary>True for a mapping key that is a patch directive, not a field.</summary>
    public static bool IsDirectiveKey(string? name) =>
        name is not null && name.Length > 1 && name[0] == '$'
        && (name == Patch || name == "$retainKeys"
            || name.StartsWith("$setElementOrder/", StringComparison.Ordinal)
            || name.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal));

    /// <summary>True for a list element that is a directive (it holds <c>$patch</c>), not an entry of the list.</summary>
    public static bool IsDirectiveElement(YamlNode? element) => element is YamlMapping mapping && mapping[Patch] is not null;
}
