using ManifestLint.Analysis;
using ManifestLint.Tests.Support;
using ManifestLint.Configuration;

namespace ManifestLint.Tests;

/// <summary>
/// One scenario, one consumer, five ways the Secret it reads comes to exist: every rule that follows a reference
/// must give the same answer about existence, keys and immutability, whatever made the Secret. Before the reference
/// graph, a kustomize generator's keys were known to ML1003 but not to the envFrom rules, and ML3004 told users to make
/// a hash-suffixed generator immutable.
/// </summary>
public sealed class ReferenceConsistencyTests : IDisposable
{
    /// <summary>The pod: reads key C (absent everywhere), overrides envFrom's A, expands $(A) and $(C), subPath-mounts A.</summary>
    private const string Consumer = """
        apiVersion: v1
        kind: Pod
        metadata: {name: consumer}
        spec:
          containers:
          - name: c
            image: example/app
            command: ["run", "$(A)", "$(C)"]
            envFrom:
            - secretRef: {name: app}
            env:
            - name: A
              value: overridden
            - name: READ_C
              valueFrom: {secretKeyRef: {name: app, key: C}}
            volumeMounts:
            - {name: conf, mountPath: /etc/app/a.conf, subPath: A}
          volumes:
          - name: conf
            secret: {secretName: app}
        """;

    private static readonly Dictionary<string, string> Sources = new()
    {
        ["manifest"] = """
            apiVersion: v1
            kind: Secret
            metadata: {name: app}
            stringData: {A: "1", B: "2"}
            """,
        ["generator"] = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [consumer.yaml]
            secretGenerator:
            - name: app
              literals: [A=1, B=2]
            """,
        ["producer"] = """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: app}
            spec:
              data:
              - {secretKey: A, remoteRef: {key: a}}
              - {secretKey: B, remoteRef: {key: b}}
            """,
        ["external"] = string.Empty,
        ["missing"] = string.Empty,
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ml-consistency-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    //          source       missing  key C  env A overrides  $(C) undefined  subPath never updated
    [InlineData("manifest",  false,   true,  true,            true,           true)]
    [InlineData("generator", false,   true,  true,            true,           false)]
    [InlineData("producer",  false,   true,  true,            true,           true)]
    [InlineData("external",  false,   false, false,           false,          true)]
    [InlineData("missing",   true,    false, false,           false,          true)]
    public void Every_rule_gives_the_same_answer_whatever_made_the_secret(
        string source, bool missing, bool keyMissing, bool overridesEnvFrom, bool undefinedVariable, bool neverUpdated)
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "consumer.yaml"), Consumer);
        var sourceFile = source == "generator" ? "kustomization.yaml" : "source.yaml";
        File.WriteAllText(Path.Combine(_folder, sourceFile), Sources[source]);
        var options = source == "external" ? LintOptions.Default.With(OptionCatalog.ExternalObjects, new ExternalObjects(new[] { "secret/app" })) : LintOptions.Default;

        var result = TestLinter.LintPaths(new[] { _folder }, options);

        Assert.Empty(result.InternalErrors);
        Assert.Equal(missing, result.OfRule("ML1002").Any() && result.OfRule("ML1001").Any());
        Assert.Equal(keyMissing, result.OfRule("ML1003").Any(d => d.Message().Contains("'C'", StringComparison.Ordinal)));
        Assert.Equal(overridesEnvFrom, result.OfRule("ML4003").Any());
        Assert.Equal(undefinedVariable, result.OfRule("ML4007").Any(d => d.Message().Contains("refers to $(C)", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.OfRule("ML4007"), d => d.Message().Contains("refers to $(A)", StringComparison.Ordinal));
        Assert.Equal(neverUpdated, result.OfRule("ML3004").Any());
        Assert.All(result.OfRule("ML3004"), d => Assert.Contains("immutable", d.Message(), StringComparison.Ordinal));
    }
}
