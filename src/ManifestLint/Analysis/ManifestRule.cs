using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ManifestLint.Analysis;

/// <summary>
/// A rule, shaped like a Roslyn <c>DiagnosticAnalyzer</c>: it declares its descriptors and registers actions
/// in <see cref="Initialize"/>. A new rule is added to <see cref="RuleCatalog"/>'s list (a test fails until it is).
/// A rule never opens a file, never formats output and never re-parses YAML.
/// </summary>
public abstract class ManifestRule
{
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>
    /// The options the rule reads, each declared as a static field of the rule class
    /// (<see cref="Configuration.LintOption{T}"/>); listed here, they join <see cref="Configuration.OptionCatalog"/>, so
    /// .editorconfig, the <c>--config</c> file and the analyzer read them. The rule reads a value with
    /// <c>context.Options.Get(Option)</c>.
    /// </summary>
    public virtual IReadOnlyList<Configuration.LintOption> Options => Array.Empty<Configuration.LintOption>();

    public abstract void Initialize(RuleContext context);
}
