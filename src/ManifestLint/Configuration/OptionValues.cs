using System.Collections.Immutable;

namespace ManifestLint.Configuration;

/// <summary>Values set for some options of <see cref="OptionCatalog"/> (an option not in it has its default); immutable.</summary>
public sealed class OptionValues
{
    private readonly ImmutableDictionary<LintOption, object> _values;

    private OptionValues(ImmutableDictionary<LintOption, object> values) => _values = values;

    public static OptionValues Empty { get; } = new(ImmutableDictionary<LintOption, object>.Empty);

    public bool IsEmpty => _values.Count == 0;

    public IEnumerable<LintOption> Options => _values.Keys;

    /// <summary>The value set for <paramref name="option"/>, or its default.</summary>
    public T Get<T>(LintOption<T> option)
        where T : notnull =>
        _values.TryGetValue(option, out var value) ? (T)value : option.Default;

    /// <summary>The value set for <paramref name="option"/>; false when none is.</summary>
    public bool TryGet<T>(LintOption<T> option, out T value)
        where T : notnull
    {
        if (_values.TryGetValue(option, out var set))
        {
            value = (T)set;
            return true;
        }

        value = default!;
        return false;
    }

    public OptionValues With<T>(LintOption<T> option, T value)
        where T : notnull => new(_values.SetItem(option, value));

    /// <summary>These values with <paramref name="other"/>'s winning.</summary>
    public OptionValues Overlay(OptionValues other) =>
        other.IsEmpty ? this : IsEmpty ? other : new(_values.SetItems(other._values));

    /// <summary>
    /// These values (a run's) with what a configuration file sets (<paramref name="file"/>): each value joins the run's
    /// as its option says (<see cref="LintOption{T}.Combine"/>), or replaces it unless the option is in
    /// <paramref name="setOnCommandLine"/>.
    /// </summary>
    public OptionValues WithFile(OptionValues file, ImmutableHashSet<LintOption> setOnCommandLine)
    {
        var values = this;
        foreach (var option in file.Options)
        {
            values = option.WithFileValue(values, file, setOnCommandLine.Contains(option));
        }

        return values;
    }

    /// <summary>Only the values of the options <paramref name="keep"/> says yes to.</summary>
    public OptionValues Where(Func<LintOption, bool> keep)
    {
        var kept = _values.Where(p => keep(p.Key)).ToArray();
        return kept.Length == _values.Count ? this : kept.Length == 0 ? Empty : new(ImmutableDictionary.CreateRange(kept));
    }

    /// <summary>
    /// Reads every option that <paramref name="applies"/> from configuration values (<paramref name="lookup"/> gives the
    /// text set for a key, or null): the tool's .editorconfig files, or the compiler's options in the analyzer. Text
    /// that yields no value is left out (the run's value applies); its mistakes are reported by the file's check.
    /// </summary>
    public static OptionValues Read(OptionSet options, Func<string, string?> lookup, Func<LintOption, bool> applies)
    {
        ImmutableDictionary<LintOption, object>.Builder? values = null;
        foreach (var option in options.All)
        {
            if (option.Key is { } key && applies(option) && lookup(key) is { } text && option.ReadBoxed(text) is { } value)
            {
                values ??= ImmutableDictionary.CreateBuilder<LintOption, object>();
                values[option] = value;
            }
        }

        return values is null ? Empty : new(values.ToImmutable());
    }

    /// <summary>The values as text (<c>key=value</c>, list items joined by commas), in key order: equal text, equal values.</summary>
    public override string ToString() => string.Join(
        "|",
        _values.Keys.OrderBy(o => o.ToString(), StringComparer.Ordinal).Select(o => o + "=" + (_values[o] is IEnumerable<string> items ? string.Join(",", items) : _values[o].ToString())));
}
