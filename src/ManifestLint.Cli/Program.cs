using ManifestLint.Cli;

// Roslyn matches .editorconfig section globs (which come with the pull request) with regular expressions that have
// no time limit of their own; this one applies to every regular expression the process creates without one.
AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));
return CliApplication.Run(args, CliConsole.System());
