using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;
using ManifestLint.Engine;

namespace ManifestLint.Cli;

/// <summary>
/// <c>manifestlint rules</c>: every rule with its ID, title, category, default severity, state and help link (and, in
/// JSON, the precision and remediation the rule declares).
/// </summary>
internal sealed class RulesCommand
{
    private readonly Option<string> _format = new Option<string>("--format", "-f")
    {
        Description = "Output format.",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "markdown", "json");

    public RulesCommand()
    {
        Command = new Command("rules", "List the rules.");
        Command.Options.Add(_format);
    }

    public Command Command { get; }

    public int Execute(ParseResult parseResult, CliConsole console)
    {
        var descriptors = RuleCatalog.Default.Descriptors;
        var output = console.Out;
        switch (parseResult.GetValue(_format))
        {
            case "markdown":
                output.Write(RuleTable.Markdown(descriptors, linkPrefix: RuleDescriptor.HelpBaseUri));
                break;
            case "json":
                WriteJson(descriptors, output);
                break;
            default:
                foreach (var d in descriptors)
                {
                    output.WriteLine($"{d.Id}  {Configuration.Severity.Name(d.DefaultSeverity),-7}  {(d.IsEnabledByDefault ? "on " : "off")}  {d.Category,-11}  {d.Title}{Fix(d.Id)}  {d.HelpLinkUri}");
                }

                break;
        }

        return ExitCodes.Clean;
    }

    private static string Fix(string id) => RuleTable.FixText(id) is { Length: > 0 } fix ? $" (fix: {fix})" : string.Empty;

    private static void WriteJson(IReadOnlyList<DiagnosticDescriptor> descriptors, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var d in descriptors)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("title", d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("category", d.Category);
                json.WriteString("defaultSeverity", Configuration.Severity.Name(d.DefaultSeverity));
                json.WriteBoolean("enabledByDefault", d.IsEnabledByDefault);
                json.WriteString("helpUri", d.HelpLinkUri);
                json.WriteString("precision", RuleDescriptor.PrecisionOf(d));
                json.WriteString("remediation", RuleDescriptor.RemediationOf(d));
                if (RuleTable.FixText(d.Id) is { Length: > 0 } fix)
                {
                    json.WriteString("fix", fix);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
