using ManifestLint.Cli;
using ManifestLint.Model;
using ManifestLint.Model.Knowledge;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// The knowledge table (src/ManifestLint/Model/Knowledge/known-objects.yaml) and the users' own producers files:
/// the engine's table loads and cites a source for every entry, the path language reaches what it says, mistakes in
/// a user's file are reported with their line, and the user's producers satisfy references on the command line and
/// through .editorconfig.
/// </summary>
public sealed class KnowledgeTableTests : IDisposable
{
    private const string Consumer = """
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          containers:
          - name: app
            image: example/app
            env:
            - name: TOKEN
              valueFrom: {secretKeyRef: {name: app-vault-token, key: token}}
            - name: OTHER
              valueFrom: {secretKeyRef: {name: app-vault-token, key: other}}
        ---
        apiVersion: vault.example.io/v1
        kind: VaultToken
        metadata: {name: app}
        spec: {role: reader}
        """;

    private const string Producers = """
        producers:
          - kind: VaultToken
            group: vault.example.io
            source: our platform's vault operator
            makes:
              - kind: Secret
                name: "{metadata.name}-vault-token"
                keys: [token]
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ml-knowledge-" + Guid.NewGuid().ToString("N"));

    public KnowledgeTableTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_engines_table_loads_and_every_entry_cites_its_source()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ManifestLint", "Model", "Knowledge", "known-objects.yaml"));
        var errors = new List<KnowledgeFileError>();
        KnowledgeTable.Parse("known-objects.yaml", text, errors);
        Assert.Empty(errors);
        Assert.NotEmpty(KnowledgeTable.Default.Implicit);
        Assert.True(KnowledgeTable.Default.HasProducers("cert-manager.io", "Certificate"));
        Assert.True(KnowledgeTable.Default.IsKnownGroup("monitoring.coreos.com"));
        var sources = text.Split('\n').Count(l => l.TrimStart().StartsWith("source:", StringComparison.Ordinal));
        var entries = text.Split('\n').Count(l => l.StartsWith("  - kind:", StringComparison.Ordinal));
        Assert.Equal(entries, sources);
    }

    [Theory]
    [InlineData("spec.tls[].secretName", "a,b")]
    [InlineData("metadata.annotations.\"cert-manager.io/issuer\"", "ca")]
    [InlineData("spec.replicas.*.template", "x,y")]
    [InlineData("spec.data.@keys", "k1,k2")]
    [InlineData("spec.missing.field", "")]
    public void Field_paths_reach_what_they_say(string path, string expected)
    {
        var document = ManifestLint.Yaml.YamlStreamReader.Read("""
            metadata:
              annotations: {cert-manager.io/issuer: ca}
            spec:
              tls: [{secretName: a}, {secretName: b}, {hosts: [h]}]
              replicas: {Master: {template: x}, Worker: {template: y}}
              data: {k1: v, k2: v}
            """).Documents[0];
        var values = FieldPath.Parse(path).Strings(document.Root!).Select(s => s.Value);
        Assert.Equal(expected, string.Join(",", values));
    }

    [Fact]
    public void Mistakes_in_a_users_file_are_reported_with_their_line_and_the_good_entries_still_count()
    {
        var errors = new List<KnowledgeFileError>();
        var table = KnowledgeTable.Parse("mine.yaml", """
            producers:
              - kind: Broken
                group: example.io
                makes:
                  - kind: Deployment
                    name: x
              - kind: BadPath
                group: example.io
                makes:
                  - kind: Secret
                    name: "{spec.[oops}"
              - kind: Good
                group: example.io
                makes:
                  - kind: Secret
                    name: "{metadata.name}-creds"
            """, errors);
        Assert.Equal(new[] { 5, 10 }, errors.Select(e => e.Line).ToArray());
        Assert.Contains("Secret or ConfigMap", errors[0].Message, StringComparison.Ordinal);
        Assert.True(table.HasProducers("example.io", "Good"));
        Assert.False(table.HasProducers("example.io", "Broken"));
    }

    [Fact]
    public void A_producers_file_on_the_command_line_satisfies_references_and_checks_keys()
    {
        File.WriteAllText(Path.Combine(_folder, "app.yaml"), Consumer);
        File.WriteAllText(Path.Combine(_folder, "producers.yaml.txt"), Producers);

        var without = CliRun.In(_folder, ".", "--no-editorconfig");
        Assert.Contains("ML1002", without.Out, StringComparison.Ordinal);

        var with = CliRun.In(_folder, ".", "--no-editorconfig", "--producers", "producers.yaml.txt");
        Assert.DoesNotContain("ML1002", with.Out, StringComparison.Ordinal);
        var line = Assert.Single(with.OutLines);
        Assert.Contains("ML1003", line, StringComparison.Ordinal);
        Assert.Contains("no key 'other'", line, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Findings, with.ExitCode);
    }

    [Fact]
    public void A_producers_file_named_in_editorconfig_is_read_relative_to_it_and_its_mistakes_are_warnings()
    {
        File.WriteAllText(Path.Combine(_folder, "app.yaml"), Consumer);
        Directory.CreateDirectory(Path.Combine(_folder, "platform"));
        File.WriteAllText(Path.Combine(_folder, "platform", "producers.txt"), Producers + "\n  - kind: Bad\n    group: x.io\n    makes: []\n");
        File.WriteAllText(Path.Combine(_folder, ".editorconfig"), "root = true\n\n[*]\nmanifestlint.producers = platform/producers.txt\n");

        var run = CliRun.In(_folder, ".");
        Assert.DoesNotContain("ML1002", run.Out, StringComparison.Ordinal);
        Assert.Contains("no key 'other'", run.Out, StringComparison.Ordinal);
        Assert.Contains("producers.txt(9): warning: producer Bad makes nothing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readmes_producers_example_is_a_valid_knowledge_file()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme.Substring(readme.IndexOf("## What counts as existing", StringComparison.Ordinal));
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = section.Substring(start, section.IndexOf("```", start, StringComparison.Ordinal) - start);
        var errors = new List<KnowledgeFileError>();
        var table = KnowledgeTable.Parse("README.md", example, errors);
        Assert.Empty(errors);
        Assert.True(table.HasProducers("vault.example.io", "VaultToken"));
        Assert.NotNull(table.PodSpecPaths("batch.example.io", "BatchRun"));
    }

    [Fact]
    public void Produced_objects_name_their_producer_in_the_graph()
    {
        var set = TestLinter.LintText("""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: shop}
            spec: {secretName: web-tls}
            """).Set;
        var made = Assert.Single(set.Graph.Find(ConfigKind.Secret, "shop", "web-tls")!.Definitions);
        Assert.Equal(ConfigOrigin.Producer, made.Origin);
        Assert.Equal("Secret shop/web-tls (made by Certificate shop/web)", made.DisplayName);
        Assert.Equal(4, made.NameRange!.Value.Start.Line);
        Assert.Null(set.Graph.Find(ConfigKind.Secret, "default", "web-tls"));
    }
}
