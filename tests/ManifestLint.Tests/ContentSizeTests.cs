using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Yaml;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// The size limits of ConfigMaps and Secrets (ML2002) and of client-side apply's annotation (ML2003) at their exact
/// boundaries, built in memory (a 1 MiB fixture file would bloat the repository), and the base64 decoder behind
/// ML2002 and ML2005 against the outcomes of Go's decoder (docs/kubernetes-behaviour.md#size-limits,
/// #binarydata-base64).
/// </summary>
public sealed class ContentSizeTests
{
    private const int MiB = 1024 * 1024;

    private static readonly LintOptions Options = LintOptions.Default;

    [Fact]
    public void Data_of_exactly_one_mebibyte_passes_and_one_byte_more_fails()
    {
        // Long keys are not counted (vector 17): four keys of 200 characters, four values of 262,144 bytes.
        var keys = Enumerable.Range(0, 4).Select(i => new string((char)('a' + i), 200)).ToArray();
        string Manifest(int extra) => ConfigMap("data", keys.Select((k, i) => (k, new string('x', (MiB / 4) + (i == 0 ? extra : 0)))));

        Assert.Empty(TestLinter.LintText(Manifest(0), Options).OfRule("ML2002"));
        var finding = Assert.Single(TestLinter.LintText(Manifest(1), Options).OfRule("ML2002"));
        Assert.Contains("1,048,577 bytes", finding.Message(), StringComparison.Ordinal);
        Assert.Equal(4, finding.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void Data_is_measured_in_utf8_bytes()
    {
        // 'é' is two bytes in UTF-8: 524,288 of them are exactly 1 MiB.
        Assert.Empty(TestLinter.LintText(ConfigMap("data", new[] { ("k", new string('é', MiB / 2)) }), Options).OfRule("ML2002"));
        Assert.Single(TestLinter.LintText(ConfigMap("data", new[] { ("k", new string('é', MiB / 2) + "a") }), Options).OfRule("ML2002"));
    }

    [Fact]
    public void BinaryData_counts_its_decoded_bytes_not_its_base64_text()
    {
        // Vector 19: 1.4 MB of base64 text (a literal block split over lines) that decodes to exactly 1 MiB passes.
        var exact = LiteralBase64(new byte[MiB]);
        Assert.True(exact.Length > 1_398_000);
        Assert.Empty(TestLinter.LintText(ConfigMap("binaryData", new[] { ("blob", exact) }), Options).OfRule("ML2002"));

        var over = LiteralBase64(new byte[MiB + 1]);
        var finding = Assert.Single(TestLinter.LintText(ConfigMap("binaryData", new[] { ("blob", over) }), Options).OfRule("ML2002"));
        Assert.Contains("1,048,577 bytes", finding.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_and_binaryData_add_up()
    {
        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mixed\ndata:\n  text: {new string('x', MiB - 1)}\nbinaryData:\n  one: YQ==\n";
        Assert.Empty(TestLinter.LintText(yaml, Options).OfRule("ML2002"));
        Assert.Single(TestLinter.LintText(yaml.Replace("YQ==", "YWI=", StringComparison.Ordinal), Options).OfRule("ML2002"));
    }

    [Fact]
    public void Annotation_budget_of_exactly_262144_bytes_passes_and_one_more_fails()
    {
        // What kubectl stores: the compact JSON of the object with "annotations":{} and the default namespace
        // filled in, a trailing newline, under a 48-byte key.
        const string prefix = "{\"apiVersion\":\"v1\",\"data\":{\"k\":\"";
        const string suffix = "\"},\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{},\"name\":\"big\",\"namespace\":\"default\"}}";
        Assert.Equal(48, ClientSideApplySize.LastAppliedAnnotation.Length);
        var fitting = 262_144 - 48 - 1 - prefix.Length - suffix.Length;
        string Manifest(int length) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: {new string('x', length)}\n";

        var obj = Single(Manifest(fitting));
        Assert.Equal(262_144, ClientSideApplySize.Of(obj).TotalAnnotationBytes);
        Assert.Empty(TestLinter.LintText(Manifest(fitting), Options).OfRule("ML2003"));
        var finding = Assert.Single(TestLinter.LintText(Manifest(fitting + 1), Options).OfRule("ML2003"));
        Assert.Contains("262,145 bytes of annotations", finding.Message(), StringComparison.Ordinal);
        Assert.Equal(4, finding.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void Own_annotations_count_twice_and_an_old_last_applied_annotation_not_at_all()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: prod\n  annotations:\n" +
                   "    owner: team-a\n    kubectl.kubernetes.io/last-applied-configuration: '{\"old\":true}'\ndata:\n  k: v\n";
        var json = "{\"apiVersion\":\"v1\",\"data\":{\"k\":\"v\"},\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{\"owner\":\"team-a\"},\"name\":\"cfg\",\"namespace\":\"prod\"}}";
        var size = ClientSideApplySize.Of(Single(yaml));
        Assert.Equal(json.Length + 1, size.LastAppliedValueBytes);
        Assert.Equal("owner".Length + "team-a".Length, size.OtherAnnotationBytes);
        Assert.Equal(size.OtherAnnotationBytes + 48 + json.Length + 1, size.TotalAnnotationBytes);
    }

    [Fact]
    public void Cluster_scoped_kinds_get_no_namespace()
    {
        var yaml = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n";
        var json = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\",\"metadata\":{\"annotations\":{},\"name\":\"widgets.example.com\"},\"spec\":{\"group\":\"example.com\"}}";
        Assert.Equal(json.Length + 1, ClientSideApplySize.Of(Single(yaml)).LastAppliedValueBytes);
    }

    [Fact]
    public void Json_size_follows_kubernetes_yaml_and_go_escaping()
    {
        // YAML 1.1 values (0644 is 420, yes is true, 1.10 is 1.1, ~ is null, a timestamp stays a string),
        // Go's HTML-safe escapes (<, >, & become \u003c...), multi-byte UTF-8, the last of duplicate keys,
        // merge keys and aliases.
        var yaml = """
            apiVersion: v1
            kind: Widget
            metadata:
              name: w
              namespace: ns
            spec:
              mode: 0644
              on: yes
              version: 1.10
              nothing: ~
              when: 2024-01-01
              html: "<b>&</b>"
              text: |
                line one
                line "two"
              unicode: "é😀"
              dup: first
              dup: second
              base: &base {a: 1}
              merged:
                <<: *base
                b: 2
              again: *base
            """;
        var json = "{\"apiVersion\":\"v1\",\"kind\":\"Widget\",\"metadata\":{\"annotations\":{},\"name\":\"w\",\"namespace\":\"ns\"},\"spec\":{" +
                   "\"mode\":420,\"true\":true,\"version\":1.1,\"nothing\":null,\"when\":\"2024-01-01\"," +
                   "\"html\":\"\\u003cb\\u003e\\u0026\\u003c/b\\u003e\",\"text\":\"line one\\nline \\\"two\\\"\\n\"," +
                   "\"unicode\":\"é😀\",\"dup\":\"second\",\"base\":{\"a\":1},\"merged\":{\"a\":1,\"b\":2},\"again\":{\"a\":1}}}";
        Assert.Equal(Encoding.UTF8.GetByteCount(json) + 1, ClientSideApplySize.Of(Single(yaml)).LastAppliedValueBytes);
    }

    [Fact]
    public void Aliases_are_measured_once_however_often_they_repeat()
    {
        // Fifteen levels of lists that repeat the level below twice: 65,536 copies of "x" in the JSON, measured
        // with one walk of each level. Size of level k: 6 * 2^k - 3 bytes.
        var builder = new StringBuilder("apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: ns\nspec:\n  l0: &l0 x\n");
        for (var level = 1; level <= 16; level++)
        {
            builder.Append($"  l{level}: &l{level} [*l{level - 1}, *l{level - 1}]\n");
        }

        var obj = Single(builder.ToString());
        var spec = 2 + 16; // braces and commas of 17 members
        for (var level = 0; level <= 16; level++)
        {
            spec += $"\"l{level}\":".Length + (6 * (1 << level)) - 3;
        }

        var envelope = "{\"apiVersion\":\"v1\",\"kind\":\"Widget\",\"metadata\":{\"annotations\":{},\"name\":\"w\",\"namespace\":\"ns\"},\"spec\":}".Length;
        Assert.Equal(envelope + spec + 1, ClientSideApplySize.Of(obj).LastAppliedValueBytes);
    }

    [Theory]
    [InlineData("", 0, -1)]
    [InlineData("YQ==", 1, -1)]
    [InlineData("YWI=", 2, -1)]
    [InlineData("aGVsbG8=", 5, -1)]
    [InlineData("aGVs\nbG8=\n", 5, -1)]
    [InlineData("aGVsbG\r\n8=", 5, -1)]
    [InlineData("YQ=\n=", 1, -1)]
    [InlineData("aGVsbG8", 3, 4)]
    [InlineData("-_8=", 0, 0)]
    [InlineData("YQ", 0, 0)]
    [InlineData("Y===", 0, 1)]
    [InlineData("YQ==YQ==", 1, 4)]
    [InlineData("aGVs bG8=", 3, 4)]
    [InlineData("aGVsbG8=\n!", 5, 9)]
    public void Base64_is_decoded_like_go(string text, long decodedLength, int errorOffset)
    {
        var check = StandardBase64.Check(text);
        Assert.Equal(errorOffset, check.ErrorOffset);
        if (errorOffset < 0)
        {
            Assert.Equal(decodedLength, check.DecodedLength);
            Assert.Equal(Convert.FromBase64String(text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal)).Length, decodedLength);
        }
    }

    [Fact]
    public void A_plain_or_quoted_value_continued_on_the_next_line_is_joined_with_a_space()
    {
        // A plain scalar over two lines folds into "aGVs bG8=": the space is illegal for the API (a literal
        // block keeps the line break, which the decoder skips).
        // A double-quoted value folds the same way.
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nbinaryData:\n  f: aGVs\n    bG8=\n  g: |\n    aGVs\n    bG8=\n  h: \"aGVs\n    bG8=\"\n";
        var findings = TestLinter.LintText(yaml, Options).OfRule("ML2005").ToArray();
        Assert.Equal(new[] { 6, 11 }, findings.Select(f => f.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(findings, f => Assert.Contains("input byte 4", f.Message(), StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Contains("literal block", f.Message(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII, with [brackets] {braces} and 100% of ~`|^ punctuation")]
    [InlineData("say \"hi\" \\ back")]
    [InlineData("<b>&amp;</b>")]
    [InlineData("caf\u00e9 \u4e2d \ud83d\ude00 \u2028\u2029")]
    [InlineData("tab\tnewline\nbell\u0007del\u007f")]
    public void Quoted_json_length_without_building_the_string_matches_the_string(string value)
    {
        // The ASCII fast path and the per-character loop both have to agree with the escaped text itself.
        Assert.Equal(Encoding.UTF8.GetByteCount(JsonText.Quote(value)), JsonText.QuotedUtf8Length(value));
    }

    [Theory]
    [InlineData("data:\n  html: <<<<<<<<>>>>>>>>&&&&&&&&\n")]
    [InlineData("data:\n  y: y\n  n:\n  on: ~\n  0o17: 1e5\n  .5: 0x_ff\n")]
    [InlineData("data:\n  k: \"\\x01\\x02\\u2028\\U0001F600\\t\\n\"\n")]
    [InlineData("data:\n  k: \"\\u2028\\u2029\u00e9\u4e2d\"\n  l: [a, b, {c: d}, [], {}]\n")]
    [InlineData("data:\n  big: 1_000_000_000_000_000_000\n  neg: -0b1\n  f: 1e300\n")]
    public void The_quick_size_bound_is_never_below_the_measured_size(string body)
    {
        // ML2003 measures an object only when this bound cannot rule it out; a bound below the real size would hide
        // findings. Escapes and resolved values are where JSON outgrows the YAML text most.
        var obj = Single("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  annotations: {a: \"<>\"}\n" + body);
        Assert.True(ClientSideApplySize.UpperBound(obj) >= ClientSideApplySize.Of(obj).TotalAnnotationBytes);
    }

    [Fact]
    public void The_quick_size_bound_holds_on_every_corpus_object()
    {
        var result = TestLinter.LintPaths(new[] { RepositoryPaths.Corpus }, Options, RepositoryPaths.Corpus);
        var bounded = 0;
        foreach (var obj in result.Set.Objects)
        {
            var bound = ClientSideApplySize.UpperBound(obj);
            if (bound != long.MaxValue)
            {
                bounded++;
                Assert.True(bound >= ClientSideApplySize.Of(obj).TotalAnnotationBytes, obj.DisplayName);
            }
        }

        Assert.True(bounded > 1000, $"only {bounded} objects without aliases");
    }

    private static KubeObject Single(string yaml)
    {
        var result = TestLinter.LintText(yaml, Options);
        return Assert.Single(result.Set.Objects);
    }

    private static string ConfigMap(string field, IEnumerable<(string Key, string Value)> entries)
    {
        var builder = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sized\n").Append(field).Append(":\n");
        foreach (var (key, value) in entries)
        {
            builder.Append("  ").Append(key).Append(": ");
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                builder.Append("|\n");
                foreach (var line in value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    builder.Append("    ").Append(line).Append('\n');
                }
            }
            else
            {
                builder.Append(value).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>Base64 with a line break every 76 characters, as <c>base64</c> writes it.</summary>
    private static string LiteralBase64(byte[] bytes) => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
