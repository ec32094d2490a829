using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// A strategic merge patch applied as kustomize applies it (apimachinery <c>strategicpatch</c> through kyaml's
/// <c>merge2</c>): mappings merge key by key, a null value deletes, lists of the built-in kinds merge by their patch
/// merge key (containers and volumes by <c>name</c>, volume mounts by <c>mountPath</c>), every other list is replaced.
/// The directives <c>$patch: replace|delete</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/</c> and
/// <c>$setElementOrder/</c> are honoured and never reach the result. Nodes the patch brings are recorded in the
/// object's <see cref="NodeOrigins"/> with the patch's file.
/// </summary>
internal sealed class StrategicMerge
{
    private readonly SourceFile _patchFile;
    private readonly NodeOrigins _origins;
    private readonly bool _builtIn;
    private readonly string? _kind;

    private StrategicMerge(SourceFile patchFile, NodeOrigins origins, bool builtIn, string? kind)
    {
        _patchFile = patchFile;
        _origins = origins;
        _builtIn = builtIn;
        _kind = kind;
    }

    /// <summary>The merged root; null when the patch deletes the object (<c>$patch: delete</c> at its top).</summary>
    public static YamlMapping? Apply(YamlMapping target, YamlMapping patch, SourceFile patchFile, NodeOrigins origins, bool builtInKind)
    {
        var merge = new StrategicMerge(patchFile, origins, builtInKind, target.GetString("kind"));
        if (patch.GetString(PatchDirectives.Patch) == "delete")
        {
            return null;
        }

        // The patch's own identity fields select the target; they are not changed by it.
        var body = WithoutIdentity(patch);
        return merge.MergeMapping(target, body, string.Empty) as YamlMapping ?? target;
    }

    private static YamlMapping WithoutIdentity(YamlMapping patch)
    {
        var entries = new List<YamlEntry>();
        foreach (var entry in patch.EffectiveEntries())
        {
            if (entry.Name is "apiVersion" or "kind")
            {
                continue;
            }

            if (entry.Name == "metadata" && entry.Value is YamlMapping metadata)
            {
                var kept = metadata.EffectiveEntries().Where(e => e.Name is not ("name" or "namespace")).ToList();
                if (kept.Count > 0)
                {
                    entries.Add(TreeEdit.WithValue(entry, TreeEdit.Mapping(metadata.Range, kept)));
                }

                continue;
            }

            entries.Add(entry);
        }

        return TreeEdit.Mapping(patch.Range, entries);
    }

    private YamlNode? MergeMapping(YamlMapping target, YamlMapping patch, string field)
    {
        switch (patch.GetString(PatchDirectives.Patch))
        {
            case "delete":
                return null;
            case "replace":
                return Graft(Clean(patch));
        }

        var entries = new List<YamlEntry>(target.EffectiveEntries());
        if (patch["$retainKeys"] is YamlSequence retain)
        {
            var keep = new HashSet<string>(retain.Items.Select(TreeEdit.Text).OfType<string>(), StringComparer.Ordinal);
            entries.RemoveAll(e => e.Name is not null && !keep.Contains(e.Name));
        }

        foreach (var entry in patch.EffectiveEntries())
        {
            var name = entry.Name;
            if (name is null || name == PatchDirectives.Patch || name == "$retainKeys" || name.StartsWith("$setElementOrder/", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var list = name.Substring("$deleteFromPrimitiveList/".Length);
                var at = entries.FindIndex(e => e.Name == list);
                if (at >= 0 && entries[at].Value is YamlSequence primitives && entry.Value is YamlSequence removed)
                {
                    var drop = new HashSet<string>(removed.Items.Select(TreeEdit.Text).OfType<string>(), StringComparer.Ordinal);
                    entries[at] = TreeEdit.WithValue(entries[at], TreeEdit.Sequence(primitives.Range, primitives.Items.Where(i => TreeEdit.Text(i) is not { } t || !drop.Contains(t)).ToList()));
                }

                continue;
            }

            var index = entries.FindIndex(e => e.Name == name);
            if (entry.Value is YamlScalar { ResolvedType: ScalarType.Null })
            {
                // A null deletes the field.
                if (index >= 0)
                {
                    entries.RemoveAt(index);
                }

                continue;
            }

            if (index < 0)
            {
                var added = entry.Value is YamlMapping { } m && m.GetString(PatchDirectives.Patch) == "delete" ? null : Graft(Clean(entry.Value));
                if (added is not null)
                {
                    entries.Add(new YamlEntry(entry.Key, added, name, merged: false));
                }

                continue;
            }

            var merged = Merge(entries[index].Value, entry.Value, name);
            if (merged is null)
            {
                entries.RemoveAt(index);
            }
            else if (!ReferenceEquals(merged, entries[index].Value))
            {
                entries[index] = TreeEdit.WithValue(entries[index], merged);
            }
        }

        return _origins.Replaced(target, TreeEdit.Mapping(target.Range, entries));
    }

    private YamlNode? Merge(YamlNode target, YamlNode patch, string field)
    {
        switch (target, patch)
        {
            case (YamlMapping targetMapping, YamlMapping patchMapping):
                return MergeMapping(targetMapping, patchMapping, field);
            case (YamlSequence targetList, YamlSequence patchList):
                return MergeList(targetList, patchList, field);
            default:
                return Graft(Clean(patch));
        }
    }

    private YamlNode MergeList(YamlSequence target, YamlSequence patch, string field)
    {
        var key = _builtIn ? MergeKeyOf(field) : null;
        if (patch.Items.Any(i => i is YamlMapping m && m.GetString(PatchDirectives.Patch) == "replace"))
        {
            return Graft(TreeEdit.Sequence(patch.Range, patch.Items.Where(i => !PatchDirectives.IsDirectiveElement(i)).Select(Clean).ToList()));
        }

        if (key is null)
        {
            return Graft(Clean(patch));
        }

        var items = new List<YamlNode>(target.Items);
        foreach (var element in patch.Items)
        {
            if (element is not YamlMapping patchItem || TreeEdit.Text(patchItem[key]) is not { } keyValue)
            {
                var added = Graft(Clean(element));
                items.Add(added);
                continue;
            }

            var at = items.FindIndex(i => i is YamlMapping m && TreeEdit.Text(m[key]) == keyValue);
            if (patchItem.GetString(PatchDirectives.Patch) == "delete")
            {
                if (at >= 0)
                {
                    items.RemoveAt(at);
                }

                continue;
            }

            if (at < 0)
            {
                items.Add(Graft(Clean(patchItem)));
            }
            else if (MergeMapping((YamlMapping)items[at], patchItem, key) is { } merged)
            {
                items[at] = merged;
            }
            else
            {
                items.RemoveAt(at);
            }
        }

        return _origins.Replaced(target, TreeEdit.Sequence(target.Range, items));
    }

    /// <summary>The patch merge key of a list field of the built-in kinds (the Go types' <c>patchMergeKey</c> tags).</summary>
    private string? MergeKeyOf(string field) => field switch
    {
        "containers" or "initContainers" or "ephemeralContainers" or "env" or "volumes" or "imagePullSecrets"
            or "resourceClaims" or "schedulingGates" or "readinessGates" => field == "readinessGates" ? "conditionType" : "name",
        "volumeMounts" => "mountPath",
        "volumeDevices" => "devicePath",
        "ports" => _kind == "Service" ? "port" : "containerPort",
        "hostAliases" => "ip",
        "topologySpreadConstraints" => "topologyKey",
        "conditions" => "type",
        _ => null,
    };

    private YamlNode Graft(YamlNode node)
    {
        _origins.Graft(node, _patchFile);
        return node;
    }

    /// <summary>The patch's node without its directives (a patch that adds a whole subtree may still carry them).</summary>
    private static YamlNode Clean(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping when mapping.Entries.Any(e => PatchDirectives.IsDirectiveKey(e.Name) || e.Value is YamlMapping or YamlSequence):
            {
                var entries = new List<YamlEntry>();
                var changed = false;
                foreach (var entry in mapping.EffectiveEntries())
                {
                    if (PatchDirectives.IsDirectiveKey(entry.Name))
                    {
                        changed = true;
                        continue;
                    }

                    var value = Clean(entry.Value);
                    changed |= !ReferenceEquals(value, entry.Value);
                    entries.Add(ReferenceEquals(value, entry.Value) ? entry : TreeEdit.WithValue(entry, value));
                }

                return changed ? TreeEdit.Mapping(mapping.Range, entries) : mapping;
            }

            case YamlSequence sequence when sequence.Items.Any(i => i is YamlMapping or YamlSequence):
            {
                var items = new List<YamlNode>();
                var changed = false;
                foreach (var item in sequence.Items)
                {
                    if (PatchDirectives.IsDirectiveElement(item) && item is YamlMapping { Entries.Count: 1 })
                    {
                        changed = true;
                        continue;
                    }

                    var value = Clean(item);
                    changed |= !ReferenceEquals(value, item);
                    items.Add(value);
                }

                return changed ? TreeEdit.Sequence(sequence.Range, items) : sequence;
            }

            default:
                return node;
        }
    }
}
