using System.Globalization;
using System.Text;
using System.Xml;
using ManifestLint.Analysis;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Cli.Output;

/// <summary>
/// JUnit XML (the shape Jenkins, GitLab, Azure Pipelines and most CI test tabs read): one test suite, one test case
/// per linted file that has no finding, and one test case per finding, named by file, position and rule. A finding at
/// or above <c>--fail-level</c> is a <c>failure</c>; one below it is a passing case whose <c>system-out</c> says it, so
/// the test tab agrees with the exit code.
/// </summary>
internal static class JUnitReporter
{
    public static void Write(ReportContext report, TextWriter writer, string failLevel)
    {
        var cases = new List<(string ClassName, string Name, Diagnostic? Finding, bool Fails)>();
        var byFile = report.Shown.GroupBy(d => d.Location.GetLineSpan().Path).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var file in report.Result.Files.Where(f => !f.IsContext))
        {
            if (!byFile.Remove(file.Path, out var findings))
            {
                cases.Add((file.DisplayPath, file.DisplayPath, null, false));
                continue;
            }

            cases.AddRange(findings.Select(d => Case(d, file.DisplayPath, failLevel)));
        }

        // Findings about paths that are no linted file (a named path that could not be read).
        cases.AddRange(byFile.SelectMany(p => p.Value.Select(d => Case(d, report.DisplayPath(p.Key), failLevel))));

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false, CheckCharacters = true };
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), settings))
        {
            var failures = cases.Count(c => c.Fails).ToString(CultureInfo.InvariantCulture);
            var tests = cases.Count.ToString(CultureInfo.InvariantCulture);
            var time = report.Result.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "manifestlint");
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures);
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("time", time);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "manifestlint");
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures);
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("time", time);
            foreach (var (className, name, finding, fails) in cases)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Clean(className));
                xml.WriteAttributeString("name", Clean(name));
                xml.WriteAttributeString("time", "0");
                if (finding is not null)
                {
                    var detail = Clean(Detail(report, finding));
                    if (fails)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", Clean(ReportContext.Message(finding)));
                        xml.WriteAttributeString("type", finding.Id);
                        xml.WriteString(detail);
                        xml.WriteEndElement();
                    }
                    else
                    {
                        xml.WriteElementString("system-out", detail);
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal));
        writer.WriteLine();
    }

    private static (string, string, Diagnostic?, bool) Case(Diagnostic diagnostic, string path, string failLevel)
    {
        var (line, column, _, _) = ReportContext.Region(diagnostic.Location);
        return (path, $"{path}:{line}:{column} {diagnostic.Id}", diagnostic, FailLevel.Fails(failLevel, new[] { diagnostic }));
    }

    /// <summary>The finding as the text report prints it, with its related locations.</summary>
    private static string Detail(ReportContext report, Diagnostic diagnostic)
    {
        var (line, column, _, _) = ReportContext.Region(diagnostic.Location);
        var text = new StringBuilder()
            .Append(report.DisplayPath(diagnostic.Location)).Append('(').Append(line).Append(',').Append(column).Append("): ")
            .Append(Configuration.Severity.Name(diagnostic.Severity)).Append(' ').Append(diagnostic.Id).Append(": ").Append(ReportContext.Message(diagnostic));
        for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
        {
            var related = diagnostic.AdditionalLocations[i];
            var (relatedLine, relatedColumn, _, _) = ReportContext.Region(related);
            text.Append('\n').Append(report.DisplayPath(related)).Append('(').Append(relatedLine).Append(',').Append(relatedColumn).Append("): ")
                .Append(ReportContext.RelatedMessage(diagnostic, i) ?? "related location");
        }

        return text.ToString();
    }

    /// <summary>
    /// XML 1.0 cannot hold most control characters or a lone surrogate, and XmlWriter throws on them: a file name or
    /// key from a pull request must not crash the report, so they are written as <c>\uXXXX</c>.
    /// </summary>
    private static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsSurrogatePair(text, i) || (XmlConvert.IsXmlChar(c) && !(char.IsControl(c) && c is not '\n' and not '\t'));
            if (ok && char.IsHighSurrogate(c))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!ok && clean is null)
            {
                clean = new StringBuilder(text, 0, i, text.Length + 16);
            }

            if (!ok)
            {
                clean!.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                clean?.Append(c);
            }
        }

        return clean?.ToString() ?? text;
    }
}
