namespace ManifestLint.Model;

/// <summary>
/// The rules Kubernetes applies to environment variable names (docs/kubernetes-behaviour.md#environment): the strict <c>IsEnvVarName</c> of the API
/// before the <c>RelaxedEnvironmentVariableValidation</c> gate (beta, on, from 1.32), the relaxed
/// <c>IsRelaxedEnvVarName</c> after it, the portable C identifier that shells can expand, and the service-link
/// variables the kubelet adds by itself.
/// </summary>
public static class EnvironmentVariableName
{
    /// <summary>The first minor version whose API accepts relaxed names by default (gate beta in 1.32).</summary>
    public const int RelaxedFromMinor = 32;

    /// <summary>The strict rule's text, as the API words it.</summary>
    public const string StrictRule = "letters, digits, '_', '-' and '.', not starting with a digit or '..', and not '.'";

    /// <summary>The relaxed rule's text.</summary>
    public const string RelaxedRule = "printable ASCII characters other than '='";

    /// <summary><c>[A-Za-z_][A-Za-z0-9_]*</c>: a name every shell and runtime can read.</summary>
    public static bool IsCIdentifier(string name)
    {
        if (name.Length == 0 || IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsLetter(c) && !IsDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Why the strict <c>IsEnvVarName</c> (regex <c>[-._a-zA-Z][-._a-zA-Z0-9]*</c> plus the leading <c>.</c>/<c>..</c>
    /// rule) rejects <paramref name="name"/>, or null when it accepts it.
    /// </summary>
    public static string? StrictProblem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (IsDigit(name[0]))
        {
            return "it starts with a digit";
        }

        foreach (var c in name)
        {
            if (!IsLetter(c) && !IsDigit(c) && c is not ('_' or '-' or '.'))
            {
                return $"it contains {Describe(c)}";
            }
        }

        return name switch
        {
            "." => "it is '.'",
            ".." => "it is '..'",
            _ when name.StartsWith("..", StringComparison.Ordinal) => "it starts with '..'",
            _ => null,
        };
    }

    /// <summary>
    /// Why the relaxed <c>IsRelaxedEnvVarName</c> (non-empty, printable ASCII other than <c>=</c>) rejects
    /// <paramref name="name"/>, or null when it accepts it. No Kubernetes version accepts what this rejects.
    /// </summary>
    public static string? RelaxedProblem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        foreach (var c in name)
        {
            if (c < ' ' || c > '~' || c == '=')
            {
                return $"it contains {Describe(c)}";
            }
        }

        return null;
    }

    /// <summary>
    /// Variables the kubelet adds for services: <c>KUBERNETES_*</c> always (the API server's own service), the
    /// <c>*_SERVICE_HOST</c>, <c>*_SERVICE_PORT*</c> and <c>*_PORT*</c> of the namespace's services unless the pod
    /// sets <c>enableServiceLinks: false</c>.
    /// </summary>
    public static bool IsServiceLinkVariable(string name, bool serviceLinksEnabled)
    {
        if (name.StartsWith("KUBERNETES_", StringComparison.Ordinal))
        {
            return true;
        }

        return serviceLinksEnabled
               && (name.EndsWith("_SERVICE_HOST", StringComparison.Ordinal) || name.IndexOf("_PORT", StringComparison.Ordinal) > 0);
    }

    /// <summary>
    /// A portable name close to <paramref name="key"/>: upper case, every other character turned into <c>_</c>
    /// (<c>status-message</c> becomes <c>STATUS_MESSAGE</c>), and a leading <c>_</c> when the variable would start
    /// with a digit.
    /// </summary>
    public static string PortableKey(string prefix, string key)
    {
        var builder = new System.Text.StringBuilder(key.Length + 1);
        foreach (var c in key)
        {
            builder.Append(IsLetter(c) || IsDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        if (prefix.Length == 0 && (builder.Length == 0 || IsDigit(builder[0])))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static string Describe(char c) => c switch
    {
        ' ' => "a space",
        '=' => "'='",
        _ when c < ' ' || c == '\u007f' => $"the control character U+{(int)c:X4}",
        _ when char.IsSurrogate(c) => "a non-ASCII character",
        _ when c > '~' => $"the non-ASCII character '{c}'",
        _ => $"'{c}'",
    };
}
