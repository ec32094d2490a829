using ManifestLint.Cli;

return CliApplication.Run(args, CliConsole.System());
