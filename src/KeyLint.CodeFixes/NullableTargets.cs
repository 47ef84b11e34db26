using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeyLint.CodeFixes;

/// <summary>Decides whether the target a string expression is bound to is declared to accept null.</summary>
internal static class NullableTargets
{
    /// <summary>
    /// Returns true only when the target is declared nullable (<c>string?</c>): a field, property, local,
    /// parameter, indexer or return type. A <c>var</c> local, an unknown target and any target in code without
    /// nullable annotations return false, because the code after them was written for a value that is never null.
    /// </summary>
    public static bool AcceptsNull(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var node = ClimbToBinding(expression);
        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                if (declarator.Parent is VariableDeclarationSyntax { Type.IsVar: true })
                {
                    return false;
                }

                return IsAnnotated(TypeOf(model.GetDeclaredSymbol(declarator, cancellationToken)));

            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return IsAnnotated(model.GetDeclaredSymbol(property, cancellationToken)?.Type);

            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                var assigned = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                return !IsVarLocal(assigned, cancellationToken) && IsAnnotated(TypeOf(assigned));

            case ArgumentSyntax argument:
                if (model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } operation)
                {
                    var type = operation.ArgumentKind == ArgumentKind.ParamArray && parameter.Type is IArrayTypeSymbol array
                        ? array.ElementType
                        : parameter.Type;
                    return IsAnnotated(type);
                }

                return false;

            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
                return model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is IMethodSymbol method &&
                    IsAnnotated(method.ReturnType);

            default:
                return false;
        }
    }

    // Steps over wrappers that hand the value on unchanged, as the analyzer's target resolution does.
    private static ExpressionSyntax ClimbToBinding(ExpressionSyntax expression)
    {
        var node = expression;
        while (true)
        {
            switch (node.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    node = parenthesized;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                    node = conditional;
                    continue;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == node:
                    node = coalesce;
                    continue;
                default:
                    return node;
            }
        }
    }

    private static ITypeSymbol? TypeOf(ISymbol? symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    private static bool IsVarLocal(ISymbol? symbol, CancellationToken cancellationToken)
    {
        if (symbol is not ILocalSymbol local)
        {
            return false;
        }

        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken).Parent is VariableDeclarationSyntax { Type.IsVar: true })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAnnotated(ITypeSymbol? type) => type?.NullableAnnotation == NullableAnnotation.Annotated;
}
