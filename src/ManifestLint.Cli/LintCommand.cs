using System.Collections.Immutable;
using System.CommandLine;
using ManifestLint.Analysis;
using ManifestLint.Cli.Fixing;
using ManifestLint.Cli.Output;
using ManifestLint.Configuration;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Cli;

/// <summary>The root command: lint paths and report.</summary>
internal sealed class LintCommand
{
    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Files or directories to lint (directories recursively: *.yaml, *.yml, *.json); '-' reads standard input. Default: the current directory.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _format = new Option<string[]>("--format", "-f")
    {
        Description = "Output format: text, json, sarif, github (workflow-command annotations), junit (JUnit XML) or gitlab (GitLab code quality). Repeatable: each --output FILE writes the --format before it, as in '--format sarif --output x.sarif --format github'.",
        AllowMultipleArgumentsPerToken = false,
    }.AcceptOnlyFromAmong("text", "json", "sarif", "github", "junit", "gitlab");

    private readonly Option<string?> _sarifCategory = new("--sarif-category")
    {
        Description = "SARIF automationDetails.id, to tell apart several uploads of one repository (code scanning's category).",
        HelpName = "CATEGORY",
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "An earlier SARIF report: its results are marked unchanged and only new findings count toward the exit code.",
        HelpName = "OLD.sarif",
    };

    private readonly Option<string?> _config = new("--config")
    {
        Description = "A configuration file in .editorconfig syntax that applies to every linted file (below the nearest .editorconfig).",
        HelpName = "FILE",
    };

    private readonly Option<bool> _showSuppressed = new("--show-suppressed")
    {
        Description = "Also show findings silenced by annotations or comments, with their reason.",
    };

    private readonly Option<bool> _strict = new("--strict")
    {
        Description = "For CI on untrusted pull requests: ignore suppression comments and annotations (their findings count), and .editorconfig settings in the linted tree that could hide findings (lower severities, generated_code, external objects, producers, namespace, Kubernetes version).",
    };

    private readonly Option<bool> _noEditorConfig = new("--no-editorconfig")
    {
        Description = "Ignore .editorconfig files.",
    };

    private readonly Option<string[]> _output = new("--output", "-o") { Description = "Write the report of the --format before it to FILE instead of standard output. Repeatable.", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };

    private readonly Option<string> _failLevel = new("--fail-level")
    {
        Description = "Exit with 1 when a finding at or above this severity is reported.",
        DefaultValueFactory = _ => "error",
        HelpName = "error|warning|note|none",
        Validators = { result => SeverityWord(result, "--fail-level") },
    };

    private readonly Option<string?> _stdinFileName = new("--stdin-filename") { Description = "The name shown for standard input.", HelpName = "NAME" };

    private readonly Option<string[]> _producers = new(OptionCatalog.Producers.Flag!)
    {
        Description = OptionCatalog.Producers.Help,
        HelpName = "FILE",
    };

    private readonly Option<string[]> _severity = new("--severity")
    {
        Description = "Set a rule's severity: ID=error|warning|note|none. Repeatable; wins over every other setting.",
        HelpName = "ID=LEVEL",
    };

    private readonly Option<string[]> _only = new("--only")
    {
        Description = "Run only these rules (IDs, comma-separated or repeated): every other rule is off, as with --severity ID=none.",
        HelpName = "ID[,ID]",
    };

    private readonly Option<string[]> _context = new("--context")
    {
        Description = "A file or directory loaded only to resolve references; its own findings are not reported. Repeatable.",
        HelpName = "PATH",
    };

    private readonly Option<string[]> _limit = new("--limit")
    {
        Description = $"Set a safety limit: {string.Join(", ", OptionCatalog.Limits.Select(l => l.Name))} or {OptionCatalog.MaxTotalBytes.Name} (the whole run), as NAME=VALUE. Repeatable; wins over .editorconfig, which can only lower limits.",
        HelpName = "NAME=VALUE",
    };

    /// <summary>A value that is a severity word (<see cref="Severity"/>, the words .editorconfig takes), else a usage error.</summary>
    private static void SeverityWord(System.CommandLine.Parsing.OptionResult result, string flag)
    {
        if (result.GetValueOrDefault<string>() is { } word && Severity.Check(word) is { } error)
        {
            result.AddError($"{flag}: {error}");
        }
    }

    /// <summary>
    /// The flags made from the options' declarations: every option with a <see cref="LintOption.Flag"/> but those
    /// read here (the producers files, checked and made full paths; the limits, all in one <c>--limit NAME=VALUE</c>).
    /// </summary>
    private readonly OptionFlags _optionFlags = new(RuleCatalog.Default.Options.All
        .Except(OptionCatalog.Limits)
        .Except(new LintOption[] { OptionCatalog.MaxTotalBytes, OptionCatalog.Producers }));

    private readonly FixCommand _fixes;

    private readonly EmptyInputCheck _emptyInput = new();

    private readonly ExcludeOption _exclude = new();

    public LintCommand(RootCommand root)
    {
        _fixes = new FixCommand(root);
        root.Arguments.Add(_paths);
        foreach (var option in new Option[] { _format, _sarifCategory, _baseline, _config, _showSuppressed, _strict, _noEditorConfig, _output, _failLevel }
                     .Concat(_optionFlags.Flags)
                     .Concat(new Option[] { _stdinFileName, _producers, _severity, _only, _context, _limit }))
        {
            root.Options.Add(option);
        }

        _emptyInput.AddTo(root);
        _exclude.AddTo(root);
    }

    public int Execute(ParseResult parseResult, CliConsole console)
    {
        if (ReportTargets.Read(parseResult, _format, _output, out var targetError) is not { } targets)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: {targetError}"));
            return ExitCodes.UsageError;
        }

        if (!TryBuildOptions(parseResult, console, out var options, out var maxTotalBytes))
        {
            return ExitCodes.UsageError;
        }

        if (_fixes.UsageError(parseResult) is { } fixError)
        {
            console.Error.WriteLine($"manifestlint: {fixError}");
            return ExitCodes.UsageError;
        }

        var paths = parseResult.GetValue(_paths) is { Length: > 0 } given ? given : new[] { "." };
        var inputs = new InputSet
        {
            Paths = paths,
            ContextPaths = parseResult.GetValue(_context) ?? Array.Empty<string>(),
            StandardInput = Array.IndexOf(paths, "-") >= 0
                ? SourceFileReader.ReadStandardInput(console.In, options.LimitsFor(parseResult.GetValue(_stdinFileName) ?? "<stdin>").MaxFileBytes)
                : null,
            StandardInputName = parseResult.GetValue(_stdinFileName) ?? "<stdin>",
            WorkingDirectory = console.WorkingDirectory,
            MaxTotalBytes = maxTotalBytes,
            Exclusions = _exclude.Read(parseResult),
        };

        var strict = parseResult.GetValue(_strict);
        var result = Lint(options, inputs, strict);
        if (_fixes.IsRequested(parseResult))
        {
            // Fix, then lint the changed files again: the report and the exit code are about what is left.
            var fixing = _fixes.Run(result, inputs, parseResult, console, parseResult.GetValue(_failLevel)!);
            if (fixing.DiffOnly)
            {
                return fixing.ExitCode;
            }

            if (fixing.FilesChanged > 0)
            {
                result = Lint(options, inputs, strict);
            }
        }

        var toTerminal = targets.Any(t => t.Output is null && t.Format == "text");
        var report = new ReportContext(result, console, toTerminal && console.UseColor, parseResult.GetValue(_showSuppressed));

        IReadOnlyList<bool>? isNew = null;
        object? baseline = null;
        if (parseResult.GetValue(_baseline) is { } baselinePath && SarifSupport.IsAvailable)
        {
            // SARIF assemblies are loaded only when a baseline or a SARIF report is asked for.
            baseline = SarifOutput.Compare(Path.GetFullPath(Path.Combine(console.WorkingDirectory, baselinePath)), report, out isNew, out var baselineError);
            if (baseline is null)
            {
                console.Error.WriteLine(TextEscaping.Line($"manifestlint: --baseline: {baselineError}"));
                return ExitCodes.UsageError;
            }
        }

        var counted = isNew is null ? result.Diagnostics : result.Diagnostics.Where((_, i) => isNew[i]).ToArray();
        report.ShowOnly(counted);
        var exitCode = result.InternalErrors.Count > 0 ? ExitCodes.InternalError
            : result.InputErrors.Count > 0 ? ExitCodes.UsageError
            : FailLevel.Fails(parseResult.GetValue(_failLevel)!, counted) ? ExitCodes.Findings
            : ExitCodes.Clean;
        var emptyPaths = _emptyInput.EmptyPaths(parseResult, paths, result, console.WorkingDirectory);
        if (emptyPaths.Count > 0 && exitCode != ExitCodes.InternalError)
        {
            exitCode = ExitCodes.UsageError;
        }

        var failLevel = parseResult.GetValue(_failLevel)!;
        foreach (var target in targets)
        {
            Action<TextWriter> write = target.Format switch
            {
                "json" => writer => JsonReporter.Write(report, writer),
                "github" => writer => GitHubReporter.Write(report, writer),
                "junit" => writer => JUnitReporter.Write(report, writer, failLevel),
                "gitlab" => writer => GitLabReporter.Write(report, writer),
                "sarif" => writer => WriteSarif(report, writer, exitCode, parseResult.GetValue(_sarifCategory), baseline),
                _ => writer => TextReporter.Write(report, writer),
            };
            if (!ReportWriter.Write(write, target.Output, console, result.Files.Select(f => f.Path)))
            {
                return ExitCodes.UsageError;
            }
        }

        foreach (var message in result.ConfigurationMessages)
        {
            console.Error.WriteLine(TextEscaping.Line($"{message.Where(report.DisplayPath(message.Path))}: {message.Message}"));
        }

        if (strict && _strictCounted > 0)
        {
            console.Error.WriteLine($"manifestlint: --strict: {_strictCounted} finding(s) silenced by suppression comments or annotations in the linted files count");
        }

        foreach (var file in result.Files.Where(f => f.IsSkippedWithoutFinding && !f.IsContext && f.ReadError is null))
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: note: {file.DisplayPath}: skipped: {file.SkipReason}"));
        }

        Summary.Write(report, console.Error, isNew is null ? null : counted.Count);
        foreach (var error in result.InternalErrors)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: internal error (please report it): {error}"));
        }

        foreach (var error in result.InputErrors)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: error: {error.Path}: {error.Message}"));
        }

        foreach (var path in emptyPaths)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: error: {path}: no Kubernetes manifest found here (only templates, or no *.yaml, *.yml, *.json); nothing was linted. Pass --allow-empty if that is expected."));
        }

        return exitCode;
    }

    private int _strictCounted;

    /// <summary>Lints; with <c>--strict</c> the findings that in-source suppressions silenced count again.</summary>
    private LintResult Lint(LintOptions options, InputSet inputs, bool strict)
    {
        var result = new Linter(options).Lint(inputs);
        if (!strict)
        {
            return result;
        }

        _strictCounted = result.Suppressed.Count;
        return result.CountingSuppressed();
    }

    private static void WriteSarif(ReportContext report, TextWriter writer, int exitCode, string? category, object? baseline)
    {
        // TryBuildOptions refused --format sarif where SARIF is not available; the check lets the trimmer drop it.
        if (SarifSupport.IsAvailable)
        {
            SarifOutput.Write(report, writer, exitCode, category, baseline);
        }
    }

    private bool TryBuildOptions(ParseResult parseResult, CliConsole console, out LintOptions options, out long maxTotalBytes)
    {
        options = LintOptions.Default;
        maxTotalBytes = InputSet.DefaultMaxTotalBytes;
        var ok = true;
        if (!SarifSupport.IsAvailable)
        {
            var asked = string.Join(" and ", new[]
            {
                parseResult.GetValue(_format)?.Contains("sarif") == true ? "--format sarif" : null,
                parseResult.GetValue(_baseline) is not null ? "--baseline" : null,
            }.OfType<string>());
            if (asked.Length > 0)
            {
                console.Error.WriteLine(TextEscaping.Line($"manifestlint: {asked}: {SarifSupport.Unavailable}"));
                return false;
            }
        }

        // Every value is read by its option's parser in OptionCatalog, the one .editorconfig uses.
        void Error(string flag, string error)
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: {flag}: {error}"));
            ok = false;
        }

        var values = _optionFlags.Read(parseResult, Error);

        var producers = new List<string>();
        foreach (var file in parseResult.GetValue(_producers) ?? Array.Empty<string>())
        {
            var full = Path.GetFullPath(Path.Combine(console.WorkingDirectory, file));
            if (!File.Exists(full))
            {
                console.Error.WriteLine($"manifestlint: --producers: {file}: no such file");
                ok = false;
            }

            producers.Add(full);
        }

        if (producers.Count > 0)
        {
            values = values.With(OptionCatalog.Producers, producers);
        }

        var severities = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var setting in parseResult.GetValue(_severity) ?? Array.Empty<string>())
        {
            var equals = setting.IndexOf('=');
            var id = equals > 0 ? setting.Substring(0, equals).Trim().ToUpperInvariant() : setting;
            if (equals <= 0 || !Severity.TryParse(setting.Substring(equals + 1), out var level))
            {
                console.Error.WriteLine(TextEscaping.Line($"manifestlint: --severity: '{setting}' is not ID=LEVEL (levels: {Severity.Usage})"));
                ok = false;
            }
            else if (!RuleCatalog.Default.ById.ContainsKey(id))
            {
                console.Error.WriteLine(TextEscaping.Line($"manifestlint: --severity: there is no rule {id} (see 'manifestlint rules')"));
                ok = false;
            }
            else
            {
                severities[id] = level;
            }
        }

        var only = (parseResult.GetValue(_only) ?? Array.Empty<string>())
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(id => id.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var id in only.Where(id => !RuleCatalog.Default.ById.ContainsKey(id)))
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: --only: there is no rule {id} (see 'manifestlint rules')"));
            ok = false;
        }

        if (only.Count > 0)
        {
            foreach (var id in RuleCatalog.Default.ById.Keys.Where(id => !only.Contains(id)))
            {
                severities.TryAdd(id, ReportDiagnostic.Suppress);
            }
        }

        foreach (var setting in parseResult.GetValue(_limit) ?? Array.Empty<string>())
        {
            var equals = setting.IndexOf('=');
            var name = equals <= 0 ? string.Empty : setting.Substring(0, equals).Trim().ToLowerInvariant();
            var value = equals <= 0 ? string.Empty : setting.Substring(equals + 1);
            if (equals <= 0)
            {
                console.Error.WriteLine(TextEscaping.Line($"manifestlint: --limit: '{setting}' is not NAME=VALUE (names: {string.Join(", ", OptionCatalog.Limits.Select(l => l.Name))}, {OptionCatalog.MaxTotalBytes.Name})"));
                ok = false;
            }
            else if (name == OptionCatalog.MaxTotalBytes.Name)
            {
                // max_total_bytes is the run's, not a file's: only the command line sets it.
                values = OptionCatalog.MaxTotalBytes.ReadCommandLine(values, new[] { value }, error => Error(OptionCatalog.MaxTotalBytes.Flag!, error));
                maxTotalBytes = values.Get(OptionCatalog.MaxTotalBytes);
            }
            else if (OptionCatalog.Limits.FirstOrDefault(l => l.Name == name) is { } limit)
            {
                values = limit.ReadCommandLine(values, new[] { value }, error => Error(limit.Flag!, error));
            }
            else
            {
                // The engine's own message for a name it does not know.
                var unknown = ManifestLint.Yaml.YamlLimitSettings.None;
                console.Error.WriteLine(TextEscaping.Line($"manifestlint: --limit: {ManifestLint.Yaml.YamlLimitSettings.TrySet(ref unknown, name, value)}"));
                ok = false;
            }
        }

        if (!ok)
        {
            return false;
        }

        var configPath = parseResult.GetValue(_config);
        if (configPath is not null && !File.Exists(Path.Combine(console.WorkingDirectory, configPath)))
        {
            console.Error.WriteLine(TextEscaping.Line($"manifestlint: --config: {configPath}: no such file"));
            return false;
        }

        options = new LintOptions
        {
            Values = values,
            SetOnCommandLine = values.Options.ToImmutableHashSet(),
            SeverityOverrides = severities,
            Configuration = parseResult.GetValue(_noEditorConfig) && configPath is null
                ? null
                : new EditorConfigProvider(
                    RuleCatalog.Default,
                    console.WorkingDirectory,
                    configPath is null ? null : Path.GetFullPath(Path.Combine(console.WorkingDirectory, configPath)),
                    discoverEditorConfig: !parseResult.GetValue(_noEditorConfig),
                    strict: parseResult.GetValue(_strict)),
        };
        return true;
    }
}
