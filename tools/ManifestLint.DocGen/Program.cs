using ManifestLint.DocGen;

return DocGenCommand.Run(args, Console.Out, Console.Error);
