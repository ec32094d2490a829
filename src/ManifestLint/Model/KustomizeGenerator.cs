using System.Text;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>
/// The ConfigMaps and Secrets a kustomization's <c>configMapGenerator</c> and <c>secretGenerator</c> define, with
/// the keys kustomize gives them: <c>literals</c> (<c>KEY=value</c>), <c>files</c> (<c>key=path</c>, or the file
/// name), and the lines of <c>envs</c> (and the older <c>env</c>) files, read relative to the kustomization.
/// Names are kept as written: kustomize's <c>namePrefix</c>/<c>nameSuffix</c> and content hash are applied to the
/// generated object and to every reference in the same build alike, so unrendered manifests use the plain name.
/// </summary>
internal static class KustomizeGenerator
{
    /// <summary>A generated object must stay under 1 MiB (docs/kubernetes-behaviour.md#size-limits); a larger env file leaves the keys unknown.</summary>
    private const int MaxEnvFileBytes = 1024 * 1024;

    public static IEnumerable<ConfigSource> Read(Kustomization kustomization)
    {
        foreach (var (kind, generators) in new[] { (ConfigKind.ConfigMap, kustomization.ConfigMapGenerator), (ConfigKind.Secret, kustomization.SecretGenerator) })
        {
            if (generators is null)
            {
                continue;
            }

            foreach (var item in generators.Items)
            {
                if (item is YamlMapping entry && entry.GetScalar("name") is { } nameNode && entry.GetString("name") is { Length: > 0 } name)
                {
                    yield return Read(kustomization, kind, entry, nameNode, name);
                }
            }
        }
    }

    private static ConfigSource Read(Kustomization kustomization, ConfigKind kind, YamlMapping entry, YamlScalar nameNode, string name)
    {
        var keys = ReadKeys(kustomization, entry, out var known);

        // kustomize stores every generated value in data (a file that is not UTF-8 would go to binaryData; its
        // content is not read here), so environment variables and volumes see the same keys.
        // A content hash in the name makes every change a new object that the pods roll to: in effect immutable.
        return new ConfigSource(kind, name, kustomization.Namespace ?? entry.GetString("namespace"), kustomization.File, nameNode.Range,
            keys, new List<string>(keys), known, IsImmutable(kustomization, entry) || IsHashed(kustomization, entry), extendsBase: entry.GetString("behavior") == "merge", ConfigOrigin.Generator);
    }

    /// <summary>The keys one generator entry gives its object; <paramref name="known"/> is false when a source could not be read.</summary>
    internal static List<string> ReadKeys(Kustomization kustomization, YamlMapping entry, out bool known)
    {
        var keys = new List<string>();
        known = true;
        foreach (var literal in Strings(entry.GetSequence("literals")))
        {
            // kustomize splits a literal source at its first '='; one without '=' fails the build.
            var separator = literal.IndexOf('=');
            if (separator > 0)
            {
                keys.Add(literal.Substring(0, separator));
            }
        }

        foreach (var file in Strings(entry.GetSequence("files")))
        {
            // "key=path" names the key; a bare path uses the file's name.
            var separator = file.IndexOf('=');
            var key = separator < 0 ? System.IO.Path.GetFileName(file.TrimEnd('/')) : file.Substring(0, separator);
            if (key.Length > 0)
            {
                keys.Add(key);
            }
        }

        var envFiles = Strings(entry.GetSequence("envs")).ToList();
        if (entry.GetString("env") is { Length: > 0 } legacyEnv)
        {
            envFiles.Add(legacyEnv);
        }

        foreach (var envFile in envFiles)
        {
            known &= ReadEnvFile(kustomization, envFile, keys);
        }

        return keys;
    }

    /// <summary>True when the entry (or the kustomization's <c>generatorOptions</c>) makes the object immutable.</summary>
    internal static bool IsImmutable(Kustomization kustomization, YamlMapping entry) =>
        entry.GetMapping("options")?.GetScalar("immutable") is { ResolvedType: ScalarType.Bool } flag
            ? flag.Resolved.Bool
            : kustomization.Root.GetMapping("generatorOptions")?.GetScalar("immutable") is { Resolved: { Type: ScalarType.Bool, Bool: true } };

    /// <summary>True when kustomize appends the content hash to the generated name (the default).</summary>
    internal static bool IsHashed(Kustomization kustomization, YamlMapping entry) =>
        !(entry.GetMapping("options")?.GetScalar("disableNameSuffixHash") is { Resolved: { Type: ScalarType.Bool, Bool: true } }
          || (kustomization.Root.GetMapping("generatorOptions")?.GetScalar("disableNameSuffixHash") is { Resolved: { Type: ScalarType.Bool, Bool: true } }
              && entry.GetMapping("options")?.GetScalar("disableNameSuffixHash") is not { Resolved: { Type: ScalarType.Bool, Bool: false } }));

    private static IEnumerable<string> Strings(YamlSequence? sequence)
    {
        if (sequence is null)
        {
            yield break;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { ResolvedType: not ScalarType.Null } scalar)
            {
                yield return scalar.Value;
            }
        }
    }

    /// <summary>
    /// Adds the keys of an env file the way kustomize reads it: leading blanks trimmed, blank lines and
    /// <c>#</c> comments skipped, the key before the first '=' (a line without '=' takes its value from the
    /// environment, but still defines the key). False when the file cannot be read, so its keys are unknown.
    /// </summary>
    private static bool ReadEnvFile(Kustomization kustomization, string relativePath, List<string> keys)
    {
        if (!System.IO.Path.IsPathRooted(kustomization.File.Path))
        {
            return false;
        }

        // kustomize's default load restrictor refuses files outside the kustomization's folder, links included
        // (a pull request's passwd.env -> /etc/passwd); so does this, and a FIFO or device is never opened.
        byte[]? bytes;
        try
        {
            var root = System.IO.Path.GetFullPath(kustomization.Directory);
            bytes = Loading.SourceFileReader.ReadWithin(System.IO.Path.Combine(root, relativePath), root, MaxEnvFileBytes, out _);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
        {
            // Not a usable path: kustomize fails on it too.
            return false;
        }

        if (bytes is null)
        {
            return false;
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimStart().TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var separator = line.IndexOf('=');
            var key = separator < 0 ? line : line.Substring(0, separator);
            if (key.Length > 0)
            {
                keys.Add(key);
            }
        }

        return true;
    }
}
