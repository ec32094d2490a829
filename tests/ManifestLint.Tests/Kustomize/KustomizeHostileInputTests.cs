using ManifestLint.Analysis;
using ManifestLint.Tests.Support;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// Kustomizations a pull request can write: cycles, wrong shapes, patches that do not apply, selectors that are no
/// regular expressions, JSON patch paths past the end. The build never fails the run and never reports an internal
/// error; what it cannot do is noted.
/// </summary>
public sealed class KustomizeHostileInputTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
              - name: web
                image: example/web
                env:
                - {name: A, valueFrom: {configMapKeyRef: {name: cfg, key: a}}}
        """;

    public static TheoryData<string, string> Kustomizations => new()
    {
        { "cycle", "resources: [., ../app, deployment.yaml]\n" },
        { "resources-not-a-list", "resources: {a: b}\npatches: text\nnamespace: [x]\nnamePrefix: {a: 1}\n" },
        { "patch-is-a-scalar", "resources: [deployment.yaml]\npatches:\n- patch: just text\n- patch: '[1, 2]'\n- path: ../../../../etc/passwd\n" },
        { "bad-selector", "resources: [deployment.yaml]\npatches:\n- target: {kind: '(', name: '[', labelSelector: '!=,=,,!'}\n  patch: '[{op: remove, path: /spec}]'\n" },
        { "json-patch-out-of-range", "resources: [deployment.yaml]\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - {op: add, path: /spec/template/spec/containers/99/env/-, value: x}\n    - {op: remove, path: /metadata/name}\n    - {op: move, from: /nowhere, path: /spec}\n    - {op: copy, from: /spec, path: /spec/template/spec/containers/0/env/0}\n    - {op: replace, path: '', value: [1]}\n" },
        { "directive-on-scalars", "resources: [deployment.yaml]\npatches:\n- patch: |-\n    kind: Deployment\n    metadata: {name: web}\n    spec:\n      $patch: replace\n      template: {$retainKeys: 5, spec: {containers: [{$patch: delete}, {name: web, env: null}]}}\n" },
        { "generator-odd", "resources: [deployment.yaml]\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [=, a, '']\n  envs: [/dev/zero, ../../x.env]\n  files: [/etc/shadow]\n- name: cfg\n  behavior: replace\n- {}\n" },
        { "vars-and-replacements-odd", "resources: [deployment.yaml]\nvars:\n- {name: X, objref: {kind: Deployment, name: web}, fieldref: {fieldpath: 'spec.template.spec.containers[9].image'}}\nreplacements:\n- source: {kind: Deployment, name: web, fieldPath: spec.template.spec.containers.[name=web].image, options: {delimiter: ':', index: 7}}\n  targets:\n  - select: {kind: '*'}\n    fieldPaths: ['*.*.[a=b].c', metadata.name]\n    options: {create: true, index: -3, delimiter: '/'}\n- path: missing.yaml\n- source: {}\n" },
    };

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void A_hostile_kustomization_never_fails_the_run(string name, string kustomization)
    {
        using var temp = new TempDirectory();
        temp.Write("app/deployment.yaml", Deployment);
        temp.Write("app/kustomization.yaml", kustomization);
        temp.Write("app/overlay/kustomization.yaml", "resources: [..]\nnamespace: o\nnamePrefix: o-\ncomponents: [../, ../../nowhere]\n");

        var result = TestLinter.LintPaths(new[] { temp.Path }, LintOptions.Default, temp.Path);
        Assert.True(result.InternalErrors.Count == 0, name + ": " + string.Join("\n", result.InternalErrors));
    }
}
