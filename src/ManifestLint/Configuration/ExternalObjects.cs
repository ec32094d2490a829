using System.Text.RegularExpressions;

namespace ManifestLint.Configuration;

/// <summary>
/// Objects the user declares to exist outside the linted set: <c>KIND/NAME</c> patterns (<c>secret/db-*</c>; kind
/// case-insensitive, name globs). Objects every namespace has (<c>kube-root-ca.crt</c>) are implicit objects of the
/// <see cref="Model.ReferenceGraph"/>, with their keys.
/// </summary>
public sealed class ExternalObjects
{
    private readonly List<(string Kind, Regex Name)> _patterns = new();

    public ExternalObjects(IEnumerable<string> patterns)
    {
        Patterns = patterns.ToArray();
        foreach (var pattern in Patterns)
        {
            if (!TryParse(pattern, out var kind, out var name, out var error))
            {
                throw new ArgumentException(error, nameof(patterns));
            }

            _patterns.Add((kind, GlobToRegex(name)));
        }
    }

    public static ExternalObjects None { get; } = new(Array.Empty<string>());

    /// <summary>The user's <c>KIND/NAME</c> patterns, as given.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>These patterns and <paramref name="more"/>.</summary>
    public ExternalObjects With(ExternalObjects more) => more.Patterns.Count == 0 ? this : Patterns.Count == 0 ? more : new ExternalObjects(Patterns.Concat(more.Patterns));

    /// <summary>The patterns, comma-separated, as <c>manifestlint.external_objects</c> takes them.</summary>
    public override string ToString() => string.Join(",", Patterns);

    public bool Contains(string kind, string name)
    {
        foreach (var (patternKind, regex) in _patterns)
        {
            if ((patternKind == "*" || string.Equals(patternKind, kind, StringComparison.OrdinalIgnoreCase)) && regex.IsMatch(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks one <c>KIND/NAME</c> pattern; the error says what is wrong.</summary>
    public static bool TryParse(string pattern, out string kind, out string name, out string? error)
    {
        kind = name = string.Empty;
        error = null;
        var slash = pattern.IndexOf('/');
        if (slash <= 0 || slash == pattern.Length - 1 || pattern.IndexOf('/', slash + 1) >= 0)
        {
            error = $"'{pattern}' is not KIND/NAME (for example configmap/shared-settings or secret/db-*)";
            return false;
        }

        kind = pattern.Substring(0, slash).Trim();
        name = pattern.Substring(slash + 1).Trim();
        return true;
    }

    private static Regex GlobToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant);
}
