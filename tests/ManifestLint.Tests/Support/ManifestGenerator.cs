using System.Globalization;
using System.Text;

namespace ManifestLint.Tests.Support;

/// <summary>
/// Random but plausible manifest sets for property tests: workloads, ConfigMaps and Secrets that reference each
/// other by names and keys drawn from small pools (so references both resolve and miss), with the value shapes the
/// rules care about: modes in octal and decimal, optional flags, subPaths, envFrom prefixes, items, odd keys,
/// duplicate keys, anchors and aliases, and sometimes a value of the wrong type.
/// </summary>
internal sealed class ManifestGenerator
{
    private static readonly string[] Names = { "app", "db", "web", "cache", "Bad_Name", "kube-root-ca.crt", "x" };
    private static readonly string[] Keys = { "config.yaml", "KEY", "key", "a-b", "1abc", ".env", "with space", "ca.crt", "LOG_LEVEL" };
    private static readonly string[] Namespaces = { "default", "prod", "" };
    private static readonly string[] Modes = { "0644", "420", "644", "0777", "511", "0o600", "-1", "\"0644\"", "1.5" };
    private static readonly string[] Paths = { "/etc/app", "/etc", "/usr/share/x", "/data", "relative", "/etc/app/", "/a/../b" };
    private static readonly string[] Kinds = { "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet" };

    private readonly Random _random;

    public ManifestGenerator(int seed) => _random = new Random(seed);

    /// <summary>One to <paramref name="maxFiles"/> files of one to <paramref name="maxObjects"/> objects each.</summary>
    public IReadOnlyList<string> Set(int maxFiles, int maxObjects)
    {
        var files = new List<string>();
        var count = 1 + _random.Next(maxFiles);
        for (var i = 0; i < count; i++)
        {
            var documents = new List<string>();
            var objects = 1 + _random.Next(maxObjects);
            for (var j = 0; j < objects; j++)
            {
                documents.Add(Object());
            }

            files.Add(string.Join("---\n", documents));
        }

        return files;
    }

    public string Object() => _random.Next(5) switch
    {
        0 => Config("ConfigMap"),
        1 => Config("Secret"),
        _ => Workload(),
    };

    private string Config(string kind)
    {
        var text = new StringBuilder();
        text.Append("apiVersion: v1\nkind: ").Append(kind).Append('\n').Append(Metadata());
        if (_random.Next(6) == 0)
        {
            text.Append("immutable: ").Append(Pick("true", "false", "\"yes\"")).Append('\n');
        }

        var section = kind == "Secret" ? Pick("data", "stringData") : Pick("data", "binaryData");
        text.Append(section).Append(":\n");
        var keys = _random.Next(5);
        for (var i = 0; i < keys; i++)
        {
            var key = Pick(Keys);
            text.Append("  ").Append(key.IndexOf(' ') >= 0 ? "\"" + key + "\"" : key).Append(": ").Append(Value(section)).Append('\n');
        }

        if (_random.Next(4) == 0)
        {
            text.Append(section == "data" ? "binaryData" : "data").Append(":\n  ").Append(Pick(Keys).Replace(" ", "_")).Append(": aGVsbG8=\n");
        }

        return text.ToString();
    }

    private string Value(string section) => section is "data" or "binaryData"
        ? Pick("aGVsbG8=", "\"not base64!\"", "\"\"", "1", "true", "|\n    multi\n    line  \n", "\"a\\tb\"", "{nested: map}")
        : Pick("plain", "\"quoted\"", "1", "on", "|\n    text\n");

    private string Metadata()
    {
        var text = new StringBuilder("metadata:\n  name: ").Append(Pick(Names)).Append('\n');
        var ns = Pick(Namespaces);
        if (ns.Length > 0)
        {
            text.Append("  namespace: ").Append(ns).Append('\n');
        }

        if (_random.Next(8) == 0)
        {
            text.Append("  annotations:\n    manifestlint.io/suppress: \"ML1001: generated\"\n");
        }

        return text.ToString();
    }

    private string Workload()
    {
        var kind = Pick(Kinds);
        var text = new StringBuilder();
        text.Append("apiVersion: ").Append(kind is "Pod" ? "v1" : kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1").Append("\nkind: ").Append(kind).Append('\n');
        text.Append(Metadata());
        var indent = "  ";
        text.Append("spec:\n");
        if (kind == "CronJob")
        {
            text.Append("  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n");
            indent = "          ";
        }
        else if (kind != "Pod")
        {
            text.Append("  template:\n    spec:\n");
            indent = "      ";
        }

        text.Append(PodSpec(indent));
        return text.ToString();
    }

    private string PodSpec(string indent)
    {
        var text = new StringBuilder();
        var volumes = new List<string>();
        var volumeCount = _random.Next(4);
        if (volumeCount > 0)
        {
            text.Append(indent).Append("volumes:\n");
            for (var i = 0; i < volumeCount; i++)
            {
                var name = "v" + _random.Next(4).ToString(CultureInfo.InvariantCulture);
                volumes.Add(name);
                text.Append(indent).Append("- name: ").Append(name).Append('\n');
                var source = _random.Next(4);
                if (source == 3)
                {
                    text.Append(indent).Append("  projected:\n").Append(indent).Append("    defaultMode: ").Append(Pick(Modes)).Append('\n')
                        .Append(indent).Append("    sources:\n").Append(indent).Append("    - configMap: {name: ").Append(Pick(Names)).Append("}\n")
                        .Append(indent).Append("    - secret: {name: ").Append(Pick(Names)).Append(", items: [{key: ").Append(Pick(Keys).Replace(" ", "_")).Append(", path: ").Append(Pick("a", "../a", "a/b", "")).Append("}]}\n");
                    continue;
                }

                var field = source == 0 ? "configMap" : source == 1 ? "secret" : "emptyDir";
                text.Append(indent).Append("  ").Append(field).Append(":\n");
                if (field == "emptyDir")
                {
                    text.Append(indent).Append("    medium: Memory\n");
                    continue;
                }

                text.Append(indent).Append("    ").Append(field == "secret" ? "secretName" : "name").Append(": ").Append(Pick(Names)).Append('\n');
                if (_random.Next(2) == 0)
                {
                    text.Append(indent).Append("    defaultMode: ").Append(Pick(Modes)).Append('\n');
                }

                if (_random.Next(3) == 0)
                {
                    text.Append(indent).Append("    optional: ").Append(Pick("true", "false", "\"true\"")).Append('\n');
                }

                if (_random.Next(3) == 0)
                {
                    text.Append(indent).Append("    items:\n").Append(indent).Append("    - key: ").Append(Pick(Keys).Replace(" ", "_")).Append('\n')
                        .Append(indent).Append("      path: ").Append(Pick("app.conf", "../x", "a//b", "/abs", "same")).Append('\n')
                        .Append(indent).Append("      mode: ").Append(Pick(Modes)).Append('\n');
                }
            }
        }

        text.Append(indent).Append("containers:\n");
        var containers = 1 + _random.Next(2);
        for (var c = 0; c < containers; c++)
        {
            text.Append(indent).Append("- name: c").Append(_random.Next(2).ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append(indent).Append("  image: busybox\n");
            if (_random.Next(2) == 0)
            {
                text.Append(indent).Append("  envFrom:\n");
                for (var i = 0; i < 1 + _random.Next(2); i++)
                {
                    text.Append(indent).Append("  - ").Append(Pick("configMapRef", "secretRef")).Append(": {name: ").Append(Pick(Names)).Append("}\n");
                    if (_random.Next(3) == 0)
                    {
                        text.Append(indent).Append("    prefix: ").Append(Pick("APP_", "1x", "a-b")).Append('\n');
                    }
                }
            }

            if (_random.Next(2) == 0)
            {
                text.Append(indent).Append("  env:\n");
                for (var i = 0; i < 1 + _random.Next(3); i++)
                {
                    text.Append(indent).Append("  - name: ").Append(Pick("LOG_LEVEL", "KEY", "1BAD", "A", "A")).Append('\n');
                    if (_random.Next(2) == 0)
                    {
                        text.Append(indent).Append("    value: ").Append(Pick("\"$(KEY)\"", "x", "\"$(MISSING)\"", "1")).Append('\n');
                    }
                    else
                    {
                        text.Append(indent).Append("    valueFrom:\n").Append(indent).Append("      ").Append(Pick("configMapKeyRef", "secretKeyRef"))
                            .Append(": {name: ").Append(Pick(Names)).Append(", key: ").Append(Pick(Keys).Replace(" ", "_"))
                            .Append(_random.Next(3) == 0 ? ", optional: true" : string.Empty).Append("}\n");
                    }
                }
            }

            if (volumes.Count > 0 || _random.Next(4) == 0)
            {
                text.Append(indent).Append("  volumeMounts:\n");
                for (var i = 0; i < 1 + _random.Next(3); i++)
                {
                    text.Append(indent).Append("  - name: ").Append(volumes.Count > 0 && _random.Next(4) > 0 ? volumes[_random.Next(volumes.Count)] : "missing").Append('\n');
                    text.Append(indent).Append("    mountPath: ").Append(Pick(Paths)).Append('\n');
                    if (_random.Next(3) == 0)
                    {
                        text.Append(indent).Append("    subPath: ").Append(Pick(Keys).Replace(" ", "_")).Append('\n');
                    }

                    if (_random.Next(4) == 0)
                    {
                        text.Append(indent).Append("    readOnly: ").Append(Pick("false", "true", "\"true\"")).Append('\n');
                    }
                }
            }
        }

        return text.ToString();
    }

    private string Pick(params string[] items) => items[_random.Next(items.Length)];
}
