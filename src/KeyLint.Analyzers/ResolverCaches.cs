namespace KeyLint.Analyzers;

/// <summary>
/// What target resolution and constant folding learn about one compilation and reuse across its strings. Each part
/// holds only syntax nodes and symbols of that compilation, and lives as long as its analysis.
/// </summary>
internal sealed class ResolverCaches
{
    public ConditionalBindingCache ConditionalBindings { get; } = new();

    public AttributeConstructors AttributeConstructors { get; } = new();

    public ConstantNames ConstantNames { get; } = new();
}
