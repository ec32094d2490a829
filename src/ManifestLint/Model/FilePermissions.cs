using System.Globalization;
using System.Text;
using ManifestLint.Yaml;

namespace ManifestLint.Model;

/// <summary>How a file-mode literal is written, which decides how Kubernetes' YAML reads its digits (docs/kubernetes-behaviour.md#yaml-decoding).</summary>
public enum FileModeNotation
{
    /// <summary><c>644</c>, <c>420</c>: read as decimal.</summary>
    Decimal,

    /// <summary><c>0644</c>: YAML 1.1 octal.</summary>
    Octal,

    /// <summary><c>0o644</c>.</summary>
    PrefixedOctal,

    /// <summary><c>0x1A4</c>.</summary>
    Hexadecimal,

    /// <summary><c>0b110100100</c>.</summary>
    Binary,

    /// <summary><c>0888</c>, <c>08</c>: a leading zero with an 8 or 9, which YAML reads as a decimal float.</summary>
    NotOctal,

    /// <summary>Floats (<c>420.0</c>, <c>4.2e2</c>), tagged or quoted scalars.</summary>
    Other,
}

/// <summary>Unix permission bits as Kubernetes' file modes carry them (0 to 0777, docs/kubernetes-behaviour.md#volume-items-and-modes).</summary>
public static class FilePermissions
{
    /// <summary>0777, the largest mode the API accepts.</summary>
    public const int Max = 511;

    /// <summary><c>0644</c>, <c>01204</c>: the octal literal of a mode (at least three digits after the zero).</summary>
    public static string Octal(int mode) =>
        mode < 0 ? "-" + Octal(-mode) : "0" + Convert.ToString(mode, 8).PadLeft(3, '0');

    /// <summary><c>rw-r--r--</c> for a mode between 0 and 0777.</summary>
    public static string Permissions(int mode)
    {
        var builder = new StringBuilder(9);
        for (var shift = 6; shift >= 0; shift -= 3)
        {
            var bits = (mode >> shift) & 7;
            builder.Append((bits & 4) != 0 ? 'r' : '-')
                .Append((bits & 2) != 0 ? 'w' : '-')
                .Append((bits & 1) != 0 ? 'x' : '-');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The catalog's test for digits that read like a permission: the owner can read (4-7), and group and other
    /// have none, r, r-x, rw- or rwx (0, 4, 5, 6, 7). Write-only and execute-only classes are not something
    /// people mean.
    /// </summary>
    public static bool ReadsLikePermission(int mode)
    {
        if (mode is < 0 or > Max)
        {
            return false;
        }

        var (owner, group, other) = Classes(mode);
        return owner >= 4 && IsPlausibleClass(group) && IsPlausibleClass(other);
    }

    /// <summary>
    /// A mode someone would choose on purpose: it reads like a permission and never grants the group more than
    /// the owner, or others more than the group (0644, 0755, 0600, 0440, 0775 yes; 0674, 0706 no).
    /// </summary>
    public static bool IsConventional(int mode)
    {
        if (!ReadsLikePermission(mode))
        {
            return false;
        }

        var (owner, group, other) = Classes(mode);
        return (group & ~owner) == 0 && (other & ~group) == 0;
    }

    private static (int Owner, int Group, int Other) Classes(int mode) => ((mode >> 6) & 7, (mode >> 3) & 7, mode & 7);

    private static bool IsPlausibleClass(int bits) => bits is 0 or >= 4;
}

/// <summary>
/// A <c>defaultMode</c> or <c>items[].mode</c> of a configMap, secret, downwardAPI or projected volume (docs/kubernetes-behaviour.md#volume-items-and-modes), with
/// the literal as written and the value Kubernetes' YAML gives it.
/// </summary>
public sealed class FileModeSetting
{
    private FileModeSetting(Volume volume, KeyToPath? item, YamlScalar node)
    {
        Volume = volume;
        Item = item;
        Node = node;
        Notation = NotationOf(node);
        Value = node.Resolved.AsInt32;
    }

    public Volume Volume { get; }

    /// <summary>The items entry that sets <c>mode</c>, or null for the volume's <c>defaultMode</c>.</summary>
    public KeyToPath? Item { get; }

    public YamlScalar Node { get; }

    public string FieldName => Item is null ? "defaultMode" : "mode";

    /// <summary>The literal as written (<c>0644</c>, <c>644</c>, <c>0o644</c>).</summary>
    public string Literal => Node.Value;

    public FileModeNotation Notation { get; }

    /// <summary>The mode the API receives; null when it is not a whole int32 (quoted, 1.5: ML0005's business).</summary>
    public int? Value { get; }

    public bool IsInRange => Value is >= 0 and <= FilePermissions.Max;

    /// <summary>
    /// For a plain decimal literal, its digits read as octal (<c>644</c> → 420); null when it has an 8 or 9 or is
    /// negative.
    /// </summary>
    public int? DigitsAsOctal
    {
        get
        {
            if (Notation != FileModeNotation.Decimal || Value is not >= 0)
            {
                return null;
            }

            var digits = Value.Value.ToString(CultureInfo.InvariantCulture);
            foreach (var c in digits)
            {
                if (c > '7')
                {
                    return null;
                }
            }

            return Convert.ToInt32(digits, 8);
        }
    }

    /// <summary>
    /// A three-digit decimal literal whose digits read like an octal permission while its decimal value is no mode
    /// anyone would choose: <c>644</c>, <c>600</c>, <c>400</c>, <c>444</c> (but not <c>420</c> = 0644).
    /// </summary>
    public bool IsDecimalMeantAsOctal =>
        Value is >= 100 and <= 999
        && DigitsAsOctal is { } octal
        && FilePermissions.ReadsLikePermission(octal)
        && !FilePermissions.IsConventional(Value.Value);

    /// <summary><c>Deployment default/web, volume 'config'</c>, plus <c>, item 'app.conf'</c> for an item's mode.</summary>
    public string Where
    {
        get
        {
            var where = $"{Volume.Pod.Owner.DisplayName}, volume '{Volume.Name}'";
            if (Item is null)
            {
                return where;
            }

            var item = Item.Path ?? Item.Key ?? Item.Index.ToString(CultureInfo.InvariantCulture);
            return Item.Projection.SourceIndex < 0
                ? $"{where}, item '{item}'"
                : $"{where}, source {Item.Projection.SourceIndex} item '{item}'";
        }
    }

    /// <summary>Every mode setting of the pod's configMap, secret, downwardAPI and projected volumes.</summary>
    public static IEnumerable<FileModeSetting> In(PodSpec pod)
    {
        foreach (var volume in pod.Volumes)
        {
            if (volume.SourceKind is not (VolumeSourceKind.ConfigMap or VolumeSourceKind.Secret
                or VolumeSourceKind.DownwardApi or VolumeSourceKind.Projected))
            {
                continue;
            }

            if (volume.DefaultModeNode is YamlScalar defaultMode)
            {
                yield return new FileModeSetting(volume, null, defaultMode);
            }

            foreach (var projection in volume.Projections)
            {
                foreach (var item in projection.Items)
                {
                    if (item.ModeNode is YamlScalar mode)
                    {
                        yield return new FileModeSetting(volume, item, mode);
                    }
                }
            }
        }
    }

    private static FileModeNotation NotationOf(YamlScalar node)
    {
        if (!node.IsPlain)
        {
            return FileModeNotation.Other;
        }

        // goyaml v2 drops underscores and hands the rest to strconv.ParseInt(s, 0, 64), sign included.
        var text = node.Value.Replace("_", string.Empty);
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            text = text.Substring(1);
        }

        if (text.Length > 2 && text[0] == '0')
        {
            switch (char.ToLowerInvariant(text[1]))
            {
                case 'x': return FileModeNotation.Hexadecimal;
                case 'o': return FileModeNotation.PrefixedOctal;
                case 'b': return FileModeNotation.Binary;
            }
        }

        if (text.Length == 0 || !AllBetween(text, '0', '9'))
        {
            return FileModeNotation.Other;
        }

        if (text.Length > 1 && text[0] == '0')
        {
            return AllBetween(text, '0', '7') ? FileModeNotation.Octal : FileModeNotation.NotOctal;
        }

        return FileModeNotation.Decimal;
    }

    private static bool AllBetween(string text, char low, char high)
    {
        foreach (var c in text)
        {
            if (c < low || c > high)
            {
                return false;
            }
        }

        return true;
    }
}
