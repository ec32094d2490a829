using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Configuration;
using ManifestLint.Model;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Rules;

public sealed class VolumeHidesSystemDirectory : ManifestRule
{
    private const int MaxListedEntries = 6;

    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML3005",
        "Volume hides a system directory",
        "{0}, {1}: volume '{2}' is mounted at {3}, so every file the image has in {4} becomes invisible{5}. {6}.",
        RuleCategory.Volumes,
        DiagnosticSeverity.Warning,
        enabledByDefault: true,
        "A volume mounted over a system directory such as /etc or /usr/bin replaces the image's files there with the volume's contents, which usually breaks the container.",
        RulePrecision.VeryHigh,
        "Mount the volume in a directory of its own, or add single files to the system directory with subPath.");

    /// <summary>
    /// <c>manifestlint.system_directories</c>: the mount paths treated as the image's system directories, replacing the
    /// default list. Each is an absolute path; a relative one is reported and still read as from /.
    /// </summary>
    public static readonly LintOption<IReadOnlyList<string>> SystemDirectories = new(
        "system_directories",
        new[]
        {
            "/", "/bin", "/boot", "/etc", "/etc/ssl", "/etc/ssl/certs", "/lib", "/lib32", "/lib64", "/opt", "/root",
            "/sbin", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/sbin", "/var",
        },
        text => OptionCatalog.List(text) is var directories && directories.Any(d => !d.StartsWith("/", StringComparison.Ordinal))
            ? OptionValue<IReadOnlyList<string>>.Of(directories, "system directories are absolute paths such as /etc")
            : OptionValue<IReadOnlyList<string>>.Of(directories),
        "The mount paths that hide the image's files (ML3005), comma-separated; they replace the default list.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override IReadOnlyList<LintOption> Options { get; } = new LintOption[] { SystemDirectories };

    public override void Initialize(RuleContext context) => context.RegisterPodSpecAction(context =>
    {
        var systemDirectories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in context.Options.Get(SystemDirectories))
        {
            if (!string.IsNullOrEmpty(directory))
            {
                systemDirectories.Add(VolumePath.NormalizeMountPath(directory));
            }
        }

        foreach (var container in context.PodSpec.Containers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                // A subPath mount puts one entry at mountPath and leaves the rest of the directory alone (seed 9.2.6).
                if (mount.MountPathNode is not { } anchor || string.IsNullOrEmpty(mount.MountPath)
                    || mount.SubPath is not null || !string.IsNullOrEmpty(mount.SubPathExpr))
                {
                    continue;
                }

                var normalized = VolumePath.NormalizeMountPath(mount.MountPath!);
                if (!systemDirectories.Contains(normalized))
                {
                    continue;
                }

                var shown = normalized == mount.MountPath ? normalized : $"{mount.MountPath} (= {normalized})";
                var volume = context.PodSpec.FindVolume(mount.Name);
                context.ReportAt(Rule, anchor, context.Object.DisplayName, container.DisplayName, mount.Name, shown, normalized, Visible(context.Set, volume), Fix(volume, normalized, mount.Name));
            }
        }
    });

    /// <summary>What the container finds there instead, when the linted set tells (the volume's keys or items).</summary>
    private static string Visible(LintedSet set, Volume? volume)
    {
        if (volume is null || set.Graph.KnownEntries(volume) is not { } entries)
        {
            return string.Empty;
        }

        if (entries.Count == 0)
        {
            return "; the directory is empty instead";
        }

        var listed = string.Join(", ", entries.Take(MaxListedEntries));
        var more = entries.Count > MaxListedEntries ? $" and {entries.Count - MaxListedEntries} more" : string.Empty;
        return $"; it holds only {listed}{more} instead";
    }

    private static string Fix(Volume? volume, string normalized, string? name)
    {
        var own = (normalized == "/" ? "/" : normalized + "/") + (string.IsNullOrEmpty(name) ? "data" : name);
        return volume?.SourceKind is VolumeSourceKind.ConfigMap or VolumeSourceKind.Secret or VolumeSourceKind.Projected
            ? $"Mount it in a directory of its own (such as {own}) and point the application there, or mount single files with subPath (which then miss updates)"
            : $"Mount it in a directory of its own (such as {own})";
    }
}
