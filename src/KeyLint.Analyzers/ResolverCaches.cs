using KeyLint.Core.Names;

namespace KeyLint.Analyzers;

/// <summary>
/// What target resolution learns about one compilation and reuses across its strings. Each part
/// holds only names, syntax nodes and symbols of that compilation, and lives as long as its analysis.
/// </summary>
internal sealed class ResolverCaches
{
    public ConditionalBindingCache ConditionalBindings { get; } = new();

    public AttributeConstructors AttributeConstructors { get; } = new();

    /// <summary>The words of the target and type names met so far.</summary>
    public NameWordCache NameWords { get; } = new();
}
