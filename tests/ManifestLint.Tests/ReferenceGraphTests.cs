using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests;

/// <summary>
/// LintedSet.Graph, the one model every rule asks: what each consumer sees of a ConfigMap or Secret, across
/// definitions, generators, producers, implicit objects and namespaces, and who reads it.
/// </summary>
public sealed class ReferenceGraphTests
{
    private const string Objects = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app}
        immutable: true
        data: {text: a}
        binaryData: {blob: AAEC}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app}
        immutable: true
        data: {other: b}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: team}
        data: {user: YQ==}
        stringData: {password: x}
        """;

    [Fact]
    public void Environment_sees_data_and_volumes_see_binary_data_too()
    {
        var set = TestLinter.LintText(Objects).Set;
        var app = set.Graph.Find(ConfigKind.ConfigMap, "default", "app")!;
        Assert.Equal(2, app.Definitions.Count);
        Assert.True(app.KeysKnown);
        Assert.True(app.Immutable);
        Assert.Equal(new[] { "text", "other" }, app.EnvironmentKeys);
        Assert.Equal(new[] { "text", "blob", "other" }, app.VolumeKeys);
        Assert.False(app.HasEnvironmentKey("blob"));
        Assert.True(app.HasVolumeKey("blob"));
    }

    [Fact]
    public void Secrets_expose_data_and_string_data_in_their_own_namespace_only()
    {
        var set = TestLinter.LintText(Objects).Set;
        Assert.Null(set.Graph.Find(ConfigKind.Secret, "default", "creds"));
        var creds = set.Graph.Find(ConfigKind.Secret, "team", "creds")!;
        Assert.Equal(new[] { "user", "password" }, creds.EnvironmentKeys);
        Assert.Equal("team", Assert.Single(set.Graph.FindInOtherNamespaces(ConfigKind.Secret, "default", "creds")).Namespace);
        Assert.Null(set.Graph.Find(ConfigKind.ConfigMap, "team", "creds"));
    }

    [Fact]
    public void Kustomize_generators_define_sources_visible_from_every_namespace()
    {
        var folder = Path.Combine(RepositoryPaths.Fixtures, "ML1003", "kustomize-generator");
        var set = TestLinter.LintPaths(new[] { folder }).Set;
        var generated = set.Graph.Find(ConfigKind.ConfigMap, "any-namespace", "app-config")!;
        Assert.All(generated.Definitions, d => Assert.True(d.IsGenerated));
        Assert.True(generated.KeysKnown);
        Assert.Equal(
            new[] { "LOG_LEVEL", "GREETING", "app.properties", "nginx.conf", "TIMEOUT", "RETRIES", "FEATURE_X" },
            generated.EnvironmentKeys);
    }

    [Fact]
    public void Objects_a_role_may_create_by_name_are_created_at_runtime()
    {
        var folder = Path.Combine(RepositoryPaths.Fixtures, "ML1002", "created-at-runtime");
        var set = TestLinter.LintPaths(new[] { folder }).Set;
        var created = set.Graph.Find(ConfigKind.Secret, "default", "redis-password")!;
        Assert.Equal(ConfigOrigin.Producer, Assert.Single(created.Definitions).Origin);
        Assert.False(created.KeysKnown);
        Assert.Null(set.Graph.Find(ConfigKind.Secret, "other", "redis-password"));
        Assert.Null(set.Graph.Find(ConfigKind.ConfigMap, "default", "redis-password"));
    }

    [Fact]
    public void Every_reference_of_a_pod_spec_is_resolved_once_from_the_pods_namespace()
    {
        var result = TestLinter.LintText(Objects + """

            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: team}
            spec:
              containers:
              - name: c
                envFrom:
                - secretRef: {name: creds}
                - configMapRef: {name: app}
                - configMapRef: {name: kube-root-ca.crt}
            """);
        var pod = result.Set.Objects.Single(o => o.IsKind("Pod")).PodSpecs.Single();
        var kinds = pod.ConfigReferences.Select(u => ConfigReferenceResolver.Resolve(u, result.Set, LintOptions.Default).Kind).ToArray();
        Assert.Equal(new[] { ReferenceResolutionKind.Found, ReferenceResolutionKind.OtherNamespace, ReferenceResolutionKind.Found }, kinds);
        var rootCa = result.Set.Graph.Find(ConfigKind.ConfigMap, "team", "kube-root-ca.crt")!;
        Assert.Equal(ConfigOrigin.Implicit, Assert.Single(rootCa.Definitions).Origin);
        Assert.Equal(new[] { "ca.crt" }, rootCa.EnvironmentKeys);
    }
}
