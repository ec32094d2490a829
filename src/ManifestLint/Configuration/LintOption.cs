namespace ManifestLint.Configuration;

/// <summary>
/// What <c>--strict</c> does with a value that an .editorconfig inside the linted tree sets (README, Running on
/// untrusted pull requests). The <c>--config</c> file is the job's own and always applies in full.
/// </summary>
public enum StrictPolicy
{
    /// <summary>Ignored under <c>--strict</c>: the value could hide a finding.</summary>
    Ignored,

    /// <summary>Applies under <c>--strict</c>: a configuration file can only make it stricter (the safety limits).</summary>
    OnlyStricter,
}

/// <summary>
/// One option, declared once: its names (<c>.editorconfig</c>/<c>.globalconfig</c> key, command-line flag), its
/// default, its parser, its help and what <c>--strict</c> does with it. The engine's options are in
/// <see cref="OptionCatalog"/>; a rule declares its own as a static field of the rule class and lists it in
/// <see cref="Analysis.ManifestRule.Options"/>. The readers (.editorconfig, the command line, the analyzer inside the
/// compiler) take keys, parsers and help from here.
/// </summary>
public abstract class LintOption
{
    private protected LintOption(string name, string help)
    {
        Name = name;
        Help = help;
        Key = OptionCatalog.KeyPrefix + name;
    }

    /// <summary>The short name: <c>kube_version</c>, <c>max_depth</c> (what <c>--limit NAME=VALUE</c> takes for limits).</summary>
    public string Name { get; }

    /// <summary>
    /// The key in <c>.editorconfig</c>, the <c>--config</c> file and the compiler's analyzer configuration
    /// (<c>manifestlint.NAME</c> unless said otherwise); null for an option only the command line sets.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>
    /// The command-line flag that sets the option for the whole run, if there is one. The command line makes it from
    /// this declaration (its help, value name, default shown and parser); a value it gives wins over configuration
    /// files, or joins theirs where the option has a <see cref="LintOption{T}.Combine"/>.
    /// </summary>
    public string? Flag { get; init; }

    /// <summary>The flag's short form (<c>-n</c>), if any.</summary>
    public string? FlagAlias { get; init; }

    /// <summary>What <c>--help</c> shows for the flag's value (<c>VERSION</c>, <c>KIND/NAME</c>); by default its <see cref="FlagChoices"/>.</summary>
    public string? FlagValue { get; init; }

    /// <summary>The only words the flag takes (<c>auto</c>, <c>off</c>), checked when the command line is parsed; null: any text the parser reads.</summary>
    public IReadOnlyList<string>? FlagChoices { get; init; }

    /// <summary>The default as the flag takes it, shown by <c>--help</c>; null: none shown.</summary>
    public string? FlagDefault { get; init; }

    /// <summary>Whether the flag may be given again, each value joining the others (<see cref="LintOption{T}.Combine"/>).</summary>
    public bool FlagRepeats { get; init; }

    /// <summary>
    /// The MSBuild property or item metadata the analyzer reads from the compiler's options, as the compiler names it
    /// (<c>build_property.ProjectDir</c>, <c>build_metadata.AdditionalFiles.ManifestLint</c>), if there is one.
    /// </summary>
    public string? MSBuildKey { get; init; }

    /// <summary>One or two sentences: the flag's <c>--help</c> text, and what the option does.</summary>
    public string Help { get; }

    /// <summary>What <c>--strict</c> does with the value an in-tree .editorconfig sets.</summary>
    public StrictPolicy Strict { get; init; } = StrictPolicy.Ignored;

    /// <summary>
    /// Whether the analyzer (<c>ManifestLint.Analyzers</c>) reads the key from the compiler's analyzer configuration
    /// (<c>.globalconfig</c>, and <c>.editorconfig</c> sections that match the YAML files). The options of how files are
    /// read (limits, kustomize, generated files, producers) are the command-line tool's only.
    /// </summary>
    public bool InCompiler { get; init; } = true;

    /// <summary>
    /// Why <paramref name="text"/>, written in a configuration file, is wrong or has no effect, or null when it is
    /// fine. Reported with its file and line; the values that parse still apply.
    /// </summary>
    public abstract string? CheckInFile(string text);

    /// <summary>The value of <paramref name="text"/> as an object, or null when nothing of it is usable.</summary>
    internal abstract object? ReadBoxed(string text);

    /// <summary>
    /// <paramref name="values"/> with what the command line gives for the option, each text read by the parser: a
    /// repeated value joins the others (<see cref="LintOption{T}.Combine"/>; without it the last wins).
    /// <paramref name="error"/> is told why a text is wrong or sets nothing; the values that parse still apply.
    /// </summary>
    public abstract OptionValues ReadCommandLine(OptionValues values, IEnumerable<string> texts, Action<string> error);

    /// <summary>
    /// A run's values (<paramref name="run"/>) with the value a configuration file sets for the option, if it sets one:
    /// joined to the run's by <see cref="LintOption{T}.Combine"/>, else replacing it unless the command line set it.
    /// </summary>
    internal abstract OptionValues WithFileValue(OptionValues run, OptionValues file, bool setOnCommandLine);

    public override string ToString() => Key ?? Flag ?? MSBuildKey ?? Name;
}

/// <summary>An option whose values are <typeparamref name="T"/>.</summary>
public sealed class LintOption<T> : LintOption
    where T : notnull
{
    private readonly Func<string, OptionValue<T>> _parse;
    private readonly Func<T, string, string?>? _fileCheck;

    /// <param name="name">The short name; the key is <c>manifestlint.</c> and the name.</param>
    /// <param name="defaultValue">The value when nothing sets it.</param>
    /// <param name="parse">Reads a value as written, in a configuration file or on the command line.</param>
    /// <param name="help">What the option does, for <c>--help</c> and the documentation.</param>
    /// <param name="fileCheck">
    /// What a configuration file's parsed value is warned about beyond the parser (a limit above its default, which a
    /// file cannot set), given the value and the text; null when nothing.
    /// </param>
    public LintOption(string name, T defaultValue, Func<string, OptionValue<T>> parse, string help, Func<T, string, string?>? fileCheck = null)
        : base(name, help)
    {
        Default = defaultValue;
        _parse = parse;
        _fileCheck = fileCheck;
    }

    public T Default { get; }

    /// <summary>
    /// How a value joins the one there is already: a configuration file's with the run's (<c>(run, file) =&gt; ...</c>),
    /// a repeated flag's with the ones before. Null: the file's value replaces the run's unless the command line set
    /// the option (the command line wins), and a repeated flag's last value wins.
    /// </summary>
    public Func<T, T, T>? Combine { get; init; }

    /// <summary>The value of <paramref name="text"/>, or why it is not one (see <see cref="OptionValue{T}"/>).</summary>
    public OptionValue<T> Parse(string text) => _parse(text);

    public override string? CheckInFile(string text)
    {
        var parsed = Parse(text);
        return parsed.Error ?? (parsed.HasValue && _fileCheck is not null ? _fileCheck(parsed.Value, text) : null);
    }

    internal override object? ReadBoxed(string text) => Parse(text) is { HasValue: true } parsed ? parsed.Value : null;

    public override OptionValues ReadCommandLine(OptionValues values, IEnumerable<string> texts, Action<string> error)
    {
        foreach (var text in texts)
        {
            var parsed = Parse(text);
            if ((parsed.Error ?? (parsed.HasValue ? null : $"the {(FlagValue ?? "value").ToLowerInvariant()} cannot be empty")) is { } message)
            {
                error(message);
            }

            if (parsed.HasValue)
            {
                values = values.With(this, Combine is { } combine && values.TryGet(this, out var before) ? combine(before, parsed.Value) : parsed.Value);
            }
        }

        return values;
    }

    internal override OptionValues WithFileValue(OptionValues run, OptionValues file, bool setOnCommandLine) =>
        !file.TryGet(this, out var value) ? run
        : Combine is { } combine ? run.With(this, combine(run.Get(this), value))
        : setOnCommandLine ? run
        : run.With(this, value);
}

/// <summary>
/// What a parser makes of a text: a value (<see cref="HasValue"/>), an error, or for a list both (the items that parse
/// and why the others do not; the error is reported, the items apply). <see cref="Error"/> is for the user, without
/// the option's name.
/// </summary>
public readonly record struct OptionValue<T>(T Value, bool HasValue, string? Error)
{
    public static OptionValue<T> Of(T value, string? error = null) => new(value, true, error);

    public static OptionValue<T> Fail(string error) => new(default!, false, error);

    /// <summary>Neither a value nor an error: the text sets nothing (a blank namespace).</summary>
    public static OptionValue<T> Unset { get; } = new(default!, false, null);
}
