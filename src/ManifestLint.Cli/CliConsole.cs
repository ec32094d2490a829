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
        new StandardInput(),
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory());

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));
}

/// <summary>
/// <see cref="Console.In"/>, opened on first read: setting it up reads the terminal's settings (about 9 ms), and only a
/// run that lints standard input (<c>manifestlint -</c>) reads it; pre-commit's one-file runs never do.
/// </summary>
internal sealed class StandardInput : TextReader
{
    private TextReader? _reader;

    private TextReader Reader => _reader ??= Console.In;

    public override int Peek() => Reader.Peek();

    public override int Read() => Reader.Read();

    public override int Read(char[] buffer, int index, int count) => Reader.Read(buffer, index, count);

    public override string? ReadLine() => Reader.ReadLine();

    public override string ReadToEnd() => Reader.ReadToEnd();
}
