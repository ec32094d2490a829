using System.CommandLine;
using ManifestLint.Analysis;

namespace ManifestLint.Cli;

/// <summary>
/// Checks the command line before anything is linted. The paths argument takes any token, so System.CommandLine reads a
/// misspelt option (<c>--fromat json</c>) as two paths, lints the whole tree and only then fails with "no such file".
/// Here a token that looks like an option and is none is refused with the nearest real option, and kube-linter's
/// <c>lint DIR</c> habit gets the command this tool expects.
/// </summary>
internal static class CommandLineGuard
{
    private static readonly string[] BuiltIn = { "--help", "-h", "-?", "--version" };

    /// <summary>The usage error for <paramref name="args"/>, or null when the command line may be parsed.</summary>
    public static string? Check(IReadOnlyList<string> args, RootCommand root, string workingDirectory)
    {
        if (args.Count > 0 && root.Subcommands.Any(c => c.Name == args[0]))
        {
            return null; // a subcommand reports its own errors
        }

        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var option in root.Options)
        {
            options[option.Name] = option;
            foreach (var alias in option.Aliases)
            {
                options[alias] = option;
            }
        }

        var firstPath = true;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                break; // everything after '--' is a path, whatever it looks like
            }

            if (token.Length > 1 && token[0] == '-')
            {
                var name = token.Split('=', 2)[0];
                if (BuiltIn.Contains(name, StringComparer.Ordinal))
                {
                    continue;
                }

                if (!options.TryGetValue(name, out var known))
                {
                    var suggestion = NameSuggestion.Closest(name, options.Keys.Where(k => k.StartsWith("--", StringComparison.Ordinal)));
                    return $"unknown option '{name}'{(suggestion is null ? string.Empty : $" (did you mean {suggestion}?)")}; " +
                        "to lint a file whose name starts with '-', put it after '--'";
                }

                if (known.ValueType != typeof(bool) && !token.Contains('=', StringComparison.Ordinal))
                {
                    i++; // the option's value, which may itself start with '-' (--stdin-filename -x)
                }

                continue;
            }

            if (firstPath && token == "lint" && !Path.Exists(Path.Combine(workingDirectory, token)))
            {
                return "'lint' is not a command: manifestlint lints the paths it is given, as in 'manifestlint DIR' " +
                    "(or 'manifestlint -- lint' for a file or folder named lint)";
            }

            firstPath = false;
        }

        return null;
    }
}
