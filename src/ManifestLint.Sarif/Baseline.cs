using ManifestLint.Analysis;
using Microsoft.CodeAnalysis.Sarif;

namespace ManifestLint.Sarif;

/// <summary>
/// The results of an earlier SARIF report (<c>--baseline OLD.sarif</c>), matched by the stable fingerprint
/// (rule + object + YAML path), so that a team can adopt the linter on an existing repository and fail CI
/// only on new problems.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<string, Queue<Result>> _byFingerprint = new(StringComparer.Ordinal);

    private Baseline(IEnumerable<Result> results)
    {
        foreach (var result in results)
        {
            if (result.BaselineState == BaselineState.Absent
                || result.PartialFingerprints is null
                || !result.PartialFingerprints.TryGetValue(FindingIdentity.FingerprintName, out var fingerprint))
            {
                continue;
            }

            if (!_byFingerprint.TryGetValue(fingerprint, out var queue))
            {
                _byFingerprint[fingerprint] = queue = new Queue<Result>();
            }

            queue.Enqueue(result);
        }
    }

    /// <summary>Reads a SARIF file; the error says why it could not be used.</summary>
    public static Baseline? Load(string path, out string? error)
    {
        error = null;
        try
        {
            var log = SarifLog.Load(path);
            return new Baseline(log.Runs?.SelectMany(r => r.Results ?? Array.Empty<Result>()) ?? Array.Empty<Result>());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            error = $"cannot read the baseline {path}: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// Compares current findings (by stable fingerprint, in report order) with the earlier results: each earlier
    /// result matches at most one current finding.
    /// </summary>
    public BaselineComparison Compare(IReadOnlyList<string> fingerprints)
    {
        var remaining = _byFingerprint.ToDictionary(p => p.Key, p => new Queue<Result>(p.Value), StringComparer.Ordinal);
        var isNew = new bool[fingerprints.Count];
        for (var i = 0; i < fingerprints.Count; i++)
        {
            isNew[i] = !(remaining.TryGetValue(fingerprints[i], out var queue) && queue.TryDequeue(out _));
        }

        var absent = remaining.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value).ToArray();
        return new BaselineComparison(isNew, absent);
    }
}

/// <summary>Which current findings are new, and which earlier results are gone.</summary>
public sealed record BaselineComparison(IReadOnlyList<bool> IsNew, IReadOnlyList<Result> Absent)
{
    public int NewCount => IsNew.Count(n => n);
}
