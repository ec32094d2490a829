using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>
/// A fingerprint of a finding that survives unrelated edits and moving the object within or between files:
/// rule + object identity + YAML path (file and message for findings about a whole file). Baselines and
/// SARIF <c>partialFingerprints</c> use it.
/// </summary>
public static class FindingIdentity
{
    public const string FingerprintName = "manifestlint/v1";

    public static string StableFingerprint(Diagnostic diagnostic, string displayPath)
    {
        diagnostic.Properties.TryGetValue(Finding.ObjectProperty, out var obj);
        diagnostic.Properties.TryGetValue(Finding.YamlPathProperty, out var path);
        var key = obj is not null && path is not null
            ? $"{diagnostic.Id}|{obj}|{path}"
            : $"{diagnostic.Id}|{displayPath}|{obj}|{diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
        var builder = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            builder.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
