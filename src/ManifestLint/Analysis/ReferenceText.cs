using ManifestLint.Model;

namespace ManifestLint.Analysis;

/// <summary>
/// The sentences the reference rules share: where a reference sits, and what Kubernetes does when it cannot be
/// satisfied (docs/kubernetes-behaviour.md#kubelet-runtime): an environment reference fails only its container, and an
/// init container holds back every container after it; a volume holds back every container of the pod.
/// </summary>
public static class ReferenceText
{
    /// <summary>At most this many definitions are attached as related locations.</summary>
    private const int MaxRelatedLocations = 5;

    /// <summary><c>env 'LOG_LEVEL' of container 'app'</c>, <c>envFrom of init container 'setup'</c>, <c>volume 'config'</c>.</summary>
    public static string Where(ConfigReferenceUse use) => use.Site switch
    {
        ConfigReferenceSite.EnvKey => $"env '{use.EnvVar!.Name ?? "?"}' of {use.Container!.DisplayName}",
        ConfigReferenceSite.EnvFrom => $"envFrom of {use.Container!.DisplayName}",
        ConfigReferenceSite.ProjectedSource => $"source {use.Projection!.SourceIndex + 1} of projected volume '{use.Volume!.Name}'",
        _ => $"volume '{use.Volume!.Name}'",
    };

    /// <summary>The text with its first letter in upper case, to start a message with a phrase of this class.</summary>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>What Kubernetes does when a non-optional reference cannot be satisfied, as a clause.</summary>
    public static string Failure(ConfigReferenceUse use) => use.Container is { } container
        ? EnvironmentFailure(container)
        : VolumeFailure(use.Volume!);

    /// <summary>
    /// An environment source fails only its own container (docs/kubernetes-behaviour.md#missing-env-reference);
    /// <paramref name="error"/> is the kubelet's message, quoted after the reason.
    /// </summary>
    public static string EnvironmentFailure(Container container, string? error = null)
    {
        var reason = error is null ? "CreateContainerConfigError" : $"CreateContainerConfigError ({error})";
        return container.Kind switch
        {
            ContainerKind.Init => $"Kubernetes fails {container.DisplayName} with {reason}, and no container after it ever starts: the pod stays in Init",
            ContainerKind.Ephemeral => $"Kubernetes fails {container.DisplayName} with {reason}; the rest of the pod is not affected",
            _ => $"Kubernetes fails {container.DisplayName} with {reason}; the pod's other containers start, but the pod stays Pending",
        };
    }

    /// <summary>
    /// A volume is set up before any container starts, so its failure holds back all of them
    /// (docs/kubernetes-behaviour.md#missing-volume-source).
    /// </summary>
    public static string VolumeFailure(Volume volume, string? error = null)
    {
        var reason = error is null ? "FailedMount" : $"FailedMount: {error}";
        return $"the kubelet cannot set up volume '{volume.Name}' ({reason}), so no container of the pod starts, init containers included: the pod stays Pending in ContainerCreating";
    }

    /// <summary>
    /// What Kubernetes does instead when the reference is <c>optional: true</c>
    /// (docs/kubernetes-behaviour.md#optional-reference).
    /// </summary>
    public static string OptionalOutcome(ReferenceProblem problem)
    {
        var use = problem.Use;
        switch (use.Site)
        {
            case ConfigReferenceSite.EnvKey:
                return $"Kubernetes starts {use.Container!.DisplayName} with variable '{use.EnvVar!.Name ?? "?"}' unset";
            case ConfigReferenceSite.EnvFrom:
                return $"Kubernetes starts {use.Container!.DisplayName} without any variable from this source";
        }

        if (problem.Item is { } item)
        {
            return $"the kubelet skips the item and volume '{use.Volume!.Name}' has no file '{item.Path ?? item.Key}'";
        }

        return use.Site == ConfigReferenceSite.ProjectedSource
            ? $"projected volume '{use.Volume!.Name}' gets no files from this source"
            : $"volume '{use.Volume!.Name}' is mounted empty";
    }

    /// <summary>
    /// " (did you mean 'app-config'?)" from the names the pod can see, or " (a Secret of that name exists)" when
    /// the other kind has it; empty when nothing is close.
    /// </summary>
    public static string NameHint(ReferenceResolution resolution, LintedSet set)
    {
        var reference = resolution.Use.Reference;
        var otherKind = reference.Kind == ConfigKind.ConfigMap ? ConfigKind.Secret : ConfigKind.ConfigMap;
        if (set.Graph.Find(otherKind, resolution.Namespace, resolution.Name) is not null)
        {
            return $" (a {(otherKind == ConfigKind.ConfigMap ? "ConfigMap" : "Secret")} of that name exists)";
        }

        return DidYouMean(resolution.Name, set.Graph.NamesVisibleFrom(reference.Kind, resolution.Namespace));
    }

    /// <summary>" (did you mean 'log-level'?)" from the keys the consumer can see; empty when nothing is close.</summary>
    public static string KeyHint(string key, IEnumerable<string> keys) => DidYouMean(key, keys);

    /// <summary>
    /// Names and keys share long prefixes and suffixes (app-config, app-secret; redis.server, repo.server), so only
    /// a near miss (a quarter of the length, at least two edits) is offered as a likely typo.
    /// </summary>
    private static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        LikelyMeant(typed, candidates) is { } closest ? $" (did you mean '{closest}'?)" : string.Empty;

    /// <summary>The key the message's "did you mean" names, or null (the suggested fix writes it).</summary>
    public static string? KeySuggestion(string key, IEnumerable<string> keys) => LikelyMeant(key, keys);

    private static string? LikelyMeant(string typed, IEnumerable<string> candidates)
    {
        var closest = NameSuggestion.Closest(typed, candidates);
        return closest is null || NameSuggestion.Distance(typed, closest) > Math.Max(2, typed.Length / 4) ? null : closest;
    }

    /// <summary>The definitions' names as related locations: "ConfigMap default/app is defined here".</summary>
    public static IReadOnlyList<RelatedLocation> DefinedAt(IEnumerable<ConfigSource> definitions)
    {
        var related = new List<RelatedLocation>();
        foreach (var definition in definitions)
        {
            if (related.Count == MaxRelatedLocations)
            {
                break;
            }

            if (definition.File is not { } file || definition.NameRange is not { } range)
            {
                // An implicit object (kube-root-ca.crt) has no place in the set.
                continue;
            }

            var message = definition.Origin switch
            {
                ConfigOrigin.Generator => $"{definition.DisplayName} is generated here",
                ConfigOrigin.Producer => $"{definition.DisplayName} is made from here",
                _ => $"{definition.DisplayName} is defined here",
            };
            related.Add(new RelatedLocation(file, range, message));
        }

        return related;
    }
}
