using System.Globalization;

namespace ManifestLint.Yaml;

/// <summary>
/// Limits a user set (<c>--limit max_depth=64</c>, <c>manifestlint.max_depth = 64</c> in .editorconfig); null means
/// "not set here". Applied over a run's <see cref="YamlLimits"/>: the command line wins over .editorconfig, which
/// wins over the defaults.
/// </summary>
public sealed record YamlLimitSettings
{
    /// <summary>The option names, as written after <c>--limit</c> and after <c>manifestlint.</c> in .editorconfig.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "max_file_bytes", "max_depth", "max_nodes", "max_alias_expansion", "max_line_length" };

    public static YamlLimitSettings None { get; } = new();

    public long? MaxFileBytes { get; init; }

    public int? MaxDepth { get; init; }

    public int? MaxNodes { get; init; }

    public int? MaxAliasExpansion { get; init; }

    public int? MaxLineLength { get; init; }

    public bool IsEmpty => MaxFileBytes is null && MaxDepth is null && MaxNodes is null && MaxAliasExpansion is null && MaxLineLength is null;

    public YamlLimits ApplyTo(YamlLimits limits) => IsEmpty
        ? limits
        : limits with
        {
            MaxFileBytes = MaxFileBytes ?? limits.MaxFileBytes,
            MaxDepth = MaxDepth ?? limits.MaxDepth,
            MaxNodes = MaxNodes ?? limits.MaxNodes,
            MaxAliasExpansion = MaxAliasExpansion ?? limits.MaxAliasExpansion,
            MaxLineLength = MaxLineLength ?? limits.MaxLineLength,
        };

    /// <summary>
    /// The deepest nesting any setting allows: the checks that walk a tree recurse, and a pull request's 100,000-deep
    /// list under a raised limit overflowed the stack (exit 134, no report).
    /// </summary>
    public const int DepthCeiling = 1000;

    /// <summary>
    /// Only the settings that lower <paramref name="limits"/>: a configuration file inside the linted tree is written by
    /// whoever wrote the pull request, so it may make the run stricter, never looser (raising takes <c>--limit</c>).
    /// </summary>
    public YamlLimitSettings OnlyLowering(YamlLimits limits) => IsEmpty
        ? this
        : new()
        {
            MaxFileBytes = MaxFileBytes <= limits.MaxFileBytes ? MaxFileBytes : null,
            MaxDepth = MaxDepth <= limits.MaxDepth ? MaxDepth : null,
            MaxNodes = MaxNodes <= limits.MaxNodes ? MaxNodes : null,
            MaxAliasExpansion = MaxAliasExpansion <= limits.MaxAliasExpansion ? MaxAliasExpansion : null,
            MaxLineLength = MaxLineLength <= limits.MaxLineLength ? MaxLineLength : null,
        };

    /// <summary>Limit <paramref name="name"/> (one of <see cref="Names"/>) of <paramref name="limits"/>.</summary>
    public static long Get(YamlLimits limits, string name) => name switch
    {
        "max_file_bytes" => limits.MaxFileBytes,
        "max_depth" => limits.MaxDepth,
        "max_nodes" => limits.MaxNodes,
        "max_alias_expansion" => limits.MaxAliasExpansion,
        _ => limits.MaxLineLength,
    };

    /// <summary>These settings with <paramref name="other"/>'s set values winning.</summary>
    public YamlLimitSettings Overlay(YamlLimitSettings other) => new()
    {
        MaxFileBytes = other.MaxFileBytes ?? MaxFileBytes,
        MaxDepth = other.MaxDepth ?? MaxDepth,
        MaxNodes = other.MaxNodes ?? MaxNodes,
        MaxAliasExpansion = other.MaxAliasExpansion ?? MaxAliasExpansion,
        MaxLineLength = other.MaxLineLength ?? MaxLineLength,
    };

    /// <summary>
    /// Sets limit <paramref name="name"/> (one of <see cref="Names"/>) from <paramref name="value"/>: a positive whole
    /// number, for bytes optionally with a KiB, MiB or GiB suffix. Returns null, or why the value is wrong.
    /// </summary>
    public static string? TrySet(ref YamlLimitSettings settings, string name, string value)
    {
        name = name.Trim().ToLowerInvariant();
        if (!Names.Contains(name))
        {
            return $"there is no limit '{name}' (limits: {string.Join(", ", Names)})";
        }

        var bytes = name == "max_file_bytes";
        if (TryParse(name, value, bytes, out var amount) is { } error)
        {
            return error;
        }

        if (name == "max_depth" && amount > DepthCeiling)
        {
            return $"'{value.Trim()}' is not a limit for max_depth: at most {DepthCeiling:N0} (deeper nesting would overflow the stack of the checks that walk a tree)";
        }

        settings = name switch
        {
            "max_file_bytes" => settings with { MaxFileBytes = amount },
            "max_depth" => settings with { MaxDepth = (int)amount },
            "max_nodes" => settings with { MaxNodes = (int)amount },
            "max_alias_expansion" => settings with { MaxAliasExpansion = (int)amount },
            _ => settings with { MaxLineLength = (int)amount },
        };
        return null;
    }

    /// <summary>
    /// A limit's value: a positive whole number up to <see cref="int.MaxValue"/>, for <paramref name="bytes"/> with an
    /// optional KiB, MiB or GiB suffix. Returns null, or why the value is wrong.
    /// </summary>
    public static string? TryParse(string name, string value, bool bytes, out long amount)
    {
        amount = 0;
        var text = value.Trim();
        long multiplier = 1;
        if (bytes)
        {
            foreach (var (suffix, factor) in new[] { ("KiB", 1024L), ("MiB", 1024L * 1024), ("GiB", 1024L * 1024 * 1024) })
            {
                if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Substring(0, text.Length - suffix.Length).Trim();
                    multiplier = factor;
                    break;
                }
            }
        }

        // A file is read into one array, so 2 GiB is the most any limit can usefully be.
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0
            || number > int.MaxValue / multiplier)
        {
            return $"'{value.Trim()}' is not a limit for {name}: use a whole number from 1 to {int.MaxValue:N0}" + (bytes ? " (KiB, MiB and GiB suffixes allowed)" : string.Empty);
        }

        amount = number * multiplier;
        return null;
    }
}
