using ManifestLint.Bench;

return args.Length > 0 && args[0] == "child" ? ChildProcess.RunChild(args.Skip(1).ToArray())
    : args.Length > 0 && args[0] == "generate" ? Commands.Generate(args.Skip(1).ToArray())
    : args.Length > 0 && args[0] == "phases" ? Commands.Phases(args.Skip(1).ToArray())
    : args.Length > 0 && args[0] == "run" ? Commands.Run(args.Skip(1).ToArray())
    : args.Length > 0 && args[0] == "trees" ? Commands.Trees(args.Skip(1).ToArray())
    : Commands.Usage();
