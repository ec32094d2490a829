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

    public abstract void Initialize(RuleContext context);
}
