using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes;

/// <summary>One planned rewrite: which syntax is replaced, by what, and which declarations change with it.</summary>
internal sealed class SecretReplacement
{
    public SecretReplacement(
        SyntaxNode node,
        TextSpan keySpan,
        SecretSource source,
        string expressionText,
        SyntaxNode? constantDeclaration,
        TypeSyntax? varType,
        string? explicitTypeText)
    {
        Node = node;
        KeySpan = keySpan;
        Source = source;
        ExpressionText = expressionText;
        ConstantDeclaration = constantDeclaration;
        VarType = varType;
        ExplicitTypeText = explicitTypeText;
    }

    /// <summary>
    /// The expression to replace (a string literal, a UTF-8 literal or the <c>ToArray()</c> call on one, a
    /// concatenation, an interpolated string with no holes), or the <see cref="InterpolatedStringTextSyntax"/> in
    /// which the key becomes an interpolation hole.
    /// </summary>
    public SyntaxNode Node { get; }

    public bool IsInterpolatedText => Node is InterpolatedStringTextSyntax;

    /// <summary>The source span of the key inside <see cref="Node"/> when it is an interpolated text part.</summary>
    public TextSpan KeySpan { get; }

    /// <summary>Where the rewritten code reads the secret from.</summary>
    public SecretSource Source { get; }

    /// <summary>C# source of the expression that reads the secret, such as <c>Environment.GetEnvironmentVariable("X")</c>.</summary>
    public string ExpressionText { get; }

    /// <summary>The <c>const</c> field or local declaration that the rewrite turns into a <c>static readonly</c> field or a plain local.</summary>
    public SyntaxNode? ConstantDeclaration { get; }

    /// <summary>
    /// The <c>var</c> of a local that held a UTF-8 literal: it becomes <see cref="ExplicitTypeText"/> so the local
    /// keeps the type <c>ReadOnlySpan&lt;byte&gt;</c> instead of turning into <c>byte[]</c>.
    /// </summary>
    public TypeSyntax? VarType { get; }

    public string? ExplicitTypeText { get; }
}
