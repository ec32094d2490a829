using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Cli.Output;

/// <summary>
/// GitLab's code quality report (<c>artifacts:reports:codequality</c>): a JSON array of issues with the fields GitLab
/// documents as required: <c>description</c>, <c>check_name</c>, <c>fingerprint</c>, <c>severity</c>,
/// <c>location.path</c> and <c>location.lines.begin</c>. GitLab shows one issue per fingerprint, so each is unique.
/// </summary>
internal static class GitLabReporter
{
    public static void Write(ReportContext report, TextWriter writer)
    {
        var project = report.Console.GetEnvironmentVariable("CI_PROJECT_DIR");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var diagnostic in report.Shown)
            {
                var (line, column, endLine, _) = ReportContext.Region(diagnostic.Location);
                var path = ReportPaths.Relative(report, diagnostic.Location.GetLineSpan().Path, project);
                var stable = FindingIdentity.StableFingerprint(diagnostic, path);
                seen[stable] = seen.TryGetValue(stable, out var count) ? count + 1 : 1;

                json.WriteStartObject();
                json.WriteString("description", $"{diagnostic.Id}: {ReportContext.Message(diagnostic)} (line {line}, column {column})");
                json.WriteString("check_name", diagnostic.Id);
                json.WriteString("fingerprint", count == 0 ? stable : Unique(stable, count));
                json.WriteString("severity", Severity(diagnostic.Severity));
                json.WriteStartObject("location");
                json.WriteString("path", path);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", line);
                json.WriteNumber("end", endLine);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    /// <summary>GitLab's scale: info, minor, major, critical, blocker. An error is what fails a deployment: critical.</summary>
    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "critical",
        DiagnosticSeverity.Warning => "major",
        DiagnosticSeverity.Info => "minor",
        _ => "info",
    };

    /// <summary>The n-th finding with one stable fingerprint (the same rule at one place twice) gets its own.</summary>
    private static string Unique(string stable, int occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stable + "#" + occurrence.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}
