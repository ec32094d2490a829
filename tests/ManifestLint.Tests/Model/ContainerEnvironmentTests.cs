using ManifestLint.Model;
using ManifestLint.Tests.Support;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Tests.Model;

/// <summary>The environment is built in the kubelet's order (docs/kubernetes-behaviour.md#environment).</summary>
public sealed class ContainerEnvironmentTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c1
        data:
          KEY: from-c1
          ONLY_C1: x
        binaryData:
          BINARY: eA==
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c2
        data:
          KEY: from-c2
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: s
        data:
          PASSWORD: eA==
        stringData:
          USER: u
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: app:1
            envFrom:
            - configMapRef:
                name: c1
            - configMapRef:
                name: c2
            - prefix: DB_
              secretRef:
                name: s
            env:
            - name: FIRST
              value: $(LATER)
            - name: KEY
              value: z
            - name: LATER
              value: y
          - name: other
            image: other:1
            envFrom:
            - configMapRef:
                name: not-in-the-set
        """;

    [Fact]
    public void Later_sources_and_env_entries_replace_earlier_definitions()
    {
        var environment = Build(0);

        var key = environment.Find("KEY")!;
        Assert.Equal(EnvironmentOrigin.Env, key.Origin);
        Assert.Equal("c2", key.Hides!.Source!.Source.Reference!.Name);
        Assert.Equal("c1", key.Hides.Hides!.Source!.Source.Reference!.Name);
        Assert.Null(key.Hides.Hides.Hides);
        Assert.Equal(3, environment.DefinitionsOf("KEY").Count);
    }

    [Fact]
    public void Envfrom_keys_are_data_for_configmaps_and_data_plus_stringData_for_secrets()
    {
        var environment = Build(0);

        Assert.NotNull(environment.Find("ONLY_C1"));
        Assert.Null(environment.Find("BINARY"));
        Assert.NotNull(environment.Find("DB_PASSWORD"));
        Assert.NotNull(environment.Find("DB_USER"));
        Assert.Null(environment.Find("PASSWORD"));
        Assert.False(environment.HasUnknownSources);
    }

    [Fact]
    public void An_env_value_sees_only_what_is_defined_before_it()
    {
        var environment = Build(0);
        var first = environment.Container.Env[0];
        var later = environment.Container.Env[2];

        Assert.Null(environment.FindBefore(first, "LATER"));
        Assert.NotNull(environment.FindBefore(first, "KEY"));
        Assert.Null(environment.FindBefore(later, "LATER"));
        Assert.Same(later, environment.Find("LATER")!.Entry);
        Assert.Equal(EnvironmentOrigin.EnvFrom, environment.FindBefore(environment.Container.Env[1], "KEY")!.Origin);
    }

    [Fact]
    public void A_source_outside_the_set_has_unknown_keys()
    {
        var environment = Build(1);

        Assert.True(environment.HasUnknownSources);
        Assert.False(environment.Sources[0].IsKnown);
        Assert.Empty(environment.Sources[0].Keys);
    }

    [Theory]
    [InlineData("$(LATER)/$(ONLY_C1)/$(DB_USER)", "")]
    [InlineData("$(MISSING)/$(KEY)/$(MISSING)", "MISSING")]
    [InlineData("$$(MISSING)/$(UNCLOSED", "")]
    [InlineData("$(date)/$(KUBERNETES_SERVICE_HOST)", "date")]
    [InlineData("$(EMPTY)$(UNSET_VALUE)x", "EMPTY,UNSET_VALUE")]
    public void A_subPathExpr_cannot_expand_undefined_or_empty_variables(string expression, string missing)
    {
        var result = TestLinter.LintText(Manifest.Replace("- name: LATER\n      value: y", "- name: LATER\n      value: y\n    - name: EMPTY\n      value: \"\"\n    - name: UNSET_VALUE", StringComparison.Ordinal));
        var pod = result.Set.Objects.Single(o => o.Kind == "Pod");
        var environment = ContainerEnvironment.Of(pod.PodSpecs[0].Containers[0], result.Set);

        Assert.Equal(missing, string.Join(",", environment.MissingForSubPathExpr(expression)));
    }

    [Fact]
    public void An_undefined_variable_in_a_subPathExpr_is_an_error_of_ML4007_unlike_one_in_args()
    {
        var findings = TestLinter.LintText("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: app
                image: app:1
                args: [--name=$(POD_NAME)]
                volumeMounts:
                - name: data
                  mountPath: /data
                  subPathExpr: $(POD_NAME)
              volumes:
              - name: data
                emptyDir: {}
            """).OfRule("ML4007").Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1, d.Severity));

        Assert.Equal(new[] { (9, 12, DiagnosticSeverity.Warning), (13, 20, DiagnosticSeverity.Error) }, findings);
    }

    [Theory]
    [InlineData("KUBERNETES_SERVICE_HOST", true, true)]
    [InlineData("KUBERNETES_PORT_443_TCP_ADDR", false, true)]
    [InlineData("REDIS_SERVICE_HOST", true, true)]
    [InlineData("REDIS_SERVICE_HOST", false, false)]
    [InlineData("REDIS_SERVICE_PORT_HTTP", true, true)]
    [InlineData("REDIS_PORT_6379_TCP", true, true)]
    [InlineData("PORT", true, false)]
    [InlineData("DB_HOST", true, false)]
    public void Service_link_variables(string name, bool linksEnabled, bool expected) =>
        Assert.Equal(expected, EnvironmentVariableName.IsServiceLinkVariable(name, linksEnabled));

    [Theory]
    [InlineData("MY_VAR", null)]
    [InlineData("my.env-name", null)]
    [InlineData(".hidden", null)]
    [InlineData("1ABC", "it starts with a digit")]
    [InlineData(".", "it is '.'")]
    [InlineData("..", "it is '..'")]
    [InlineData("..x", "it starts with '..'")]
    [InlineData("MY VAR", "it contains a space")]
    public void Strict_names(string name, string? problem) =>
        Assert.Equal(problem, EnvironmentVariableName.StrictProblem(name));

    [Theory]
    [InlineData("1ABC", null)]
    [InlineData("MY VAR", null)]
    [InlineData(".", null)]
    [InlineData("A=B", "it contains '='")]
    [InlineData("ÄPFEL", "it contains the non-ASCII character 'Ä'")]
    [InlineData("", "it is empty")]
    public void Relaxed_names(string name, string? problem) =>
        Assert.Equal(problem, EnvironmentVariableName.RelaxedProblem(name));

    private static ContainerEnvironment Build(int containerIndex)
    {
        var result = TestLinter.LintText(Manifest);
        var pod = result.Set.Objects.Single(o => o.Kind == "Pod");
        return ContainerEnvironment.Of(pod.PodSpecs[0].Containers[containerIndex], result.Set);
    }
}
