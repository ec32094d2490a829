using System.Text.Json.Nodes;
using Json.Schema;

namespace ManifestLint.Tests.Support;

/// <summary>The official SARIF 2.1.0 schema (shipped in Sarif.Sdk's Schemata folder), with a real validator.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemata", "sarif-2.1.0.json"))));

    /// <summary>The schema errors of <paramref name="sarif"/>, empty when it validates.</summary>
    public static IReadOnlyList<string> Errors(string sarif)
    {
        var result = Schema.Value.Evaluate(JsonNode.Parse(sarif), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return Array.Empty<string>();
        }

        return (result.Details ?? Array.Empty<EvaluationResults>())
            .Where(d => d.HasErrors && d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToArray();
    }

    public static void AssertValid(string sarif)
    {
        var errors = Errors(sarif);
        Assert.True(errors.Count == 0, "SARIF does not validate against the official schema:\n" + string.Join("\n", errors.Take(20)));
    }
}
