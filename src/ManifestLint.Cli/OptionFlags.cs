using System.CommandLine;
using ManifestLint.Configuration;

namespace ManifestLint.Cli;

/// <summary>
/// The flags of the options that declare one (<see cref="LintOption.Flag"/>), made from their declarations: the flag
/// and its short form, the help, the value's name, the words it takes, the default shown, whether it repeats. The
/// values are read by the option's own parser, the one .editorconfig uses. An option with a flag needs nothing here.
/// </summary>
internal sealed class OptionFlags
{
    private readonly (LintOption Declared, Option Flag)[] _flags;

    /// <param name="options">The options whose flags this makes; those the command line reads itself are left out.</param>
    public OptionFlags(IEnumerable<LintOption> options) =>
        _flags = options.Where(o => o.Flag is not null).Select(o => (o, Make(o))).ToArray();

    public IEnumerable<Option> Flags => _flags.Select(f => f.Flag);

    /// <summary>
    /// The values given on the command line, each read by its option's parser; <paramref name="error"/> is told the
    /// flag and why a value is wrong. A flag not given (or given only its default) sets nothing.
    /// </summary>
    public OptionValues Read(ParseResult parseResult, Action<string, string> error)
    {
        var values = OptionValues.Empty;
        foreach (var (declared, flag) in _flags)
        {
            if (parseResult.GetResult(flag) is { Implicit: false })
            {
                var texts = flag is Option<string[]> repeated ? parseResult.GetValue(repeated) ?? Array.Empty<string>() : new[] { parseResult.GetValue((Option<string>)flag)! };
                values = declared.ReadCommandLine(values, texts, message => error(declared.Flag!, message));
            }
        }

        return values;
    }

    private static Option Make(LintOption declared)
    {
        var aliases = declared.FlagAlias is null ? Array.Empty<string>() : new[] { declared.FlagAlias };
        Option flag = declared.FlagRepeats
            ? new Option<string[]>(declared.Flag!, aliases) { AllowMultipleArgumentsPerToken = false }
            : new Option<string>(declared.Flag!, aliases) { DefaultValueFactory = declared.FlagDefault is { } shown ? _ => shown : null };
        flag.Description = declared.Help;
        flag.HelpName = declared.FlagValue ?? (declared.FlagChoices is { } words ? string.Join("|", words) : null);
        if (declared.FlagChoices is { } choices)
        {
            ((Option<string>)flag).AcceptOnlyFromAmong(choices.ToArray());
        }

        return flag;
    }
}
