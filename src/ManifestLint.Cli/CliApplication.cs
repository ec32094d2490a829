using System.CommandLine;
using ManifestLint.Cli.Output;

namespace ManifestLint.Cli;

/// <summary>The command tree: <c>manifestlint [PATH...]</c> lints, <c>manifestlint rules</c> lists the rules.</summary>
public static class CliApplication
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("Lints the wiring between Kubernetes workloads and their ConfigMaps and Secrets.");
        var lint = new LintCommand(root);
        root.SetAction(parseResult => lint.Execute(parseResult, console));
        var rules = new RulesCommand();
        rules.Command.SetAction(parseResult => rules.Execute(parseResult, console));
        root.Subcommands.Add(rules.Command);

        if (CommandLineGuard.Check(args, root, console.WorkingDirectory) is { } usage)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: {usage}"));
            console.Error.WriteLine("Run 'manifestlint --help' for usage.");
            return ExitCodes.UsageError;
        }

        // '@file' is a path here, never a response file.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                console.Error.WriteLine(TextEscaping.Line($"manifestlint: {error.Message}"));
            }

            console.Error.WriteLine("Run 'manifestlint --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            // Not System.CommandLine's handler: it prints the exception and exits with 1, the code for findings.
            var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            if (parseResult.Action is System.CommandLine.Help.HelpAction)
            {
                // Help names the executable, which is ManifestLint.Cli.dll for the tool and `dotnet run`; users type manifestlint.
                var help = new StringWriter();
                invocation.Output = help;
                var code = parseResult.Invoke(invocation);
                console.Out.Write(help.ToString().Replace(RootCommand.ExecutableName + " ", "manifestlint ", StringComparison.Ordinal));
                return code;
            }

            return parseResult.Invoke(invocation);
        }
        catch (Exception e)
        {
            try
            {
                console.Error.WriteLine($"manifestlint: internal error (please report it): {e.GetType().Name}: {TextEscaping.Line(e.Message)}");
            }
            catch (Exception)
            {
                // Standard error itself failed: the exit code still says what happened.
            }

            return ExitCodes.InternalError;
        }
    }
}
