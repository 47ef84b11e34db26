using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace KeyLint.CodeFixes;

/// <summary>
/// Handles a key that initializes a <c>const</c>: the field becomes <c>static readonly</c> and the local loses
/// <c>const</c>. Neither happens while any use of the constant needs a compile-time value.
/// </summary>
internal static class ConstantDeclarations
{
    /// <summary>
    /// Tells whether the node sits where C# requires a constant: an attribute argument, a case label, a constant or
    /// relational pattern, <c>goto case</c>, a default parameter value, an enum member value and, when
    /// <paramref name="includeConstantDeclarations"/> is set, the initializer of a <c>const</c>.
    /// </summary>
    public static bool IsInConstantContext(SyntaxNode node, bool includeConstantDeclarations)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case RelationalPatternSyntax:
                case GotoStatementSyntax goTo when goTo.IsKind(SyntaxKind.GotoCaseStatement):
                case EqualsValueClauseSyntax { Parent: ParameterSyntax or EnumMemberDeclarationSyntax }:
                    return true;

                // "s is ApiSecret" parses as a type test and binds as a constant pattern.
                case BinaryExpressionSyntax isExpression when isExpression.IsKind(SyntaxKind.IsExpression) &&
                    isExpression.Right.Span.Contains(node.Span):
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }:
                    return includeConstantDeclarations && IsConst(declaration.Parent);
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the <c>const</c> field or local declaration whose initializer contains the node, or null when the
    /// node is not part of one.
    /// </summary>
    public static SyntaxNode? FindEnclosing(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is ExpressionSyntax or InterpolationSyntax or InterpolatedStringContentSyntax)
        {
            current = current.Parent;
        }

        if (current.Parent is EqualsValueClauseSyntax
            {
                Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: { } declaration } },
            } && IsConst(declaration))
        {
            return declaration;
        }

        return null;
    }

    /// <summary>
    /// Tells whether every constant the declaration declares may stop being a constant: no use of it anywhere in
    /// the solution needs a compile-time value, and no static initializer of the same type that runs before the
    /// new <c>static readonly</c> field reads it.
    /// </summary>
    public static async Task<bool> CanRemoveConstAsync(
        SyntaxNode declaration, SemanticModel model, Solution solution, CancellationToken cancellationToken)
    {
        var variables = declaration switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables,
            LocalDeclarationStatementSyntax local => local.Declaration.Variables,
            _ => default,
        };

        foreach (var variable in variables)
        {
            var symbol = model.GetDeclaredSymbol(variable, cancellationToken);
            if (symbol is null)
            {
                return false;
            }

            var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(reference => reference.Locations))
            {
                if (location.Location.SourceTree is not { } tree)
                {
                    continue;
                }

                var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var use = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (IsInConstantContext(use, includeConstantDeclarations: true) ||
                    (declaration is FieldDeclarationSyntax field && IsReadByEarlierStaticInitializer(use, field)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Turns <c>const</c> into <c>static readonly</c> on a field, or removes it from a local, keeping the trivia
    /// around the keyword.
    /// </summary>
    public static SyntaxNode RemoveConst(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case FieldDeclarationSyntax field:
            {
                var index = field.Modifiers.IndexOf(SyntaxKind.ConstKeyword);
                if (index < 0)
                {
                    return field;
                }

                var constKeyword = field.Modifiers[index];
                var modifiers = field.Modifiers.RemoveAt(index).InsertRange(index, new[]
                {
                    SyntaxFactory.Token(constKeyword.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.ReadOnlyKeyword, constKeyword.TrailingTrivia),
                });
                return field.WithModifiers(modifiers);
            }

            case LocalDeclarationStatementSyntax local:
            {
                var index = local.Modifiers.IndexOf(SyntaxKind.ConstKeyword);
                if (index < 0)
                {
                    return local;
                }

                var leading = local.Modifiers[index].LeadingTrivia;
                var withoutConst = local.WithModifiers(local.Modifiers.RemoveAt(index));
                if (index > 0)
                {
                    return withoutConst;
                }

                // The keyword carried the statement's indentation, so the next token takes it over.
                var first = withoutConst.GetFirstToken();
                return withoutConst.ReplaceToken(first, first.WithLeadingTrivia(leading));
            }

            default:
                return declaration;
        }
    }

    private static bool IsConst(SyntaxNode? declaration) => declaration switch
    {
        FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
        LocalDeclarationStatementSyntax local => local.IsConst,
        _ => false,
    };

    // Static initializers run in declaration order, so a static field or property initializer declared before the
    // new static readonly field would read null. Across partial declarations the order is not defined.
    private static bool IsReadByEarlierStaticInitializer(SyntaxNode use, FieldDeclarationSyntax constant)
    {
        foreach (var ancestor in use.Ancestors())
        {
            if (ancestor is not (FieldDeclarationSyntax or PropertyDeclarationSyntax))
            {
                if (ancestor is StatementSyntax or MemberDeclarationSyntax or AccessorListSyntax or ArrowExpressionClauseSyntax)
                {
                    return false;
                }

                continue;
            }

            var member = (MemberDeclarationSyntax)ancestor;
            var isStaticInitializer = member switch
            {
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.StaticKeyword),
                PropertyDeclarationSyntax property => property.Modifiers.Any(SyntaxKind.StaticKeyword) &&
                    property.Initializer is not null && property.Initializer.Span.Contains(use.Span),
                _ => false,
            };
            if (!isStaticInitializer || member.Parent is not TypeDeclarationSyntax userType ||
                constant.Parent is not TypeDeclarationSyntax constantType)
            {
                return false;
            }

            if (userType == constantType)
            {
                return member.SpanStart < constant.SpanStart;
            }

            // Another part of a partial type, where the order between the parts is not defined. A different type
            // of the same name is treated the same way, which costs a fix but never breaks code.
            return userType.Identifier.ValueText == constantType.Identifier.ValueText;
        }

        return false;
    }
}
