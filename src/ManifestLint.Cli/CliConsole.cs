namespace ManifestLint.Cli;

/// <summary>The process's streams and environment, so that the CLI runs the same in tests as in a terminal.</summary>
public sealed record CliConsole(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    bool OutputIsTerminal,
    Func<string, string?> GetEnvironmentVariable,
    string WorkingDirectory)
{
    public static CliConsole System() => new(
        Console.In,
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory());

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));
}
