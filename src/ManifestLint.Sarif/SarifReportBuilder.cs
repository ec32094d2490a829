using System.Globalization;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Loading;
using Microsoft.CodeAnalysis.Sarif;
using ManifestLint.Engine;
using CodeAnalysis = Microsoft.CodeAnalysis;

namespace ManifestLint.Sarif;

/// <summary>
/// Builds one SARIF 2.1.0 run with Sarif.Sdk's object model: the driver with every rule of the catalog and its
/// help, and one result per finding with an exact region, related locations, the Kubernetes object as a
/// logical location, and fingerprints (GitHub's line hash and our stable one).
/// </summary>
public static class SarifReportBuilder
{
    public const string SourceRoot = "%SRCROOT%";
    public const string InformationUri = "https://github.com/manifestlint/manifestlint";
    private const int MaxFullDescription = 1024;

    public static SarifLog Build(LintResult result, RuleCatalog catalog, SarifReportOptions options)
    {
        var files = result.FilesByPath;
        var descriptors = catalog.Descriptors;
        var ruleIndex = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var root = Root(options.WorkingDirectory);
        var lineHashes = LineHashes(result);

        var results = new List<Result>(result.Findings.Count);
        for (var i = 0; i < result.Findings.Count; i++)
        {
            var finding = result.Findings[i];
            var sarif = ToResult(finding, ruleIndex[finding.Diagnostic.Id], files, root, lineHashes);
            if (options.Baseline is { } baseline)
            {
                sarif.BaselineState = baseline.IsNew[i] ? BaselineState.New : BaselineState.Unchanged;
            }

            results.Add(sarif);
        }

        foreach (var suppressed in result.Suppressed)
        {
            var sarif = ToResult(suppressed.Finding, ruleIndex[suppressed.Diagnostic.Id], files, root, lineHashes);
            sarif.Suppressions = new List<Suppression>
            {
                new() { Kind = SuppressionKind.InSource, Status = SuppressionStatus.Accepted, Justification = suppressed.Suppression.Justification },
            };
            results.Add(sarif);
        }

        if (options.Baseline is { } comparison)
        {
            foreach (var absent in comparison.Absent)
            {
                var copy = absent.DeepClone();
                copy.BaselineState = BaselineState.Absent;
                copy.RuleIndex = copy.RuleId is not null && ruleIndex.TryGetValue(copy.RuleId, out var index) ? index : -1;
                results.Add(copy);
            }
        }

        var capNotes = new List<Notification>();
        CapLocations(results, options, capNotes);
        foreach (var linked in results.Where(r => r.BaselineState != BaselineState.Absent))
        {
            LinkRelatedLocations(linked);
        }

        results = CapResults(results, options, capNotes);

        var run = new Run
        {
            Tool = new Tool { Driver = Driver(catalog, options.ToolVersion) },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
            {
                [SourceRoot] = new() { Uri = new Uri(root, UriKind.Absolute) },
            },
            Results = results,
            ColumnKind = ColumnKind.Utf16CodeUnits,
            Invocations = new List<Invocation> { Invocation(result, options, files, root, capNotes) },
        };

        if (!string.IsNullOrEmpty(options.Category))
        {
            run.AutomationDetails = new RunAutomationDetails { Id = options.Category!.EndsWith('/') ? options.Category : options.Category + "/" };
        }

        return new SarifLog
        {
            SchemaUri = new Uri("https://json.schemastore.org/sarif-2.1.0.json"),
            Version = SarifVersion.Current,
            Runs = new List<Run> { run },
        };
    }

    private static ToolComponent Driver(RuleCatalog catalog, string version)
    {
        var descriptors = catalog.Descriptors;
        var rules = new List<ReportingDescriptor>(descriptors.Count);
        foreach (var d in descriptors)
        {
            var title = d.Title.ToString(CultureInfo.InvariantCulture);
            var description = d.Description.ToString(CultureInfo.InvariantCulture);
            var rule = new ReportingDescriptor
            {
                Id = d.Id,
                Name = catalog.NameOf(d),
                ShortDescription = new MultiformatMessageString { Text = title },
                FullDescription = new MultiformatMessageString { Text = description.Length > MaxFullDescription ? description.Substring(0, MaxFullDescription - 1) + "…" : description },
                Help = new MultiformatMessageString
                {
                    Text = RuleHelp.Text(d.Id) ?? description,
                    Markdown = RuleHelp.Markdown(d.Id) ?? description,
                },
                HelpUri = new Uri(d.HelpLinkUri),
                DefaultConfiguration = new ReportingConfiguration { Level = Level(d.DefaultSeverity), Enabled = d.IsEnabledByDefault },
            };
            rule.SetProperty("tags", new[] { d.Category });
            rule.SetProperty("precision", RuleDescriptor.PrecisionOf(d));
            rules.Add(rule);
        }

        return new ToolComponent
        {
            Name = "ManifestLint",
            FullName = "ManifestLint " + version,
            Version = version,
            SemanticVersion = version,
            InformationUri = new Uri(InformationUri),
            Rules = rules,
        };
    }

    private static Result ToResult(
        LintFinding finding,
        int ruleIndex,
        IReadOnlyDictionary<string, SourceFile> files,
        string root,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> lineHashes)
    {
        var diagnostic = finding.Diagnostic;
        var span = diagnostic.Location.GetLineSpan();
        var file = finding.File;
        var displayPath = file?.DisplayPath ?? span.Path;
        var result = new Result
        {
            RuleId = diagnostic.Id,
            RuleIndex = ruleIndex,
            Level = Level(diagnostic.Severity),
            Message = new Message { Text = diagnostic.GetMessage(CultureInfo.InvariantCulture) },
            Locations = new List<Location> { ToLocation(diagnostic.Location, files, root, null) },
            PartialFingerprints = new Dictionary<string, string>
            {
                [FindingIdentity.FingerprintName] = FindingIdentity.StableFingerprint(diagnostic, displayPath),
            },
        };

        if (lineHashes.TryGetValue(span.Path, out var hashes) && hashes.TryGetValue(span.StartLinePosition.Line + 1, out var hash))
        {
            result.PartialFingerprints["primaryLocationLineHash"] = hash;
        }

        // Which kustomize builds a shared finding occurs in, and the Helm template of rendered output.
        if (diagnostic.Properties.TryGetValue(Linter.KustomizeBuildsProperty, out var builds) && builds is not null)
        {
            result.SetProperty("kustomizeBuilds", builds.Split(','));
        }

        if (diagnostic.Properties.TryGetValue(Linter.HelmTemplateProperty, out var template) && template is not null)
        {
            result.SetProperty("helmTemplate", template);
        }

        if (diagnostic.Properties.TryGetValue(Finding.ObjectProperty, out var obj) && obj is not null)
        {
            result.Locations[0].LogicalLocations = new List<LogicalLocation>
            {
                new() { FullyQualifiedName = obj, Name = obj.Substring(obj.LastIndexOf('/') + 1), Kind = "object" },
            };
        }

        if (file is not null && FixCatalog.Default.GetFix(diagnostic, file) is { } fix)
        {
            result.Fixes = new List<Fix> { ToFix(fix, file, span.Path, files, root) };
        }

        if (diagnostic.AdditionalLocations.Count > 0)
        {
            result.RelatedLocations = new List<Location>();
            for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
            {
                diagnostic.Properties.TryGetValue(Finding.RelatedMessagePrefix + i.ToString(CultureInfo.InvariantCulture), out var message);
                var related = ToLocation(diagnostic.AdditionalLocations[i], files, root, message ?? "Related location.");
                related.Id = i + 1;
                result.RelatedLocations.Add(related);
            }
        }

        return result;
    }

    /// <summary>A SARIF fix: the edits as replacements of regions of the original file, with the safety as a property.</summary>
    private static Fix ToFix(CodeFix fix, SourceFile file, string path, IReadOnlyDictionary<string, SourceFile> files, string root)
    {
        var replacements = new List<Replacement>(fix.Edits.Count);
        foreach (var edit in fix.Edits)
        {
            var start = file.PositionAt(edit.Start);
            var end = file.PositionAt(edit.End);
            replacements.Add(new Replacement
            {
                DeletedRegion = new Region { StartLine = start.Line, StartColumn = start.Column, EndLine = end.Line, EndColumn = end.Column },
                InsertedContent = new ArtifactContent { Text = edit.NewText },
            });
        }

        var safety = fix.Safety == FixSafety.Safe ? "safe" : "suggested";
        var sarif = new Fix
        {
            Description = new Message { Text = $"{fix.Description} ({safety}: {(fix.Safety == FixSafety.Safe ? "applied by --fix" : "applied by --fix-suggested")})." },
            ArtifactChanges = new List<ArtifactChange> { new() { ArtifactLocation = Artifact(path, files, root), Replacements = replacements } },
        };
        sarif.SetProperty("safety", safety);
        sarif.SetProperty("equivalenceKey", fix.EquivalenceKey);
        return sarif;
    }

    private static Location ToLocation(CodeAnalysis.Location location, IReadOnlyDictionary<string, SourceFile> files, string root, string? message)
    {
        var span = location.GetLineSpan();
        var start = span.StartLinePosition;
        var end = span.EndLinePosition;
        var endColumn = end.Character + 1;
        if (end.Line == start.Line && endColumn <= start.Character + 1)
        {
            endColumn = start.Character + 2;
        }

        return new Location
        {
            PhysicalLocation = new PhysicalLocation
            {
                ArtifactLocation = Artifact(span.Path, files, root),
                Region = new Region
                {
                    StartLine = start.Line + 1,
                    StartColumn = start.Character + 1,
                    EndLine = end.Line + 1,
                    EndColumn = endColumn,
                },
            },
            Message = message is null ? null : new Message { Text = message },
        };
    }

    /// <summary>Relative to <c>%SRCROOT%</c> when below the working directory, an absolute file URI otherwise.</summary>
    private static ArtifactLocation Artifact(string path, IReadOnlyDictionary<string, SourceFile> files, string root)
    {
        var full = files.TryGetValue(path, out var file) && Path.IsPathRooted(file.Path) ? file.Path : path;
        var rootPath = LocalPath(root);
        if (Path.IsPathRooted(full) && full.StartsWith(rootPath, StringComparison.Ordinal))
        {
            return new ArtifactLocation { Uri = new Uri(Escape(UriPath(full.Substring(rootPath.Length))), UriKind.Relative), UriBaseId = SourceRoot };
        }

        return Path.IsPathRooted(full)
            ? new ArtifactLocation { Uri = new Uri(FileUri(full), UriKind.Absolute) }
            : new ArtifactLocation { Uri = new Uri(Escape(UriPath(full)), UriKind.Relative), UriBaseId = SourceRoot };
    }

    private static string Escape(string relative) => string.Join("/", relative.Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// A path with this system's separators written as '/'. Only the separators: on Linux '\\' is an ordinary character
    /// of a file name (SARIF turned <c>a\\b.yaml</c> into <c>a/b.yaml</c>, another file), and is escaped as %5C.
    /// </summary>
    private static string UriPath(string path) =>
        Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/');

    /// <summary>The file URI of an absolute path; System.Uri would turn a Linux file name's '\\' into '/'.</summary>
    private static string FileUri(string full) =>
        Path.DirectorySeparatorChar == '/' ? "file://" + Escape(full) : new Uri(full).AbsoluteUri;

    private static string LocalPath(string fileUri) =>
        Path.DirectorySeparatorChar == '/' ? Uri.UnescapeDataString(new Uri(fileUri).AbsolutePath) : new Uri(fileUri).LocalPath;

    /// <summary>
    /// Makes the related locations clickable: GitHub shows them only when the message links them by id
    /// (<c>[ConfigMap default/app-config](1)</c>, SARIF 2.1.0 section 3.11.6). The object a related location names is linked
    /// where the message mentions it; otherwise the related location's own message is linked at the end. Brackets
    /// that are not links are escaped, as the format requires in a message with links.
    /// </summary>
    internal static void LinkRelatedLocations(Result result)
    {
        if (result.RelatedLocations is not { Count: > 0 } related || result.Message?.Text is not { } text)
        {
            return;
        }

        text = EscapeBrackets(text);
        var appended = new List<string>();
        foreach (var location in related)
        {
            var label = EscapeBrackets(location.Message?.Text ?? "related location").TrimEnd('.');
            var subject = Subject(label);
            var at = subject.Length > 0 ? UnlinkedIndexOf(text, subject) : -1;
            if (at >= 0)
            {
                text = text.Substring(0, at) + "[" + subject + "](" + location.Id.ToString(CultureInfo.InvariantCulture) + ")" + text.Substring(at + subject.Length);
            }
            else
            {
                appended.Add("[" + label + "](" + location.Id.ToString(CultureInfo.InvariantCulture) + ")");
            }
        }

        result.Message!.Text = appended.Count == 0 ? text : text.TrimEnd() + " See " + string.Join(", ", appended) + ".";
    }

    /// <summary>What a related location's message is about: "ConfigMap default/app-config" of "... is defined here".</summary>
    private static string Subject(string label)
    {
        var verb = label.IndexOf(" is ", StringComparison.Ordinal);
        return verb > 0 ? label.Substring(0, verb) : string.Empty;
    }

    /// <summary>The first occurrence of <paramref name="value"/> outside a link already made, or -1.</summary>
    private static int UnlinkedIndexOf(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            var open = text.LastIndexOf('[', at);
            var close = text.LastIndexOf(']', at);
            var insideLink = open >= 0 && open > close && (open == 0 || text[open - 1] != '\\');
            if (!insideLink)
            {
                return at;
            }
        }

        return -1;
    }

    private static string EscapeBrackets(string text) =>
        text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    /// <summary>Keeps the related locations of a result within GitHub's locations per result (the primary one counts).</summary>
    private static void CapLocations(List<Result> results, SarifReportOptions options, List<Notification> notes)
    {
        var room = Math.Max(0, options.MaxLocationsPerResult - 1);
        var capped = 0;
        var dropped = 0;
        foreach (var result in results)
        {
            if (result.RelatedLocations is { } related && related.Count > room)
            {
                capped++;
                dropped += related.Count - room;
                result.RelatedLocations = related.Take(room).ToList();
            }
        }

        if (capped > 0)
        {
            Tell(notes, options, $"{Count(dropped)} related locations were left out of {Count(capped)} results: GitHub code scanning accepts at most {Count(options.MaxLocationsPerResult)} locations per result; the first ones are kept");
        }
    }

    /// <summary>
    /// Keeps at most <see cref="SarifReportOptions.MaxResults"/> results (GitHub rejects a larger run): the most severe
    /// findings that count first, then suppressed ones, then those only the baseline had; kept in the report's order.
    /// </summary>
    private static List<Result> CapResults(List<Result> results, SarifReportOptions options, List<Notification> notes)
    {
        if (results.Count <= options.MaxResults)
        {
            return results;
        }

        static int Priority(Result r) =>
            (r.BaselineState == BaselineState.Absent ? 20 : r.Suppressions is { Count: > 0 } ? 10 : 0)
            + r.Level switch { FailureLevel.Error => 0, FailureLevel.Warning => 1, FailureLevel.Note => 2, _ => 3 };

        var order = Enumerable.Range(0, results.Count).OrderBy(i => Priority(results[i])).ThenBy(i => i).ToArray();
        var kept = order.Take(Math.Max(0, options.MaxResults)).OrderBy(i => i).Select(i => results[i]).ToList();
        var left = order.Skip(Math.Max(0, options.MaxResults)).Select(i => results[i]).ToArray();
        var what = string.Join(", ", left
            .GroupBy(r => (r.BaselineState == BaselineState.Absent ? "absent " : r.Suppressions is { Count: > 0 } ? "suppressed " : string.Empty) + LevelName(r.Level))
            .OrderBy(g => Priority(g.First()))
            .Select(g => $"{Count(g.Count())} {g.Key}"));
        var rules = string.Join(", ", left.GroupBy(r => r.RuleId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).Select(g => $"{g.Key} {Count(g.Count())}"));
        Tell(notes, options, $"{Count(left.Length)} of {Count(results.Count)} results were left out of this SARIF report ({what}; rules: {rules}): GitHub code scanning rejects a run with more than {Count(options.MaxResults)} results; the most severe are kept. The text, JSON and exit code include every finding");
        return kept;
    }

    private static void Tell(List<Notification> notes, SarifReportOptions options, string text)
    {
        notes.Add(new Notification { Level = FailureLevel.Warning, Message = new Message { Text = text + "." }});
        options.LeftOut?.Invoke(text);
    }

    private static string LevelName(FailureLevel level) => level switch
    {
        FailureLevel.Error => "errors",
        FailureLevel.Warning => "warnings",
        FailureLevel.Note => "notes",
        _ => "other",
    };

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static Invocation Invocation(LintResult result, SarifReportOptions options, IReadOnlyDictionary<string, SourceFile> files, string root, List<Notification> capNotes)
    {
        var notifications = new List<Notification>(capNotes);
        foreach (var error in result.InputErrors)
        {
            notifications.Add(new Notification { Level = FailureLevel.Error, Message = new Message { Text = $"{error.Path}: {error.Message}" } });
        }

        foreach (var file in result.Files.Where(f => f.ReadError is not null && f.IsContext == false && !result.InputErrors.Any(e => e.Path == f.DisplayPath)))
        {
            notifications.Add(new Notification { Level = FailureLevel.Warning, Message = new Message { Text = $"{file.DisplayPath}: cannot read the file: {file.ReadError}" } });
        }

        foreach (var file in result.Files.Where(f => f.IsSkippedWithoutFinding && f.ReadError is null && !f.IsContext))
        {
            notifications.Add(new Notification { Level = FailureLevel.Note, Message = new Message { Text = $"{file.DisplayPath}: skipped: {file.SkipReason}" } });
        }

        foreach (var error in result.InternalErrors)
        {
            notifications.Add(new Notification { Level = FailureLevel.Error, Message = new Message { Text = "internal error: " + error } });
        }

        var configuration = result.ConfigurationMessages.Select(m => new Notification
        {
            Level = FailureLevel.Warning,
            Message = new Message { Text = m.Message },
            Locations = new List<Location>
            {
                new()
                {
                    PhysicalLocation = new PhysicalLocation
                    {
                        ArtifactLocation = Artifact(m.Path, files, root),
                        Region = new Region { StartLine = Math.Max(1, m.Line) },
                    },
                },
            },
        }).ToList();

        return new Invocation
        {
            ToolConfigurationNotifications = configuration.Count > 0 ? configuration : null,
            ExecutionSuccessful = result.InternalErrors.Count == 0 && options.ExitCode is 0 or 1,
            ExitCode = options.ExitCode,
            Arguments = options.Arguments.Count > 0 ? options.Arguments.ToList() : null,
            WorkingDirectory = new ArtifactLocation { Uri = new Uri(root, UriKind.Absolute) },
            ToolExecutionNotifications = notifications.Count > 0 ? notifications : null,
        };
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> LineHashes(LintResult result)
    {
        var hashes = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        foreach (var group in result.Findings.Concat(result.Suppressed.Select(s => s.Finding)).GroupBy(f => f.Diagnostic.Location.GetLineSpan().Path))
        {
            if (group.First().File is { } file && file.Text.Length > 0)
            {
                var lines = new HashSet<int>(group.Select(f => f.Diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
                hashes[group.Key] = LineHash.Compute(file.HasByteOrderMark ? "\uFEFF" + file.Text : file.Text, lines);
            }
        }

        return hashes;
    }

    private static FailureLevel Level(CodeAnalysis.DiagnosticSeverity severity) => severity switch
    {
        CodeAnalysis.DiagnosticSeverity.Error => FailureLevel.Error,
        CodeAnalysis.DiagnosticSeverity.Warning => FailureLevel.Warning,
        CodeAnalysis.DiagnosticSeverity.Info => FailureLevel.Note,
        _ => FailureLevel.None,
    };

    private static string Root(string workingDirectory)
    {
        var full = Path.GetFullPath(workingDirectory);
        return FileUri(full.EndsWith(Path.DirectorySeparatorChar) ? full : full + Path.DirectorySeparatorChar);
    }
}
