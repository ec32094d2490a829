using System.Text.RegularExpressions;
using ManifestLint.Loading;
using ManifestLint.Yaml;

namespace ManifestLint.Model.Kustomize;

/// <summary>
/// Builds every kustomize root of a run the way <c>kustomize build</c> (v5) does, from the files already read:
/// <c>resources</c> (files, folders, nested kustomizations), <c>components</c>, the generators with their
/// <c>behavior</c>, patches (strategic merge and JSON 6902, with targets), <c>namespace</c>,
/// <c>namePrefix</c>/<c>nameSuffix</c> with the rewriting of ConfigMap and Secret references, <c>vars</c> and
/// <c>replacements</c>. Remote resources, Helm charts and plugins are skipped with a note. A root is a kustomization
/// (not a Component) that no other kustomization of the run uses.
/// </summary>
public sealed partial class KustomizeBuilder
{
    // Kinds whose names namePrefix/nameSuffix leave alone (kustomize's PrefixTransformer skip list).
    private static readonly HashSet<string> UnprefixedKinds = new(StringComparer.Ordinal) { "CustomResourceDefinition", "APIService", "Namespace" };

    private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Kustomization> _kustomizations = new(StringComparer.Ordinal);
    private readonly Func<SourceFile, string> _defaultNamespaceOf;

    private KustomizeBuilder(IReadOnlyList<SourceFile> files, Func<SourceFile, string> defaultNamespaceOf)
    {
        _defaultNamespaceOf = defaultNamespaceOf;
        foreach (var file in files)
        {
            if (!System.IO.Path.IsPathRooted(file.Path) || file.Skipped)
            {
                continue;
            }

            _files[file.Path] = file;
            if (Kustomization.IsKustomizationFileName(file.Path) && file.Documents.Count > 0 && file.Documents[0].Root is YamlMapping root)
            {
                var directory = System.IO.Path.GetDirectoryName(file.Path)!;
                if (!_kustomizations.ContainsKey(directory))
                {
                    _kustomizations[directory] = new Kustomization(file, file.Documents[0], root);
                }
            }
        }
    }

    /// <summary>Builds every root among <paramref name="files"/>; the builds share no object.</summary>
    /// <remarks>
    /// A root whose build fails (a defect of this builder) is left out, its files linted as written, and the failure
    /// is added to <paramref name="failures"/>: one bad kustomization must not take the run down.
    /// </remarks>
    public static IReadOnlyList<KustomizeBuild> BuildAll(IReadOnlyList<SourceFile> files, Func<SourceFile, string> defaultNamespaceOf, Func<SourceFile, bool>? isRootBuilt = null, List<string>? failures = null)
    {
        var builder = new KustomizeBuilder(files, defaultNamespaceOf);
        if (builder._kustomizations.Count == 0)
        {
            return Array.Empty<KustomizeBuild>();
        }

        var builds = new List<KustomizeBuild>();
        foreach (var root in builder.Roots())
        {
            if (isRootBuilt is not null && !isRootBuilt(root.File))
            {
                continue;
            }

            try
            {
                builds.Add(builder.Build(root));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures?.Add($"kustomize build of {root.File.DisplayPath} failed: {e.GetType().Name}: {e.Message}; its files were linted as written");
            }
        }

        return builds;
    }

    /// <summary>Kustomizations (not Components) that no other kustomization names in its resources, bases or components.</summary>
    private IEnumerable<Kustomization> Roots()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in _kustomizations)
        {
            foreach (var field in new[] { "resources", "bases", "components" })
            {
                foreach (var reference in Strings(pair.Value.Root.GetSequence(field)))
                {
                    if (!IsRemote(reference) && Combine(pair.Key, reference) is { } path && path != pair.Key)
                    {
                        used.Add(path);
                    }
                }
            }
        }

        return _kustomizations
            .Where(pair => !used.Contains(pair.Key) && pair.Value.Root.GetString("kind") != "Component")
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Value);
    }

    private KustomizeBuild Build(Kustomization root)
    {
        var state = new BuildState();
        Accumulate(root, state, new Stack<string>());
        var defaultNamespace = _defaultNamespaceOf(root.File);
        FixNameReferences(state);
        ResolveVariables(state);

        var objects = new List<KubeObject>(state.Resources.Count);
        foreach (var resource in state.Resources)
        {
            objects.Add(new KubeObject(resource.File, resource.Document, resource.Root, resource.Path, defaultNamespace)
            {
                Origins = resource.Origins.Count > 0 ? resource.Origins : null,
            });
        }

        var generated = new List<ConfigSource>(state.Generated.Count);
        foreach (var made in state.Generated)
        {
            generated.Add(ConfigSource.FromBuildGenerator(made, made.Namespace ?? defaultNamespace));
        }

        var label = root.File.DisplayPath;
        var slash = label.LastIndexOf('/');
        label = slash < 0 ? "." : label.Substring(0, slash);
        var build = new KustomizeBuild(root, label, objects, generated, state.Files, state.VariableNames, state.Notes) { IsIncomplete = state.Incomplete };
        foreach (var obj in objects)
        {
            obj.Build = build;
        }

        return build;
    }

    private void Accumulate(Kustomization kustomization, BuildState state, Stack<string> visiting)
    {
        var directory = kustomization.Directory;
        visiting.Push(directory);
        state.Files.Add(kustomization.File.Path);
        foreach (var field in new[] { "resources", "bases" })
        {
            foreach (var (reference, node) in StringNodes(kustomization.Root.GetSequence(field)))
            {
                AddResource(kustomization, reference, node, state, visiting);
            }
        }

        foreach (var (reference, node) in StringNodes(kustomization.Root.GetSequence("components")))
        {
            if (IsRemote(reference))
            {
                state.Unseen(kustomization.File, node, $"remote component '{reference}' is not fetched; the rest of the build is linted");
                continue;
            }

            if (Combine(directory, reference) is { } path && _kustomizations.TryGetValue(path, out var component) && !visiting.Contains(path))
            {
                Accumulate(component, state, visiting);
            }
            else
            {
                state.Unseen(kustomization.File, node, $"component '{reference}' is not a kustomization of the linted files; the rest of the build is linted");
            }
        }

        foreach (var skipped in new[] { "helmCharts", "helmChartInflationGenerator", "generators", "transformers", "validators" })
        {
            if (kustomization.Root.GetEntry(skipped) is { Value: YamlSequence { Count: > 0 } } entry)
            {
                state.Unseen(kustomization.File, entry.Key, $"'{skipped}' run programs this linter does not run; the objects they would make or change are not seen");
            }
        }

        ReadConfigurations(kustomization, state);
        Generate(kustomization, state);
        Transform(kustomization, state);
        foreach (var variable in kustomization.Root.GetSequence("vars")?.Items ?? default)
        {
            if (variable is YamlMapping mapping && mapping.GetString("name") is { Length: > 0 } name)
            {
                state.Variables.Add(mapping);
                state.VariableNames.Add(name);
            }
        }

        visiting.Pop();
    }

    /// <summary>Reads the <c>nameReference</c> entries for ConfigMaps and Secrets of the kustomization's <c>configurations:</c> files.</summary>
    private void ReadConfigurations(Kustomization kustomization, BuildState state)
    {
        foreach (var (reference, node) in StringNodes(kustomization.Root.GetSequence("configurations")))
        {
            if (Combine(kustomization.Directory, reference) is not { } path || !_files.TryGetValue(path, out var file))
            {
                state.Note(kustomization.File, node, $"configuration '{reference}' is not among the linted files; the name references it adds are not followed");
                continue;
            }

            state.Files.Add(file.Path);
            foreach (var document in file.Documents)
            {
                foreach (var item in (document.Root as YamlMapping)?.GetSequence("nameReference")?.Items ?? default)
                {
                    if (item is not YamlMapping entry || entry.GetString("kind") is not ("ConfigMap" or "Secret") || entry.GetSequence("fieldSpecs") is not { } specs)
                    {
                        continue;
                    }

                    foreach (var spec in specs.Items.OfType<YamlMapping>())
                    {
                        if (spec.GetString("path") is { Length: > 0 } fieldPath)
                        {
                            state.NameReferences.Add((entry.GetString("kind")!, spec.GetString("kind"), fieldPath.Split('/')));
                        }
                    }
                }
            }
        }
    }

    private void AddResource(Kustomization kustomization, string reference, YamlNode node, BuildState state, Stack<string> visiting)
    {
        if (IsRemote(reference))
        {
            state.Unseen(kustomization.File, node, $"remote resource '{reference}' is not fetched; the rest of the build is linted");
            return;
        }

        if (Combine(kustomization.Directory, reference) is not { } path)
        {
            return;
        }

        if (_kustomizations.TryGetValue(path, out var nested))
        {
            if (visiting.Contains(path))
            {
                state.Note(kustomization.File, node, $"'{reference}' includes itself; kustomize refuses the cycle");
                return;
            }

            var inner = new BuildState();
            Accumulate(nested, inner, visiting);
            state.Absorb(inner);
            return;
        }

        if (_files.TryGetValue(path, out var file))
        {
            state.Files.Add(file.Path);
            foreach (var document in file.Documents)
            {
                if (document.Root is not YamlMapping root || root.GetString("kind") is not { } kind)
                {
                    continue;
                }

                if (LintedSet.IsListKind(kind) && root.GetSequence("items") is { } items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is YamlMapping item)
                        {
                            state.Resources.Add(new BuiltResource(file, document, item, $"items[{i}]", new NodeOrigins()));
                        }
                    }

                    continue;
                }

                state.Resources.Add(new BuiltResource(file, document, root, string.Empty, new NodeOrigins()));
            }

            return;
        }

        state.Unseen(kustomization.File, node, System.IO.Directory.Exists(path)
            ? $"resource '{reference}' is a folder without a kustomization; kustomize refuses it"
            : $"resource '{reference}' is not among the linted files; the rest of the build is linted");
    }

    private void Generate(Kustomization kustomization, BuildState state)
    {
        foreach (var (kind, field) in new[] { (ConfigKind.ConfigMap, "configMapGenerator"), (ConfigKind.Secret, "secretGenerator") })
        {
            foreach (var item in kustomization.Root.GetSequence(field)?.Items ?? default)
            {
                if (item is not YamlMapping entry || entry.GetScalar("name") is not { } nameNode || entry.GetString("name") is not { Length: > 0 } name)
                {
                    continue;
                }

                var keys = KustomizeGenerator.ReadKeys(kustomization, entry, out var known);
                var ns = entry.GetString("namespace");
                var existing = state.Generated.FirstOrDefault(g => g.Kind == kind && g.Names.Contains(name) && (ns is null || g.Namespace == ns));
                switch (entry.GetString("behavior"))
                {
                    case "merge" when existing is not null:
                        foreach (var key in keys)
                        {
                            if (!existing.Keys.Contains(key))
                            {
                                existing.Keys.Add(key);
                            }
                        }

                        existing.KeysKnown &= known;
                        existing.Immutable |= KustomizeGenerator.IsImmutable(kustomization, entry);
                        continue;
                    case "replace" when existing is not null:
                        existing.Keys.Clear();
                        existing.Keys.AddRange(keys);
                        existing.KeysKnown = known;
                        existing.Immutable = KustomizeGenerator.IsImmutable(kustomization, entry);
                        existing.Hashed = KustomizeGenerator.IsHashed(kustomization, entry);
                        existing.File = kustomization.File;
                        existing.NameNode = nameNode;
                        existing.Kustomization = kustomization;
                        continue;
                    case "merge" or "replace":
                        state.Note(kustomization.File, nameNode, $"{field} '{name}' has behavior {entry.GetString("behavior")} but no base generator of that name; its keys are not all known");
                        known = false;
                        break;
                }

                state.Files.Add(kustomization.File.Path);
                state.Generated.Add(new GeneratedObject(kind, name, kustomization.File, nameNode, kustomization)
                {
                    Namespace = ns,
                    KeysKnown = known,
                    Immutable = KustomizeGenerator.IsImmutable(kustomization, entry),
                    Hashed = KustomizeGenerator.IsHashed(kustomization, entry),
                });
                state.Generated[state.Generated.Count - 1].Keys.AddRange(keys);
            }
        }
    }

    private void Transform(Kustomization kustomization, BuildState state)
    {
        // kustomize v5's order of built-in transformers: strategic merge patches, patches, namespace, prefix, suffix,
        // (labels, annotations), JSON 6902 patches, (replicas, images), replacements.
        foreach (var (text, node) in StringNodes(kustomization.Root.GetSequence("patchesStrategicMerge")))
        {
            foreach (var (patch, file) in LoadPatch(kustomization, text, node as YamlScalar, state))
            {
                if (patch is YamlMapping mapping)
                {
                    ApplyByIdentity(mapping, file, kustomization, node, state);
                }
            }
        }

        foreach (var (patchEntry, source, contents) in PatchEntries(kustomization, "patches", state))
        {
            var target = patchEntry.GetMapping("target");
            foreach (var (patch, file) in contents)
            {
                if (target is not null)
                {
                    foreach (var resource in Select(state.Resources, target))
                    {
                        ApplyTo(resource, patch, file, state, kustomization, source);
                    }
                }
                else if (patch is YamlMapping mapping)
                {
                    ApplyByIdentity(mapping, file, kustomization, source, state);
                }
            }
        }

        if (kustomization.Root.GetScalar("namespace") is { } namespaceNode && TreeEdit.Text(namespaceNode) is { Length: > 0 } ns)
        {
            foreach (var resource in state.Resources)
            {
                if (resource.Kind is { } kind && !ClusterScopedKinds.Contains(kind))
                {
                    resource.SetMetadata("namespace", ns, namespaceNode.Range, kustomization.File);
                }
                else if (resource.Kind == "Namespace" && resource.Name != ns)
                {
                    // The namespace transformer names the build's Namespace object after the namespace it sets.
                    resource.SetMetadata("name", ns, namespaceNode.Range, kustomization.File);
                }

                if (resource.Kind is "RoleBinding" or "ClusterRoleBinding")
                {
                    SetSubjectNamespaces(resource, ns, namespaceNode, kustomization.File);
                }
            }

            foreach (var made in state.Generated)
            {
                made.Namespace = ns;
            }
        }

        var prefix = kustomization.Root.GetString("namePrefix") ?? string.Empty;
        var suffix = kustomization.Root.GetString("nameSuffix") ?? string.Empty;
        if (prefix.Length + suffix.Length > 0)
        {
            foreach (var resource in state.Resources)
            {
                if (resource.Kind is { } kind && !UnprefixedKinds.Contains(kind) && resource.Root.GetMapping("metadata")?.GetScalar("name") is { } nameNode && resource.Name is { } name)
                {
                    resource.SetMetadata("name", prefix + name + suffix, nameNode.Range, resource.Origins.FileOf(resource.Root, resource.File, nameNode));
                }
            }

            foreach (var made in state.Generated)
            {
                made.Name = prefix + made.Name + suffix;
                made.Names.Add(made.Name);
            }
        }

        foreach (var (patchEntry, source, contents) in PatchEntries(kustomization, "patchesJson6902", state))
        {
            if (patchEntry.GetMapping("target") is not { } target)
            {
                continue;
            }

            foreach (var (patch, file) in contents)
            {
                foreach (var resource in Select(state.Resources, target))
                {
                    ApplyTo(resource, patch, file, state, kustomization, source);
                }
            }
        }

        Replacements.Apply(kustomization, state, this);
    }

    /// <summary>The entries of a patch list (<c>path:</c> or inline <c>patch:</c>), each with what it holds.</summary>
    private IEnumerable<(YamlMapping Entry, YamlScalar Source, IEnumerable<(YamlNode Patch, SourceFile File)> Contents)> PatchEntries(Kustomization kustomization, string field, BuildState state)
    {
        foreach (var item in kustomization.Root.GetSequence(field)?.Items ?? default)
        {
            if (item is not YamlMapping entry || (entry.GetScalar("path") ?? entry.GetScalar("patch")) is not { } source)
            {
                continue;
            }

            var contents = entry.GetScalar("path") is { } pathNode
                ? LoadPatch(kustomization, pathNode.Value, null, state, pathNode)
                : LoadPatch(kustomization, source.Value, source, state);
            yield return (entry, source, contents.ToList());
        }
    }

    /// <summary>RoleBinding subjects that are ServiceAccounts move with the namespace (kustomize's default).</summary>
    private static void SetSubjectNamespaces(BuiltResource resource, string ns, YamlScalar namespaceNode, SourceFile file)
    {
        if (resource.Root.GetSequence("subjects") is not { } subjects)
        {
            return;
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            if (subjects[i] is YamlMapping subject && subject.GetString("kind") == "ServiceAccount"
                && (subject.GetString("namespace") is null or "default" || resource.Namespaces.Contains(subject.GetString("namespace"))))
            {
                var scalar = TreeEdit.Scalar(ns, namespaceNode.Range);
                resource.Origins.Graft(scalar, file);
                resource.Root = (YamlMapping)TreeEdit.Replace(resource.Root, new object[] { "subjects", i, "namespace" }, 0, _ => scalar, create: true, namespaceNode.Range, file, resource.Origins)!;
            }
        }
    }

    private void ApplyByIdentity(YamlMapping patch, SourceFile file, Kustomization kustomization, YamlNode? at, BuildState state)
    {
        var kind = patch.GetString("kind");
        var name = patch.GetMapping("metadata")?.GetString("name");
        var ns = patch.GetMapping("metadata")?.GetString("namespace");
        var matched = false;
        foreach (var resource in state.Resources.ToArray())
        {
            if (resource.Kind == kind && name is not null && resource.Names.Contains(name) && (ns is null || resource.Namespaces.Contains(ns)))
            {
                matched = true;
                ApplyTo(resource, patch, file, state, kustomization, at);
            }
        }

        if (!matched && kind is "ConfigMap" or "Secret" && name is not null
            && state.Generated.FirstOrDefault(g => g.KindName == kind && g.Names.Contains(name)) is { } made)
        {
            // A patch to a generated object can add keys.
            matched = true;
            foreach (var field in new[] { "data", "stringData", "binaryData" })
            {
                foreach (var entry in patch.GetMapping(field)?.Entries ?? default)
                {
                    if (entry.Name is { } key && !made.Keys.Contains(key))
                    {
                        made.Keys.Add(key);
                    }
                }
            }
        }

        if (!matched)
        {
            state.Note(kustomization.File, at ?? kustomization.Root, $"no object of the build matches the patch for {kind} {name}; kustomize refuses it");
        }
    }

    private void ApplyTo(BuiltResource resource, YamlNode patch, SourceFile file, BuildState state, Kustomization kustomization, YamlNode? at)
    {
        if (JsonPatch.IsOperations(patch))
        {
            var problems = new List<string>();
            if (JsonPatch.Apply(resource.Root, (YamlSequence)patch, file, resource.Origins, problems) is { } patched)
            {
                resource.Root = patched;
            }

            foreach (var problem in problems)
            {
                state.Note(kustomization.File, at ?? kustomization.Root, $"{problem} to {resource}");
            }

            return;
        }

        if (patch is YamlMapping mapping)
        {
            var merged = StrategicMerge.Apply(resource.Root, mapping, file, resource.Origins, Knowledge.BuiltInApiGroups.Contains(Knowledge.ApiGroup.Of(resource.ApiVersion)));
            if (merged is null)
            {
                state.Resources.Remove(resource);
            }
            else
            {
                resource.Root = merged;
            }
        }
    }

    /// <summary>
    /// The documents of a patch: read from a file of the run (<paramref name="text"/> is its path) or written inline in
    /// the kustomization (<paramref name="inline"/>), each with the file its nodes belong to.
    /// </summary>
    private IEnumerable<(YamlNode Patch, SourceFile File)> LoadPatch(Kustomization kustomization, string text, YamlScalar? inline, BuildState state, YamlNode? pathNode = null)
    {
        var isInline = inline is not null && (text.IndexOf('\n') >= 0 || text.IndexOf(':') >= 0 && !text.EndsWith(".yaml", StringComparison.Ordinal) && !text.EndsWith(".yml", StringComparison.Ordinal) && !text.EndsWith(".json", StringComparison.Ordinal));
        if (isInline)
        {
            var documents = YamlStreamReader.Read(inline!.Value, YamlLimits.Default);
            if (documents.Documents.Any(d => d.Root is YamlSequence))
            {
                // JSON 6902 operations written inline: placed at the scalar.
                foreach (var document in documents.Documents)
                {
                    if (document.Root is YamlSequence operations)
                    {
                        yield return (operations, kustomization.File);
                    }
                }

                yield break;
            }

            foreach (var root in InlineYaml.Parse(inline, kustomization.File))
            {
                yield return (root, kustomization.File);
            }

            yield break;
        }

        if (Combine(kustomization.Directory, text) is { } path && _files.TryGetValue(path, out var file))
        {
            state.Files.Add(file.Path);
            foreach (var document in file.Documents)
            {
                if (document.Root is YamlMapping or YamlSequence)
                {
                    yield return (document.Root, file);
                }
            }

            yield break;
        }

        state.Unseen(kustomization.File, pathNode ?? (YamlNode?)inline ?? kustomization.Root, $"patch '{text}' is not among the linted files; the rest of the build is linted");
    }

    /// <summary>The resources a patch or replacement <c>target</c>/<c>select</c> picks (names and namespaces are anchored regular expressions).</summary>
    internal static IEnumerable<BuiltResource> Select(IEnumerable<BuiltResource> resources, YamlMapping selector)
    {
        var group = selector.GetString("group");
        var version = selector.GetString("version");
        var kind = selector.GetString("kind");
        var name = selector.GetString("name");
        var ns = selector.GetString("namespace");
        var labels = selector.GetString("labelSelector");
        var annotations = selector.GetString("annotationSelector");
        foreach (var resource in resources.ToArray())
        {
            var apiVersion = resource.ApiVersion ?? string.Empty;
            var slash = apiVersion.IndexOf('/');
            var resourceGroup = slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
            var resourceVersion = slash < 0 ? apiVersion : apiVersion.Substring(slash + 1);
            if ((group is not null && !Matches(group, resourceGroup))
                || (version is not null && !Matches(version, resourceVersion))
                || (kind is not null && !Matches(kind, resource.Kind ?? string.Empty))
                || (name is not null && !resource.Names.Any(n => Matches(name, n)))
                || (ns is not null && !Matches(ns, resource.Namespace ?? string.Empty))
                || (labels is not null && !SelectorMatches(labels, resource.Root.GetMapping("metadata")?.GetMapping("labels")))
                || (annotations is not null && !SelectorMatches(annotations, resource.Root.GetMapping("metadata")?.GetMapping("annotations"))))
            {
                continue;
            }

            yield return resource;
        }
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return string.Equals(pattern, value, StringComparison.Ordinal);
        }
    }

    /// <summary>Equality-based label selectors: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, comma-separated.</summary>
    private static bool SelectorMatches(string selector, YamlMapping? labels)
    {
        foreach (var rawTerm in selector.Split(','))
        {
            var term = rawTerm.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            if (term.IndexOf("!=", StringComparison.Ordinal) is var notEqual and > 0)
            {
                if (labels?.GetString(term.Substring(0, notEqual).Trim()) == term.Substring(notEqual + 2).Trim())
                {
                    return false;
                }
            }
            else if (term.IndexOf('=') is var equal and > 0)
            {
                var value = term.Substring(equal + 1).TrimStart('=').Trim();
                if (labels?.GetString(term.Substring(0, equal).Trim()) != value)
                {
                    return false;
                }
            }
            else if (term[0] == '!')
            {
                if (labels?[term.Substring(1).Trim()] is not null)
                {
                    return false;
                }
            }
            else if (labels?[term] is null)
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsRemote(string reference) =>
        reference.IndexOf("://", StringComparison.Ordinal) >= 0 || reference.StartsWith("github.com/", StringComparison.Ordinal)
        || reference.StartsWith("git@", StringComparison.Ordinal) || reference.IndexOf("?ref=", StringComparison.Ordinal) >= 0
        || reference.StartsWith("gitlab.com/", StringComparison.Ordinal) || reference.StartsWith("bitbucket.org/", StringComparison.Ordinal);

    internal static string? Combine(string directory, string reference)
    {
        try
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, reference)).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(YamlSequence? sequence) => StringNodes(sequence).Select(p => p.Text);

    private static IEnumerable<(string Text, YamlNode Node)> StringNodes(YamlSequence? sequence)
    {
        foreach (var item in sequence?.Items ?? default)
        {
            if (TreeEdit.Text(item) is { Length: > 0 } text)
            {
                yield return (text, item);
            }
        }
    }

    internal IReadOnlyDictionary<string, SourceFile> Files => _files;

    /// <summary>The state of one build, or of one nested kustomization before it joins its parent.</summary>
    internal sealed class BuildState
    {
        public List<BuiltResource> Resources { get; } = new();

        public List<GeneratedObject> Generated { get; } = new();

        public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

        public List<YamlMapping> Variables { get; } = new();

        public List<string> VariableNames { get; } = new();

        public List<KustomizeNote> Notes { get; } = new();

        /// <summary>
        /// The ConfigMap and Secret name references that <c>configurations:</c> files add (custom resources such as
        /// Argo Rollouts): referral kind, referrer kind (null: any) and slash-separated path.
        /// </summary>
        public List<(string Referral, string? Kind, string[] Path)> NameReferences { get; } = new();

        /// <summary>True when the build reads something this linter does not see (a remote base, a missing file, a plugin).</summary>
        public bool Incomplete { get; set; }

        /// <summary>Notes that some input of the build is not seen: objects it would make are unknown.</summary>
        public void Unseen(SourceFile file, YamlNode node, string message)
        {
            Incomplete = true;
            Note(file, node, message);
        }

        public void Note(SourceFile file, YamlNode node, string message)
        {
            var note = new KustomizeNote(file, node.Start.Line, message);
            if (!Notes.Contains(note))
            {
                Notes.Add(note);
            }
        }

        public void Absorb(BuildState inner)
        {
            Incomplete |= inner.Incomplete;
            NameReferences.AddRange(inner.NameReferences);
            Resources.AddRange(inner.Resources);
            Generated.AddRange(inner.Generated);
            Files.UnionWith(inner.Files);
            Variables.AddRange(inner.Variables);
            VariableNames.AddRange(inner.VariableNames);
            foreach (var note in inner.Notes)
            {
                if (!Notes.Contains(note))
                {
                    Notes.Add(note);
                }
            }
        }
    }
}
