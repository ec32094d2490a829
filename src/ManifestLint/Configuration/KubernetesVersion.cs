using System.Globalization;

namespace ManifestLint.Configuration;

/// <summary>The Kubernetes minor version a run targets (<c>--kube-version 1.31</c>).</summary>
public readonly record struct KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    public static KubernetesVersion Oldest { get; } = new(1, 25);

    public static KubernetesVersion Newest { get; } = new(1, 34);

    public int CompareTo(KubernetesVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) >= 0;

    /// <summary>Reads <c>1.31</c>, <c>v1.31</c> or <c>1.31.4</c>; patch versions do not change validation.</summary>
    public static bool TryParse(string? text, out KubernetesVersion version, out string? error)
    {
        version = default;
        error = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.StartsWith("v", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed.Substring(1);
        }

        var parts = trimmed.Split('.');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            error = $"'{text}' is not a Kubernetes version; write it as 1.31";
            return false;
        }

        version = new KubernetesVersion(major, minor);
        if (version < Oldest || version > Newest)
        {
            error = $"Kubernetes {version} is not supported; use {Oldest} to {Newest}";
            return false;
        }

        return true;
    }

    public override string ToString() => $"{Major}.{Minor}";
}
