using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Cli.Output;

/// <summary>A JSON report for scripts: every finding with its region, object and related locations.</summary>
internal static class JsonReporter
{
    public static void Write(ReportContext report, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var result = report.Result;
            json.WriteStartObject();
            json.WriteString("tool", "manifestlint");
            json.WriteString("version", ToolVersion.Current);
            json.WriteStartArray("findings");
            foreach (var diagnostic in report.Shown)
            {
                WriteFinding(json, report, diagnostic);
            }

            json.WriteEndArray();
            json.WriteStartArray("suppressed");
            foreach (var suppressed in result.Suppressed)
            {
                WriteFinding(json, report, suppressed.Diagnostic, suppressed.Suppression);
            }

            json.WriteEndArray();
            json.WriteStartArray("configurationWarnings");
            foreach (var message in result.ConfigurationMessages)
            {
                json.WriteStartObject();
                json.WriteString("file", report.DisplayPath(message.Path));
                json.WriteNumber("line", message.Line);
                json.WriteString("message", message.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", result.Files.Count(f => !f.IsContext));
            json.WriteNumber("objects", result.Set.Objects.Count(o => !o.File.IsContext));
            json.WriteNumber("errors", result.Count(DiagnosticSeverity.Error));
            json.WriteNumber("warnings", result.Count(DiagnosticSeverity.Warning));
            json.WriteNumber("notes", result.Count(DiagnosticSeverity.Info));
            json.WriteStartArray("skipped");
            foreach (var file in result.Files.Where(f => f.Skipped && !f.IsContext))
            {
                json.WriteStartObject();
                json.WriteString("file", file.DisplayPath);
                json.WriteString("reason", file.SkipReason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WriteFinding(Utf8JsonWriter json, ReportContext report, Diagnostic diagnostic, SuppressionInfo? suppression = null)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        json.WriteString("severity", Configuration.Severity.Name(diagnostic.Severity));
        json.WriteString("message", ReportContext.Message(diagnostic));
        WriteLocation(json, report, diagnostic.Location);
        if (diagnostic.Properties.TryGetValue(Finding.ObjectProperty, out var obj) && obj is not null)
        {
            json.WriteString("object", obj);
        }

        if (diagnostic.Properties.TryGetValue(Linter.KustomizeBuildsProperty, out var builds) && builds is not null)
        {
            json.WriteStartArray("kustomizeBuilds");
            foreach (var build in builds.Split(','))
            {
                json.WriteStringValue(build);
            }

            json.WriteEndArray();
        }

        if (diagnostic.Properties.TryGetValue(Linter.HelmTemplateProperty, out var template) && template is not null)
        {
            json.WriteString("helmTemplate", template);
        }

        json.WriteString("helpUri", diagnostic.Descriptor.HelpLinkUri);
        if (suppression is not null)
        {
            json.WriteString("justification", suppression.Justification);
            json.WriteString("suppressedBy", suppression.Source);
        }

        if (diagnostic.AdditionalLocations.Count > 0)
        {
            json.WriteStartArray("related");
            for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
            {
                json.WriteStartObject();
                WriteLocation(json, report, diagnostic.AdditionalLocations[i]);
                json.WriteString("message", ReportContext.RelatedMessage(diagnostic, i));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, ReportContext report, Location location)
    {
        var (line, column, endLine, endColumn) = ReportContext.Region(location);
        json.WriteString("file", report.DisplayPath(location));
        json.WriteNumber("line", line);
        json.WriteNumber("column", column);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endColumn);
    }
}
