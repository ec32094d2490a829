using System.CommandLine;
using ManifestLint.Loading;

namespace ManifestLint.Cli;

/// <summary><c>--exclude GLOB</c> (repeatable): vendored charts and bundles the repository does not own.</summary>
internal sealed class ExcludeOption
{
    public Option<string[]> Option { get; } = new("--exclude")
    {
        Description = "Do not lint files matching GLOB, relative to the working directory (vendor/**, charts/*/crds, a name at any depth: vendor). Repeatable; --context paths still load them to resolve references.",
        HelpName = "GLOB",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(RootCommand root) => root.Options.Add(Option);

    public PathExclusions Read(ParseResult parseResult) => new(parseResult.GetValue(Option) ?? Array.Empty<string>());
}
