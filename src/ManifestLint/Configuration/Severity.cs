using Microsoft.CodeAnalysis;

namespace ManifestLint.Configuration;

/// <summary>
/// The one vocabulary of severity words, for every place a user writes one: <c>--severity ID=LEVEL</c>,
/// <c>--fail-level</c>, <c>dotnet_diagnostic.ID.severity</c> and <c>dotnet_analyzer_diagnostic.*.severity</c> in
/// .editorconfig. Roslyn's words (error, warning, suggestion, silent, refactoring, none, default) and the tool's own
/// (note, info, warn, hidden) are accepted everywhere, case-insensitively; what the tool prints is <see cref="Name"/>.
/// A word reads as Roslyn's <see cref="ReportDiagnostic"/> setting; <see cref="Effective(DiagnosticDescriptor, ReportDiagnostic?)"/>
/// says what a setting does to a rule's findings.
/// </summary>
public static class Severity
{
    private static readonly (string Word, ReportDiagnostic Value, bool Roslyn)[] Vocabulary =
    {
        ("error", ReportDiagnostic.Error, true),
        ("warning", ReportDiagnostic.Warn, true),
        ("warn", ReportDiagnostic.Warn, false),
        ("note", ReportDiagnostic.Info, false),
        ("suggestion", ReportDiagnostic.Info, true),
        ("info", ReportDiagnostic.Info, false),
        ("silent", ReportDiagnostic.Hidden, true),
        ("hidden", ReportDiagnostic.Hidden, false),
        ("refactoring", ReportDiagnostic.Hidden, true),
        ("none", ReportDiagnostic.Suppress, true),
        ("default", ReportDiagnostic.Default, true),
    };

    /// <summary>Every accepted word, lower case, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Words { get; } = Vocabulary.Select(v => v.Word).ToArray();

    /// <summary>What an error message offers: the words most people write.</summary>
    public const string Usage = "error, warning, note (or suggestion), silent, none or default";

    /// <summary>Reads a severity word (any of <see cref="Words"/>, any case, surrounding blanks ignored).</summary>
    public static bool TryParse(string? text, out ReportDiagnostic value)
    {
        var word = (text ?? string.Empty).Trim();
        foreach (var entry in Vocabulary)
        {
            if (string.Equals(entry.Word, word, StringComparison.OrdinalIgnoreCase))
            {
                value = entry.Value;
                return true;
            }
        }

        value = ReportDiagnostic.Default;
        return false;
    }

    /// <summary>Why <paramref name="text"/> is not a severity, or null when it is one.</summary>
    public static string? Check(string? text) =>
        TryParse(text, out _) ? null : $"'{text?.Trim()}' is not a severity: use {Usage}";

    /// <summary>
    /// The word Roslyn's .editorconfig parser knows for <paramref name="text"/>, when it is one of the tool's own words
    /// (<c>note</c> becomes <c>suggestion</c>); null when the text is already Roslyn's or no severity at all.
    /// </summary>
    public static string? RoslynWordFor(string text)
    {
        var word = text.Trim();
        foreach (var entry in Vocabulary)
        {
            if (!entry.Roslyn && string.Equals(entry.Word, word, StringComparison.OrdinalIgnoreCase))
            {
                return Vocabulary.First(v => v.Roslyn && v.Value == entry.Value).Word;
            }
        }

        return null;
    }

    /// <summary>The word the tool prints for a reported severity: error, warning, note.</summary>
    public static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "hidden",
    };

    /// <summary>
    /// The lowest severity a word admits as a threshold (<c>--fail-level</c>): null for <c>none</c> (nothing
    /// reaches it), <see cref="DiagnosticSeverity.Error"/> for <c>default</c> (the flag's default).
    /// </summary>
    public static DiagnosticSeverity? Threshold(ReportDiagnostic value) => value switch
    {
        ReportDiagnostic.Suppress => null,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
        _ => DiagnosticSeverity.Error,
    };
    /// <summary>The setting that shows a finding with <paramref name="severity"/> (a rule's default severity as a setting).</summary>
    public static ReportDiagnostic Setting(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ReportDiagnostic.Error,
        DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
        DiagnosticSeverity.Info => ReportDiagnostic.Info,
        _ => ReportDiagnostic.Hidden,
    };

    /// <summary>The severity a finding of <paramref name="descriptor"/> is shown with, or null when it is not shown at all.</summary>
    public static DiagnosticSeverity? Effective(DiagnosticDescriptor descriptor, ReportDiagnostic? configured) =>
        configured switch
        {
            null or ReportDiagnostic.Default => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null,
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            _ => null,
        };

    /// <summary>
    /// The severity a reported finding is shown with, or null when it is not shown. As in Roslyn, a finding the rule
    /// reported with its own effective severity keeps it unless the user configured a severity for the rule ID.
    /// </summary>
    public static DiagnosticSeverity? Effective(Diagnostic diagnostic, ReportDiagnostic? configured) =>
        configured is null or ReportDiagnostic.Default
            ? (diagnostic.Descriptor.IsEnabledByDefault ? diagnostic.Severity : null)
            : Effective(diagnostic.Descriptor, configured);
}
