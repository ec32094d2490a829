using System.Globalization;
using System.Text;

namespace ManifestLint.Bench;

/// <summary>
/// Writes a realistic corpus: apps made of a workload (Deployment, StatefulSet or CronJob), a ConfigMap with
/// <c>data</c> and <c>binaryData</c>, a Secret and a Service, in team folders, with a few percent of the
/// mistakes the rules find. The same documents count and seed always give the same bytes (System.Random with a
/// seed is a fixed algorithm), so figures from different machines and commits compare.
/// </summary>
internal sealed class CorpusGenerator
{
    /// <summary>About one app in twenty-five carries one defect.</summary>
    private const int DefectPerMille = 40;

    private static readonly string[] Words =
    {
        "alpha", "billing", "cart", "delivery", "edge", "feed", "gateway", "history", "inventory", "journal",
        "kiosk", "ledger", "metrics", "notify", "orders", "payments", "quota", "search", "tracking", "users",
    };

    private static readonly string[] Defects =
    {
        "missing-key", "missing-configmap", "decimal-mode", "duplicate-env", "duplicate-key", "subpath", "bad-base64", "number-value",
    };

    private readonly Random _random;
    private readonly Dictionary<string, int> _defects = new(StringComparer.Ordinal);

    public CorpusGenerator(int seed) => _random = new Random(seed);

    public IReadOnlyDictionary<string, int> DefectCounts => _defects;

    public int Files { get; private set; }

    public long Bytes { get; private set; }

    public int Documents { get; private set; }

    public static CorpusSummary Generate(string directory, int documents, int seed)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var generator = new CorpusGenerator(seed);
        var app = 0;
        while (generator.Documents < documents)
        {
            generator.WriteApp(directory, app++, documents - generator.Documents);
        }

        return new CorpusSummary(directory, generator.Files, generator.Documents, generator.Bytes, seed, new SortedDictionary<string, int>(generator._defects, StringComparer.Ordinal));
    }

    private void WriteApp(string root, int index, int budget)
    {
        var team = "team-" + (index / 40).ToString("D3", CultureInfo.InvariantCulture);
        var name = Words[_random.Next(Words.Length)] + "-" + index.ToString(CultureInfo.InvariantCulture);
        var folder = Path.Combine(root, team, name);
        Directory.CreateDirectory(folder);
        var ns = "ns-" + (index / 40 % 7).ToString(CultureInfo.InvariantCulture);
        var defect = _random.Next(1000) < DefectPerMille ? Defects[_random.Next(Defects.Length)] : null;
        if (defect is not null)
        {
            _defects[defect] = _defects.TryGetValue(defect, out var n) ? n + 1 : 1;
        }

        var keys = new List<string>();
        var keyCount = 3 + _random.Next(6);
        for (var i = 0; i < keyCount; i++)
        {
            keys.Add(Words[_random.Next(Words.Length)].ToUpperInvariant() + "_" + i.ToString(CultureInfo.InvariantCulture));
        }

        // Config first: a small budget (the last app) still gets what its workload consumes.
        var config = new StringBuilder();
        WriteConfigMap(config, name, ns, keys, defect);
        var documents = 1;
        if (budget > 1)
        {
            config.Append("---\n");
            WriteSecret(config, name, ns, defect);
            documents++;
        }

        if (budget > 4)
        {
            config.Append("---\n");
            WriteEnvironmentConfigMap(config, name, ns);
            documents++;
        }

        Write(Path.Combine(folder, "config.yaml"), config, documents);
        if (budget > 2)
        {
            var workload = new StringBuilder();
            WriteWorkload(workload, index, name, ns, keys, defect);
            Write(Path.Combine(folder, "workload.yaml"), workload, 1);
        }

        if (budget > 3)
        {
            var service = new StringBuilder();
            WriteService(service, name, ns);
            Write(Path.Combine(folder, "service.yml"), service, 1);
        }
    }

    private void Write(string path, StringBuilder text, int documents)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        File.WriteAllBytes(path, bytes);
        Files++;
        Bytes += bytes.Length;
        Documents += documents;
    }

    private void WriteConfigMap(StringBuilder b, string name, string ns, List<string> keys, string? defect)
    {
        b.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").Append(name).Append("-config\n  namespace: ").Append(ns)
            .Append("\n  labels:\n    app.kubernetes.io/name: ").Append(name).Append("\n    app.kubernetes.io/part-of: shop\ndata:\n");
        foreach (var key in keys)
        {
            b.Append("  ").Append(key).Append(": \"").Append(Words[_random.Next(Words.Length)]).Append('-').Append(_random.Next(100000)).Append("\"\n");
        }

        if (defect == "duplicate-key")
        {
            b.Append("  ").Append(keys[0]).Append(": \"again\"\n");
        }

        if (defect == "number-value")
        {
            b.Append("  RETRIES: 3\n");
        }

        b.Append("  application.properties: |\n");
        var lines = 8 + _random.Next(24);
        for (var i = 0; i < lines; i++)
        {
            b.Append("    ").Append(Words[_random.Next(Words.Length)]).Append('.').Append(Words[_random.Next(Words.Length)])
                .Append(".setting").Append(i).Append(" = ").Append(_random.Next(1_000_000)).Append('\n');
        }

        b.Append("  nginx.conf: |\n    server {\n      listen 8080;\n      location / {\n        proxy_pass http://")
            .Append(name).Append(":8080;\n      }\n    }\n");
        b.Append("binaryData:\n  favicon.ico: ").Append(Base64(48 + _random.Next(400))).Append('\n');
        b.Append("  truststore.jks: ").Append(Base64(200 + _random.Next(600))).Append('\n');
    }

    private void WriteEnvironmentConfigMap(StringBuilder b, string name, string ns)
    {
        b.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").Append(name).Append("-env\n  namespace: ").Append(ns)
            .Append("\ndata:\n  JAVA_OPTS: \"-Xmx").Append(256 + _random.Next(1024)).Append("m -XX:+UseG1GC\"\n  FEATURE_FLAGS: \"")
            .Append(Words[_random.Next(Words.Length)]).Append(',').Append(Words[_random.Next(Words.Length)]).Append("\"\n  TZ: Europe/Berlin\n");
    }

    private void WriteSecret(StringBuilder b, string name, string ns, string? defect)
    {
        b.Append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").Append(name).Append("-secret\n  namespace: ").Append(ns)
            .Append("\ntype: Opaque\ndata:\n  password: ").Append(Base64(12 + _random.Next(20))).Append("\n  api-token: ")
            .Append(defect == "bad-base64" ? "not*base64!" : Base64(32)).Append("\n  tls.key: ").Append(Base64(300 + _random.Next(300)))
            .Append("\nstringData:\n  username: ").Append(name).Append('\n');
    }

    private void WriteWorkload(StringBuilder b, int index, string name, string ns, List<string> keys, string? defect)
    {
        var kind = (index % 10) switch { < 6 => "Deployment", < 8 => "StatefulSet", _ => "CronJob" };
        var indent = kind == "CronJob" ? "        " : "    ";
        b.Append(kind == "CronJob" ? "apiVersion: batch/v1\n" : "apiVersion: apps/v1\n").Append("kind: ").Append(kind)
            .Append("\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
            .Append("\n  labels:\n    app.kubernetes.io/name: ").Append(name).Append("\nspec:\n");
        if (kind == "CronJob")
        {
            b.Append("  schedule: \"*/15 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n");
        }
        else
        {
            b.Append("  replicas: ").Append(1 + _random.Next(5)).Append("\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").Append(name).Append('\n');
            if (kind == "StatefulSet")
            {
                b.Append("  serviceName: ").Append(name).Append('\n');
            }

            b.Append("  template:\n");
        }

        var p = indent; // the pod template's level
        b.Append(p).Append("metadata:\n").Append(p).Append("  labels:\n").Append(p).Append("    app.kubernetes.io/name: ").Append(name).Append('\n');
        b.Append(p).Append("spec:\n");
        if (kind == "CronJob")
        {
            b.Append(p).Append("  restartPolicy: OnFailure\n");
        }

        b.Append(p).Append("  containers:\n");
        b.Append(p).Append("    - name: app\n");
        b.Append(p).Append("      image: registry.example.com/shop/").Append(name).Append(":1.").Append(_random.Next(40)).Append('.').Append(_random.Next(10)).Append('\n');
        b.Append(p).Append("      ports:\n").Append(p).Append("        - containerPort: 8080\n").Append(p).Append("          name: http\n");
        b.Append(p).Append("      env:\n");
        b.Append(p).Append("        - name: POD_NAMESPACE\n").Append(p).Append("          valueFrom:\n").Append(p).Append("            fieldRef:\n")
            .Append(p).Append("              fieldPath: metadata.namespace\n");
        var envKeys = Math.Min(keys.Count, 2 + _random.Next(3));
        for (var i = 0; i < envKeys; i++)
        {
            var key = defect == "missing-key" && i == 0 ? keys[i] + "_TYPO" : keys[i];
            b.Append(p).Append("        - name: ").Append(keys[i]).Append('\n').Append(p).Append("          valueFrom:\n").Append(p).Append("            configMapKeyRef:\n")
                .Append(p).Append("              name: ").Append(name).Append("-config\n").Append(p).Append("              key: ").Append(key).Append('\n');
        }

        b.Append(p).Append("        - name: DB_PASSWORD\n").Append(p).Append("          valueFrom:\n").Append(p).Append("            secretKeyRef:\n")
            .Append(p).Append("              name: ").Append(name).Append("-secret\n").Append(p).Append("              key: password\n");
        if (defect == "duplicate-env")
        {
            b.Append(p).Append("        - name: DB_PASSWORD\n").Append(p).Append("          value: changeme\n");
        }

        b.Append(p).Append("      envFrom:\n").Append(p).Append("        - configMapRef:\n").Append(p).Append("            name: ").Append(name).Append("-env\n")
            .Append(p).Append("          prefix: APP_\n");
        b.Append(p).Append("      resources:\n").Append(p).Append("        requests:\n").Append(p).Append("          cpu: ").Append(50 + _random.Next(400)).Append("m\n")
            .Append(p).Append("          memory: ").Append(64 + _random.Next(512)).Append("Mi\n");
        b.Append(p).Append("      volumeMounts:\n").Append(p).Append("        - name: config\n").Append(p).Append("          mountPath: /etc/").Append(name).Append('\n')
            .Append(p).Append("          readOnly: true\n");
        if (defect == "subpath")
        {
            b.Append(p).Append("        - name: config\n").Append(p).Append("          mountPath: /etc/nginx/nginx.conf\n").Append(p).Append("          subPath: nginx.conf\n");
        }

        b.Append(p).Append("        - name: tls\n").Append(p).Append("          mountPath: /var/run/tls\n").Append(p).Append("          readOnly: true\n");
        b.Append(p).Append("  volumes:\n").Append(p).Append("    - name: config\n").Append(p).Append("      configMap:\n")
            .Append(p).Append("        name: ").Append(name).Append(defect == "missing-configmap" ? "-configuration\n" : "-config\n")
            .Append(p).Append("        defaultMode: ").Append(defect == "decimal-mode" ? "644" : "0444").Append('\n')
            .Append(p).Append("        items:\n").Append(p).Append("          - key: application.properties\n").Append(p).Append("            path: application.properties\n")
            .Append(p).Append("          - key: nginx.conf\n").Append(p).Append("            path: nginx.conf\n");
        b.Append(p).Append("    - name: tls\n").Append(p).Append("      secret:\n").Append(p).Append("        secretName: ").Append(name).Append("-secret\n")
            .Append(p).Append("        items:\n").Append(p).Append("          - key: tls.key\n").Append(p).Append("            path: tls.key\n").Append(p).Append("            mode: 0400\n");
    }

    private void WriteService(StringBuilder b, string name, string ns)
    {
        b.Append("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
            .Append("\nspec:\n  selector:\n    app.kubernetes.io/name: ").Append(name).Append("\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n");
    }

    private string Base64(int bytes)
    {
        var data = new byte[bytes];
        _random.NextBytes(data);
        return Convert.ToBase64String(data);
    }
}

internal sealed record CorpusSummary(string Directory, int Files, int Documents, long Bytes, int Seed, SortedDictionary<string, int> Defects);
