using System.Text;
using ManifestLint.Analysis;
using ManifestLint.Model;
using ManifestLint.Text;

namespace ManifestLint.Rules;

/// <summary>Wording the environment rules (ML4xxx) share, so that their messages name things the same way.</summary>
internal static class EnvironmentText
{
    /// <summary>How many names a message lists before it says "and N more".</summary>
    public const int ListLimit = 5;

    /// <summary><c>container 'app' of Deployment default/web</c>.</summary>
    public static string Of(Container container) =>
        $"{MessageText.Shorten(container.DisplayName, 120)} of {MessageText.Shorten(container.Pod.Owner.DisplayName, 320)}";

    /// <summary><c>'A', 'B' and 'C'</c>, or <c>'A', 'B', 'C', 'D', 'E' and 3 more</c>.</summary>
    public static string List(IReadOnlyList<string> names)
    {
        var builder = new StringBuilder();
        var shown = Math.Min(names.Count, ListLimit);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
            {
                builder.Append(i == shown - 1 && shown == names.Count ? " and " : ", ");
            }

            builder.Append('\'').Append(MessageText.Shorten(names[i])).Append('\'');
        }

        if (names.Count > shown)
        {
            builder.Append(" and ").Append(names.Count - shown).Append(" more");
        }

        return builder.ToString();
    }

    /// <summary><c>line 12</c> of a node, for messages that point back at an earlier definition.</summary>
    public static string Line(EnvironmentVariable definition) =>
        definition.Node is { } node ? "line " + node.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "an earlier entry";
}
