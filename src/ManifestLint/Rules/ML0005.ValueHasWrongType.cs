using System.Collections.Immutable;
using ManifestLint.Analysis;
using ManifestLint.Fixes;
using ManifestLint.Model.Schema;
using ManifestLint.Yaml;
using Microsoft.CodeAnalysis;
using ManifestLint.Text;

namespace ManifestLint.Rules;

public sealed class ValueHasWrongType : ManifestRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        "ML0005",
        "Value has the wrong type",
        "{0} is {1}, but the API expects {2} and rejects the object. {3}.",
        RuleCategory.Input,
        DiagnosticSeverity.Error,
        enabledByDefault: true,
        "After Kubernetes' YAML resolution the value has a type the field cannot take (optional: \"true\", defaultMode: \"0644\", items as a mapping), so the API rejects the object when it decodes it.",
        RulePrecision.VeryHigh,
        "Write the value in the type the field expects: unquote booleans and numbers, quote text, and write lists with '- '.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(RuleContext context) => context.RegisterObjectAction(context =>
    {
        foreach (var violation in SchemaChecker.Check(context.Object))
        {
            if (violation.Kind == ViolationKind.WrongType)
            {
                // A wrong scalar is shown where it is; a block mapping or list starts on the next line, so its key is.
                var anchor = violation.Node is YamlScalar || violation.ItemIndex is not null ? violation.Node : violation.Entry.Key;
                var secret = context.Object.IsKind("Secret");
                context.ReportAt(Rule, anchor, null, Hint(context.Object.FileOf(anchor), violation, secret), MessageArguments(violation, context.Object.DisplayName, secret));
            }
        }
    });

    /// <param name="secret">A Secret: the fix is shown without the value, which reports (CI logs, SARIF uploads) must never carry.</param>
    private static object?[] MessageArguments(SchemaViolation violation, string objectName, bool secret)
    {
        var entry = violation.Entry;
        var node = violation.Node;
        var expected = violation.Expected!.Type;
        var actual = node is YamlScalar scalar && scalar.IsQuoted ? "a quoted string" : Article(node.TypeName) + " " + node.TypeName;
        var field = violation.ItemIndex is { } index ? $"Item {index + 1} of '{entry.Name}'" : $"'{entry.Name}'";
        var where = violation.Structure == KubernetesSchema.ConfigMap || violation.Structure == KubernetesSchema.Secret
            ? $"{field} of {objectName}"
            : $"{field} in {violation.Structure.DisplayName} of {objectName}";
        var fix = violation.ItemIndex is not null
            ? $"Write each item as a mapping ({violation.Expected.Structure?.DisplayName ?? "an entry"}), starting with '- '"
            : Fix(node, expected, secret);
        return new object?[] { where, actual, Describe(expected), fix };
    }

    /// <summary>
    /// The rewrite whose meaning is not in doubt: a quoted boolean or whole number written without quotes (canonical
    /// true/false), a plain number or boolean where the API wants text quoted as written.
    /// </summary>
    /// <param name="secret">A Secret: the fix's title does not show the value.</param>
    private static FixHint? Hint(Loading.SourceFile file, SchemaViolation violation, bool secret)
    {
        if (violation.ItemIndex is not null || violation.Node is not YamlScalar scalar || violation.Expected is not { } expected)
        {
            return null;
        }

        if (expected.Type == FieldType.String)
        {
            // Names and prefixes have formats of their own (1_000 quoted is an invalid name): renaming is the user's call.
            return scalar.IsPlain && violation.Entry.Name is not ("name" or "prefix") ? FixHints.QuotePlain(file, scalar, secret ? "Quote the value" : $"Quote it: {ScalarText.DoubleQuoted(scalar.Value)}") : null;
        }

        if (!scalar.IsQuoted || scalar.Value.Length == 0 || scalar.Value.Trim() != scalar.Value)
        {
            return null;
        }

        var unquoted = ScalarResolver.ResolvePlain(scalar.Value);
        var literal = expected.Type switch
        {
            FieldType.Int32 when unquoted.Type == ScalarType.Int && unquoted.Integer is >= int.MinValue and <= int.MaxValue
                                 && ScalarText.IsNumberLiteral(scalar.Value) && MeansTheNumber(violation.Entry.Name, scalar.Value, unquoted.Integer.Value) => scalar.Value,
            // readOnly: "false" unquoted is readOnly: false, which on the volumes most mounts use is ignored (ML3009):
            // whether to drop the line or keep it is the user's choice.
            FieldType.Bool when unquoted.Type == ScalarType.Bool && !(violation.Entry.Name == "readOnly" && !unquoted.Bool) => unquoted.Bool ? "true" : "false",
            _ => null,
        };
        return literal is null ? null : FixHints.ReplaceScalar(file, scalar, literal, $"Write it without quotes: {literal}");
    }

    /// <summary>
    /// A file mode in quotes is unambiguous only as an octal literal in range ("0644"): "644" unquoted is decimal 644
    /// (ML3001), not the mode its digits suggest. Other numbers mean what they say.
    /// </summary>
    private static bool MeansTheNumber(string? field, string literal, long value) =>
        field is not ("defaultMode" or "mode")
        || (literal.Length > 1 && literal[0] == '0' && value is >= 0 and <= Model.FilePermissions.Max);

    private static string Article(string noun) => noun.Length > 0 && "aeiou".IndexOf(noun[0]) >= 0 ? "an" : "a";

    private static string Describe(FieldType type) => type switch
    {
        FieldType.String => "a string",
        FieldType.Bool => "a boolean",
        FieldType.Int32 => "a whole number",
        FieldType.List => "a list",
        _ => "a mapping",
    };

    /// <summary>The message's last sentence, without its period (the format ends it).</summary>
    private static string Fix(YamlNode value, FieldType expected, bool secret)
    {
        if (value is YamlScalar scalar)
        {
            var unquoted = ScalarResolver.ResolvePlain(scalar.Value.Length == 0 ? "''" : scalar.Value);
            switch (expected)
            {
                case FieldType.Int32 when unquoted.Type == ScalarType.Int && unquoted.Integer is >= int.MinValue and <= int.MaxValue:
                    return secret ? "Write it without quotes (the value is not shown: this is a Secret)" : $"Write it without quotes: {MessageText.Shorten(scalar.Value)}";
                case FieldType.Bool when unquoted.Type == ScalarType.Bool:
                    return $"Write it without quotes: {(unquoted.Bool ? "true" : "false")}";
                case FieldType.String:
                    return secret ? "Quote it (the value is not shown: this is a Secret)" : $"Quote it: {MessageText.DoubleQuoted(MessageText.Shorten(scalar.Value))}";
                case FieldType.Int32:
                    return "Use a whole number (file modes as octal, such as 0644)";
                case FieldType.Bool:
                    return "Use true or false";
            }
        }

        return expected switch
        {
            FieldType.List => "Write it as a list of entries, each starting with '- '",
            FieldType.Object or FieldType.Map => "Write it as a mapping of fields",
            _ => "Write a single value",
        };
    }
}
