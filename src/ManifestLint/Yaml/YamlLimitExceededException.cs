namespace ManifestLint.Yaml;

/// <summary>Thrown by the tree builder when input crosses a <see cref="YamlLimits"/> bound.</summary>
public sealed class YamlLimitExceededException : Exception
{
    public YamlLimitExceededException(string message, SourcePosition position)
        : base(message)
    {
        Position = position;
    }

    public SourcePosition Position { get; }
}
