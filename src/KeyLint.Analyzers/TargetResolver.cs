using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers;

/// <summary>
/// Finds what a string expression is bound to. Syntax resolves almost every case. The semantic model is asked only
/// for positional arguments, whose parameter name is declared by the called method.
/// </summary>
internal static class TargetResolver
{
    public static SecretTarget Resolve(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var node = ClimbToBinding(expression);
        var parent = node.Parent;
        var constantReason = FindConstantReason(node);
        switch (parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return new SecretTarget(declarator.Identifier.ValueText, ContainingTypeName(declarator), constantReason);

            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return new SecretTarget(property.Identifier.ValueText, ContainingTypeName(property), constantReason);

            case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                return new SecretTarget(parameter.Identifier.ValueText, ContainingTypeName(parameter), constantReason);

            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return new SecretTarget(NameOf(assignment.Left), CreatedOrContainingTypeName(assignment), constantReason);

            case AnonymousObjectMemberDeclaratorSyntax member:
                var memberName = member.NameEquals?.Name.Identifier.ValueText ?? NameOf(member.Expression);
                return new SecretTarget(memberName, ContainingTypeName(member), constantReason);

            case ArgumentSyntax argument:
                return ResolveArgument(argument, model, constantReason, cancellationToken);

            case AttributeArgumentSyntax attributeArgument:
                return ResolveAttributeArgument(attributeArgument, model, constantReason, cancellationToken);

            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } pair
                when pair.Expressions.Count == 2 && pair.Expressions[1] == node:
                return new SecretTarget(NameFromLiteral(pair.Expressions[0]), CreatedOrContainingTypeName(pair), constantReason);

            case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                return new SecretTarget(EnclosingMemberName(parent), ContainingTypeName(parent), constantReason);

            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison:
                var other = comparison.Left == node ? comparison.Right : comparison.Left;
                return new SecretTarget(NameOf(other), ContainingTypeName(comparison), constantReason);

            default:
                return new SecretTarget(null, ContainingTypeName(node), constantReason);
        }
    }

    /// <summary>
    /// Returns the text of a string literal when it reads as a name (<c>apiKey</c>, <c>X-MBX-APIKEY</c>,
    /// <c>Binance:ApiSecret</c>). Anything longer or more random is refused, so that a key passed where a name
    /// usually goes never reaches a diagnostic message.
    /// </summary>
    public static string? NameFromLiteral(ExpressionSyntax expression)
    {
        if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
        {
            return null;
        }

        var text = literal.Token.ValueText;
        if (text.Length == 0 || text.Length > 48)
        {
            return null;
        }

        var digits = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (!char.IsLetter(c) && c is not ('_' or '-' or ':' or '.' or ' '))
            {
                return null;
            }
        }

        return digits <= 3 ? text : null;
    }

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
                case CastExpressionSyntax cast:
                    node = cast;
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    node = suppressed;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                    node = conditional;
                    continue;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when coalesce.Right == node:
                    node = coalesce;
                    continue;
                case SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax switchExpression } arm when arm.Expression == node:
                    node = switchExpression;
                    continue;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression } array:
                    if (array.Parent is ExpressionSyntax arrayCreation)
                    {
                        node = arrayCreation;
                        continue;
                    }

                    if (array.Parent is EqualsValueClauseSyntax)
                    {
                        // "string[] keys = { ... }": the initializer binds like the array it creates.
                        return array;
                    }

                    return node;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression, Parent: ExpressionSyntax collection }:
                    node = collection;
                    continue;
                default:
                    if (node.Parent is { RawKind: (int)SyntaxKind.ExpressionElement, Parent: ExpressionSyntax collectionExpression })
                    {
                        node = collectionExpression;
                        continue;
                    }

                    return node;
            }
        }
    }

    private static SecretTarget ResolveArgument(
        ArgumentSyntax argument, SemanticModel model, string? constantReason, CancellationToken cancellationToken)
    {
        if (argument.Parent is TupleExpressionSyntax tuple)
        {
            var tupleName = argument.NameColon?.Name.Identifier.ValueText ??
                (tuple.Arguments.Count == 2 && tuple.Arguments[1] == argument ? NameFromLiteral(tuple.Arguments[0].Expression) : null);
            return new SecretTarget(tupleName, ContainingTypeName(tuple), constantReason);
        }

        if (argument.Parent is not BaseArgumentListSyntax { Parent: ExpressionSyntax call } list)
        {
            return new SecretTarget(null, ContainingTypeName(argument), constantReason);
        }

        var typeName = call is BaseObjectCreationExpressionSyntax ? CreatedTypeName(call, model, cancellationToken) : null;
        if (argument.NameColon is { } nameColon)
        {
            return new SecretTarget(nameColon.Name.Identifier.ValueText, typeName ?? ContainingTypeName(call), constantReason);
        }

        var index = list.Arguments.IndexOf(argument);
        string? parameterName = null;
        if (model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method)
        {
            var parameters = method.Parameters;
            var parameter = index < parameters.Length
                ? parameters[index]
                : parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? parameters[parameters.Length - 1] : null;
            parameterName = parameter?.Name;
            if (method.MethodKind == MethodKind.Constructor)
            {
                typeName ??= method.ContainingType.Name;
            }
        }

        // headers.Add("X-MBX-APIKEY", "..."), dictionary.Add("apiKey", "...") and new KeyValuePair("apiKey", "..."):
        // the parameter is only called "value", so the name sits in the argument before it.
        if ((parameterName is null or "value" or "item" or "obj") && index == 1 && list.Arguments.Count == 2 &&
            NameFromLiteral(list.Arguments[0].Expression) is { } pairName)
        {
            parameterName = pairName;
        }

        // "new ExchangeCredentials(...)" inside "class KucoinClient": both types may name the provider.
        return new SecretTarget(parameterName, JoinTypeNames(typeName, ContainingTypeName(call)), constantReason);
    }

    private static string? JoinTypeNames(string? created, string? containing)
    {
        if (created is null || containing is null)
        {
            return created ?? containing;
        }

        return created + " " + containing;
    }

    private static SecretTarget ResolveAttributeArgument(
        AttributeArgumentSyntax argument, SemanticModel model, string? constantReason, CancellationToken cancellationToken)
    {
        var name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
        if (name is null && argument.Parent is AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list &&
            model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor)
        {
            var index = list.Arguments.IndexOf(argument);
            if (index < constructor.Parameters.Length)
            {
                name = constructor.Parameters[index].Name;
            }
        }

        return new SecretTarget(name, ContainingTypeName(argument), constantReason);
    }

    private static string? FindConstantReason(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                    return "C# requires a constant in an attribute argument";
                case CaseSwitchLabelSyntax or ConstantPatternSyntax:
                    return "C# requires a constant in a case label or pattern";
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return "C# requires a constant as a default parameter value";
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string? NameOf(ExpressionSyntax expression)
    {
        return expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access =>
                NameFromLiteral(access.ArgumentList.Arguments[0].Expression),
            ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } access =>
                NameFromLiteral(access.ArgumentList.Arguments[0].Expression),
            _ => null,
        };
    }

    private static string? CreatedOrContainingTypeName(SyntaxNode node)
    {
        // In "new BinanceOptions { ApiSecret = ... }" the created type names the provider better than the method
        // the code sits in.
        if (node.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation })
        {
            return RightmostName(creation.Type);
        }

        if (node is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax collectionCreation })
        {
            return RightmostName(collectionCreation.Type);
        }

        return ContainingTypeName(node);
    }

    private static string? CreatedTypeName(ExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        return creation switch
        {
            ObjectCreationExpressionSyntax explicitCreation => RightmostName(explicitCreation.Type),
            _ => model.GetTypeInfo(creation, cancellationToken).Type?.Name,
        };
    }

    private static string? RightmostName(TypeSyntax type)
    {
        return type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }

    private static string? ContainingTypeName(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is BaseTypeDeclarationSyntax type)
            {
                return type.Identifier.ValueText;
            }
        }

        return null;
    }

    private static string? EnclosingMemberName(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
