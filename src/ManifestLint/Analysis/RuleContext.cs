namespace ManifestLint.Analysis;

/// <summary>Where a rule registers what it wants to look at (Roslyn's <c>AnalysisContext</c>).</summary>
public sealed class RuleContext
{
    private readonly ManifestRule _rule;
    private readonly RuleActions _actions;

    internal RuleContext(ManifestRule rule, RuleActions actions)
    {
        _rule = rule;
        _actions = actions;
    }

    /// <summary>Once per file, linted or skipped (load problems: syntax errors, templates, limits).</summary>
    public void RegisterFileAction(Action<FileAnalysisContext> action) =>
        _actions.File.Add(new RegisteredAction<FileAnalysisContext>(_rule, action, null));

    /// <summary>Once per object of the given kinds (every object when none are given).</summary>
    public void RegisterObjectAction(Action<ObjectAnalysisContext> action, params string[] kinds) =>
        _actions.Object.Add(new RegisteredAction<ObjectAnalysisContext>(_rule, action, kinds.Length == 0 ? null : new HashSet<string>(kinds, StringComparer.Ordinal)));

    /// <summary>Once per pod spec of every kind that embeds one (docs/kubernetes-behaviour.md#pod-templates).</summary>
    public void RegisterPodSpecAction(Action<PodSpecAnalysisContext> action) =>
        _actions.PodSpec.Add(new RegisteredAction<PodSpecAnalysisContext>(_rule, action, null));

    /// <summary>Once per run, with the whole linted set (cross-references).</summary>
    public void RegisterSetAction(Action<SetAnalysisContext> action) =>
        _actions.Set.Add(new RegisteredAction<SetAnalysisContext>(_rule, action, null));
}

internal sealed record RegisteredAction<TContext>(ManifestRule Rule, Action<TContext> Action, HashSet<string>? Kinds);

internal sealed class RuleActions
{
    public List<RegisteredAction<FileAnalysisContext>> File { get; } = new();

    public List<RegisteredAction<ObjectAnalysisContext>> Object { get; } = new();

    public List<RegisteredAction<PodSpecAnalysisContext>> PodSpec { get; } = new();

    public List<RegisteredAction<SetAnalysisContext>> Set { get; } = new();
}
