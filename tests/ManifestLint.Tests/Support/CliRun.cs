using ManifestLint.Cli;

namespace ManifestLint.Tests.Support;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Invoke(string workingDirectory, string? stdin, bool terminal, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(
            new StringReader(stdin ?? string.Empty),
            output,
            error,
            terminal,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            workingDirectory);
        var code = CliApplication.Run(args, console);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static CliRun In(string workingDirectory, params string[] args) => Invoke(workingDirectory, null, false, null, args);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
