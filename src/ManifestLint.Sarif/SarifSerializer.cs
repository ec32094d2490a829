using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManifestLint.Sarif;

/// <summary>
/// Writes a SARIF log with the SDK's serialization, indented. Sarif.Sdk omits values equal to the spec's
/// defaults (<c>level: warning</c>, <c>enabled: true</c>, <c>exitCode: 0</c>); GitHub and most viewers read
/// those defaults correctly, but rule configuration, result levels and the exit code are written out
/// explicitly so that no consumer has to know them.
/// </summary>
public static class SarifSerializer
{
    public static string Serialize(SarifLog log)
    {
        var json = JObject.Parse(JsonConvert.SerializeObject(log));
        var runs = (JArray?)json["runs"] ?? new JArray();
        for (var r = 0; r < runs.Count && r < log.Runs.Count; r++)
        {
            var rules = log.Runs[r].Tool?.Driver?.Rules ?? new List<ReportingDescriptor>();
            var jsonRules = runs[r].SelectToken("tool.driver.rules") as JArray ?? new JArray();
            for (var i = 0; i < rules.Count && i < jsonRules.Count; i++)
            {
                var configuration = rules[i].DefaultConfiguration ?? new ReportingConfiguration();
                var jsonRule = (JObject)jsonRules[i];
                var explicitConfiguration = new JObject
                {
                    ["level"] = LevelName(configuration.Level),
                    ["enabled"] = configuration.Enabled,
                };
                if (jsonRule["defaultConfiguration"] is JObject existing)
                {
                    existing.Merge(explicitConfiguration);
                }
                else
                {
                    var anchor = jsonRule.Property("helpUri") ?? jsonRule.Property("id")!;
                    anchor.AddAfterSelf(new JProperty("defaultConfiguration", explicitConfiguration));
                }
            }

            var invocations = log.Runs[r].Invocations ?? new List<Invocation>();
            var jsonInvocations = runs[r]["invocations"] as JArray ?? new JArray();
            for (var i = 0; i < invocations.Count && i < jsonInvocations.Count; i++)
            {
                // An exit code of 0 is the SDK's default and would be left out; a reader should not have to guess.
                ((JObject)jsonInvocations[i])["exitCode"] ??= invocations[i].ExitCode;
            }

            foreach (var result in runs[r]["results"] ?? new JArray())
            {
                if (result is JObject resultObject && resultObject["level"] is null)
                {
                    // Put "level" right after "ruleIndex", where the other levels are.
                    var anchor = resultObject.Property("ruleIndex") ?? resultObject.Property("ruleId");
                    if (anchor is not null)
                    {
                        anchor.AddAfterSelf(new JProperty("level", "warning"));
                    }
                    else
                    {
                        resultObject["level"] = "warning";
                    }
                }
            }
        }

        return json.ToString(Formatting.Indented) + "\n";
    }

    private static string LevelName(FailureLevel level) => level switch
    {
        FailureLevel.Error => "error",
        FailureLevel.Note => "note",
        FailureLevel.None => "none",
        _ => "warning",
    };
}
