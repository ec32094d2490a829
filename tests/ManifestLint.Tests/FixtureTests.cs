using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>Every rule fixture: the findings its markers state, at those lines, and no others.</summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Fixture.All())
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_produces_exactly_the_marked_findings(string name)
    {
        var fixture = Fixture.Named(name);
        var markers = fixture.Markers();
        var result = fixture.Lint();
        Assert.Empty(result.InternalErrors);

        var rulesInScope = new HashSet<string>(markers.Select(m => m.RuleId)) { fixture.RuleId };
        var actual = result.Diagnostics.Where(d => rulesInScope.Contains(d.Id)).ToList();
        var expected = markers.Select(m => (m.File, m.Line, m.RuleId)).OrderBy(x => x).ToList();
        var found = actual
            .Select(d => (File: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, RuleId: d.Id))
            .OrderBy(x => x)
            .ToList();

        var problems = new List<string>();
        if (!expected.SequenceEqual(found))
        {
            problems.Add("Expected (rule, line): " + string.Join(", ", expected.Select(e => $"{e.RuleId}@{e.Line}")));
            problems.Add("Actual   (rule, line): " + string.Join(", ", found.Select(e => $"{e.RuleId}@{e.Line}")));
        }

        foreach (var marker in markers.Where(m => m.MessageContains is not null))
        {
            var matching = actual.Where(d => d.Id == marker.RuleId && d.Location.GetLineSpan().Path == marker.File
                                             && d.Location.GetLineSpan().StartLinePosition.Line + 1 == marker.Line);
            if (!matching.Any(d => d.Message().Contains(marker.MessageContains!, StringComparison.Ordinal)))
            {
                problems.Add($"No {marker.RuleId} on line {marker.Line} has a message containing \"{marker.MessageContains}\".");
            }
        }

        foreach (var marker in markers.Where(m => m.Column is not null))
        {
            var columns = actual.Where(d => d.Id == marker.RuleId && d.Location.GetLineSpan().Path == marker.File
                                            && d.Location.GetLineSpan().StartLinePosition.Line + 1 == marker.Line)
                .Select(d => d.Location.GetLineSpan().StartLinePosition.Character + 1).ToList();
            if (!columns.Contains(marker.Column!.Value))
            {
                problems.Add($"No {marker.RuleId} on line {marker.Line} starts at column {marker.Column} (found: {string.Join(", ", columns)}).");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + fixture.Annotate(actual));
    }
}
