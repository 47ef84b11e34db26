using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers;

/// <summary>
/// The expression each nested conditional passes its branches' values to, remembered for one compilation so that
/// values in n nested conditionals are resolved in linear total time.
/// </summary>
internal sealed class ConditionalBindingCache
{
    private readonly ConcurrentDictionary<ConditionalExpressionSyntax, ExpressionSyntax> _bindings = new();

    public bool TryGet(ConditionalExpressionSyntax conditional, out ExpressionSyntax binding) =>
        _bindings.TryGetValue(conditional, out binding!);

    public void Add(ConditionalExpressionSyntax conditional, ExpressionSyntax binding) => _bindings.TryAdd(conditional, binding);
}
