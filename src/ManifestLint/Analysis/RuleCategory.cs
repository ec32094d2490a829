namespace ManifestLint.Analysis;

/// <summary>Rule categories: the ID's hundreds digit and the <c>category-</c> name in .editorconfig.</summary>
public static class RuleCategory
{
    public const string Input = "Input";
    public const string References = "References";
    public const string Content = "Content";
    public const string Volumes = "Volumes";
    public const string Environment = "Environment";
}
