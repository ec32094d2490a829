namespace ManifestLint.Model;

/// <summary>
/// A <c>$(NAME)</c> in an env value, <c>command</c> or <c>args</c>, found the way the kubelet's expansion
/// (<c>third_party/forked/golang/expansion</c>) reads the text: <c>$$</c> is an escaped <c>$</c>, <c>$(</c> opens a
/// reference that runs to the first <c>)</c>, and an unclosed <c>$(</c> or a <c>$</c> before anything else is
/// plain text.
/// </summary>
public readonly record struct VariableReference(string Name, int Offset, int Length)
{
    /// <summary>The reference as written: <c>$(NAME)</c>.</summary>
    public string Text => "$(" + Name + ")";

    /// <summary>Every reference the kubelet would try to expand, in order.</summary>
    public static IReadOnlyList<VariableReference> Find(string text)
    {
        if (text.IndexOf('$') < 0)
        {
            return Array.Empty<VariableReference>();
        }

        var found = new List<VariableReference>();
        for (var cursor = 0; cursor < text.Length - 1; cursor++)
        {
            if (text[cursor] != '$')
            {
                continue;
            }

            var next = text[cursor + 1];
            if (next == '(')
            {
                var close = text.IndexOf(')', cursor + 2);
                if (close < 0)
                {
                    // An unclosed "$(" stays as written; the scan goes on after it.
                    cursor++;
                    continue;
                }

                found.Add(new VariableReference(text.Substring(cursor + 2, close - cursor - 2), cursor, close - cursor + 1));
                cursor = close;
                continue;
            }

            // "$$" is one literal '$'; "$x" is literal too. Either way the next character is consumed.
            cursor++;
        }

        return found;
    }

    /// <summary>
    /// True when the text contains <c>$(NAME)</c> as a plain substring and is not exactly it: the API's test for
    /// a repeated env name that extends its earlier definition (<c>PATH=$(PATH):/x</c>), which it does not warn about.
    /// </summary>
    public static bool ExtendsItself(string name, string? value)
    {
        var self = "$(" + name + ")";
        return value is not null && !string.Equals(value, self, StringComparison.Ordinal) && value.IndexOf(self, StringComparison.Ordinal) >= 0;
    }
}
