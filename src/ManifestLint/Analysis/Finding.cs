using System.Collections.Immutable;
using ManifestLint.Fixes;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ManifestLint.Text;

namespace ManifestLint.Analysis;

/// <summary>A second place that explains a finding (the ConfigMap that lacks a key, the first of two duplicates).</summary>
public readonly record struct RelatedLocation(SourceFile File, SourceRange Range, string Message)
{
    public RelatedLocation(SourceFile file, YamlNode node, string message)
        : this(file, node.Range, message)
    {
    }
}

/// <summary>
/// Builds Roslyn <see cref="Diagnostic"/>s located at YAML nodes. Everything a report needs beyond Roslyn's
/// model travels in the diagnostic's properties, so the same diagnostic serves the CLI and the analyzer.
/// </summary>
public static class Finding
{
    /// <summary>Property: the object the finding is about, <c>Deployment/default/web</c>.</summary>
    public const string ObjectProperty = "object";

    /// <summary>Property: the node's path within its object, <c>spec.template.spec.containers[app].image</c>.</summary>
    public const string YamlPathProperty = "yamlPath";

    /// <summary>Property prefix: <c>related.0</c> is the message of the first additional location.</summary>
    public const string RelatedMessagePrefix = "related.";

    public static Location LocationOf(SourceFile file, YamlNode node) => LocationOf(file, node.Range);

    public static Location LocationOf(SourceFile file, SourceRange range)
    {
        var start = range.Start;
        var end = range.End.Offset >= start.Offset ? range.End : start;
        if (!file.Contains(start) || !file.Contains(end) || end.Line < start.Line || (end.Line == start.Line && end.Column < start.Column))
        {
            // Both ends from their offsets, so that they agree with each other and with the file's lines.
            start = file.PositionAt(start.Offset);
            end = file.PositionAt(end.Offset);
        }

        if (end.Offset == start.Offset && start.Offset < file.Text.Length && file.Text[start.Offset] is not ('\n' or '\r'))
        {
            // A point (where a parser stopped) is shown as the character there, so that every region has a width.
            end = new SourcePosition(start.Line, start.Column + 1, start.Offset + 1);
        }

        var span = new TextSpan(start.Offset, end.Offset - start.Offset);
        var lines = new LinePositionSpan(
            new LinePosition(Math.Max(0, start.Line - 1), Math.Max(0, start.Column - 1)),
            new LinePosition(Math.Max(0, end.Line - 1), Math.Max(0, end.Column - 1)));
        return Location.Create(file.Path, span, lines);
    }

    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        SourceFile file,
        YamlNode node,
        KubeObject? obj,
        IReadOnlyList<RelatedLocation>? related,
        params object?[] messageArgs) =>
        Create(descriptor, null, file, node.Range, obj, related, messageArgs, obj is null ? null : YamlPath.Of(obj.Root, node));

    /// <summary>A finding with the exact fix its rule knows (see <see cref="FixHint"/>); a null hint means none.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        SourceFile file,
        YamlNode node,
        KubeObject? obj,
        IReadOnlyList<RelatedLocation>? related,
        FixHint? fix,
        params object?[] messageArgs) =>
        Create(descriptor, null, file, node.Range, obj, related, messageArgs, obj is null ? null : YamlPath.Of(obj.Root, node), fix);

    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        SourceFile file,
        SourceRange range,
        KubeObject? obj,
        IReadOnlyList<RelatedLocation>? related,
        params object?[] messageArgs) =>
        Create(descriptor, null, file, range, obj, related, messageArgs, null);

    /// <summary>
    /// A finding whose severity the rule chose for this case, like Roslyn's
    /// <c>Diagnostic.Create(descriptor, location, effectiveSeverity, ...)</c>: one rule ID whose catalog default is
    /// a warning can report the cases the API rejects as errors. A severity the user configures for the ID still wins.
    /// </summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        DiagnosticSeverity effectiveSeverity,
        SourceFile file,
        YamlNode node,
        KubeObject? obj,
        IReadOnlyList<RelatedLocation>? related,
        params object?[] messageArgs) =>
        Create(descriptor, (DiagnosticSeverity?)effectiveSeverity, file, node.Range, obj, related, messageArgs, obj is null ? null : YamlPath.Of(obj.Root, node));

    private static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        DiagnosticSeverity? effectiveSeverity,
        SourceFile file,
        SourceRange range,
        KubeObject? obj,
        IReadOnlyList<RelatedLocation>? related,
        object?[] messageArgs,
        string? yamlPath,
        FixHint? fix = null)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        fix?.AddTo(properties);
        if (obj is not null)
        {
            properties[ObjectProperty] = obj.Identity.ToString();
            if (yamlPath is not null)
            {
                properties[YamlPathProperty] = obj.Path.Length == 0 ? yamlPath : obj.Path + "." + yamlPath;
            }
        }

        var additional = new List<Location>();
        if (related is not null)
        {
            for (var i = 0; i < related.Count; i++)
            {
                additional.Add(LocationOf(related[i].File, related[i].Range));
                properties[RelatedMessagePrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = MessageText.Shorten(related[i].Message, MessageText.MaxArgumentLength);
            }
        }

        for (var i = 0; i < messageArgs.Length; i++)
        {
            if (messageArgs[i] is string { Length: > MessageText.MaxArgumentLength } text)
            {
                messageArgs[i] = MessageText.Shorten(text, MessageText.MaxArgumentLength);
            }
        }

        var location = LocationOf(file, range);
        return effectiveSeverity is { } severity
            ? Diagnostic.Create(descriptor, location, severity, additional, properties.ToImmutable(), messageArgs)
            : Diagnostic.Create(descriptor, location, additional, properties.ToImmutable(), messageArgs);
    }
}
