using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Core.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes;

/// <summary>
/// Decides whether a diagnostic can be fixed and, if so, what replaces the reported syntax. Every check that can
/// reject a fix lives here, so the single fix and Fix All skip the same diagnostics.
/// </summary>
internal static class SecretReplacementPlanner
{
    /// <summary>
    /// Plans the fix of <paramref name="diagnostic"/>, or returns null when no fix may be offered: the analyzer
    /// marked it unfixable, the reported node is not of a kind the fixer handles, the node sits where C# requires a
    /// constant or inside an expression tree, or it initializes a <c>const</c> that some code uses as a constant.
    /// </summary>
    public static async Task<SecretReplacement?> PlanAsync(
        Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.Fix, out var fix) || fix != FixProperties.Fixable ||
            !diagnostic.Properties.TryGetValue(FixProperties.VariableName, out var variableName) ||
            string.IsNullOrEmpty(variableName) ||
            diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var reported = FindReportedNode(root, diagnostic.Location.SourceSpan);
        if (reported is null || ConstantDeclarations.IsInConstantContext(reported, includeConstantDeclarations: false) ||
            IsInExpressionTree(reported, model, cancellationToken))
        {
            return null;
        }

        SyntaxNode node = reported;
        var keySpan = default(TextSpan);
        if (reported is InterpolatedStringTextSyntax text)
        {
            keySpan = FindKeySpan(text, diagnostic.Location.SourceSpan);
            if (keySpan == text.Span && text.Parent is InterpolatedStringExpressionSyntax { Contents.Count: 1 } whole)
            {
                // $"key" with no holes: replace the whole string rather than leave $"{...}" behind.
                node = whole;
            }
        }

        var constantDeclaration = ConstantDeclarations.FindEnclosing(node);
        if (constantDeclaration is not null &&
            !await ConstantDeclarations.CanRemoveConstAsync(constantDeclaration, model, document.Project.Solution, cancellationToken)
                .ConfigureAwait(false))
        {
            return null;
        }

        if (!IsUtf8(node))
        {
            return Create(node, keySpan, variableName!, model, Utf8Form.None, constantDeclaration, cancellationToken);
        }

        if (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" } toArray &&
            toArray.Expression == node &&
            toArray.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } call)
        {
            // "..."u8.ToArray() is already the byte[] that Encoding.GetBytes returns.
            return Create(call, keySpan, variableName!, model, Utf8Form.ByteArray, constantDeclaration, cancellationToken);
        }

        var form = node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Expression == node
            ? Utf8Form.SpanReceiver
            : Utf8Form.Span;
        return Create(node, keySpan, variableName!, model, form, constantDeclaration, cancellationToken);
    }

    private static SecretReplacement Create(
        SyntaxNode node,
        TextSpan keySpan,
        string variableName,
        SemanticModel model,
        Utf8Form utf8Form,
        SyntaxNode? constantDeclaration,
        CancellationToken cancellationToken)
    {
        var names = new TypeNames(model, node.SpanStart);
        var utf8 = utf8Form != Utf8Form.None;
        var isHole = node is InterpolatedStringTextSyntax;

        // A null from a missing variable would reach Encoding.GetBytes or vanish silently into interpolated text,
        // so those always throw. Elsewhere only a target declared nullable takes the null.
        var throwIfMissing = utf8 || isHole ||
            !NullableTargets.AcceptsNull((ExpressionSyntax)node, model, cancellationToken);
        string? lineBreak = null;
        if (throwIfMissing && !utf8 && !isHole && ReplacementText.StandsAlone(node))
        {
            lineBreak = ReplacementText.ContinuationLineBreak(node);
        }

        var text = ReplacementText.Build(names, variableName, throwIfMissing, lineBreak);
        if (utf8)
        {
            text = $"{names.Encoding}.UTF8.GetBytes({text})";
            if (utf8Form == Utf8Form.SpanReceiver)
            {
                text = $"new {names.ReadOnlySpanOfByte}({text})";
            }
        }
        else if (throwIfMissing && !isHole && ReplacementText.NeedsParentheses(node))
        {
            text = $"({text})";
        }

        TypeSyntax? varType = null;
        string? explicitType = null;
        if (utf8Form == Utf8Form.Span && node.Parent is EqualsValueClauseSyntax
            {
                Parent: VariableDeclaratorSyntax
                {
                    Parent: VariableDeclarationSyntax { Type.IsVar: true, Variables.Count: 1 } declaration,
                },
            })
        {
            // "var key = "..."u8;" would otherwise become a byte[] local and lose members such as Slice.
            varType = declaration.Type;
            explicitType = names.ReadOnlySpanOfByte;
        }

        return new SecretReplacement(node, keySpan, variableName, text, constantDeclaration, varType, explicitType);
    }

    /// <summary>
    /// Returns the node a diagnostic reports: a string or UTF-8 literal, a concatenation, or an interpolated text
    /// part, which may also contain the reported span.
    /// </summary>
    private static SyntaxNode? FindReportedNode(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        var found = root.FindNode(span, findInsideTrivia: false, getInnermostNodeForTie: true);
        foreach (var node in found.AncestorsAndSelf())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.Span == span &&
                    literal.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression:
                    return literal;
                case BinaryExpressionSyntax binary when binary.Span == span && binary.IsKind(SyntaxKind.AddExpression):
                    return binary;
                case InterpolatedStringTextSyntax text when text.Span.Contains(span):
                    return text;
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds where the key is in an interpolated text part. The analyzer reports the whole part, so the key is found
    /// again by the same catalog match. A narrower reported span is taken as it is.
    /// </summary>
    private static TextSpan FindKeySpan(InterpolatedStringTextSyntax text, TextSpan reported)
    {
        if (reported != text.Span && !reported.IsEmpty)
        {
            return reported;
        }

        // The source text is scanned rather than the value, so offsets need no mapping through escapes. Catalog
        // key formats contain no characters that C# escapes.
        if (SecretScanner.Default.TryMatchFormat(text.TextToken.Text, out var finding))
        {
            return new TextSpan(text.SpanStart + finding.Start, finding.Length);
        }

        // NOTE: a key found only through its target's name (KL0002) has no span of its own, so the whole text part
        // becomes the interpolation hole.
        return text.Span;
    }

    // An expression tree cannot hold a throw expression (CS8188), and without the throw a missing variable would
    // pass null where the code expects a string, so no fix is offered there.
    private static bool IsInExpressionTree(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax lambda &&
                model.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol
                {
                    Name: "Expression",
                    ContainingNamespace: { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } },
                })
            {
                return true;
            }

            if (ancestor is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsUtf8(SyntaxNode node)
    {
        if (node.IsKind(SyntaxKind.Utf8StringLiteralExpression))
        {
            return true;
        }

        if (node is BinaryExpressionSyntax)
        {
            foreach (var descendant in node.DescendantNodes())
            {
                if (descendant.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How a UTF-8 literal's replacement keeps the code compiling.</summary>
    private enum Utf8Form
    {
        /// <summary>Not a UTF-8 literal.</summary>
        None,

        /// <summary>The byte[] converts to the <c>ReadOnlySpan&lt;byte&gt;</c> the literal had.</summary>
        Span,

        /// <summary>The literal is the receiver of a member access, so the array is wrapped in a span again.</summary>
        SpanReceiver,

        /// <summary><c>"..."u8.ToArray()</c> is replaced as a whole, since it is already a byte[].</summary>
        ByteArray,
    }
}
