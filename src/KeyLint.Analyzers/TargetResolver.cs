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
    /// <summary>
    /// Finds the target <paramref name="expression"/> is bound to. <paramref name="gate"/> decides whether the
    /// semantic model is asked for a positional argument's parameter name; without it, the name is left null.
    /// </summary>
    public static SecretTarget Resolve(
        ExpressionSyntax expression,
        SemanticModel model,
        ParameterNameGate gate,
        ResolverCaches? caches,
        CancellationToken cancellationToken)
    {
        var node = ClimbToBinding(expression, caches?.ConditionalBindings);
        var parent = node.Parent;
        switch (parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return SecretTarget.InType(declarator.Identifier.ValueText, declarator, node);

            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return SecretTarget.InType(property.Identifier.ValueText, property, node);

            case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                return SecretTarget.InType(parameter.Identifier.ValueText, parameter, node);

            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return TryGetCreatedTypeName(assignment, out var assignedType)
                    ? SecretTarget.Created(NameOf(assignment.Left), assignedType, node)
                    : SecretTarget.InType(NameOf(assignment.Left), assignment, node);

            case AnonymousObjectMemberDeclaratorSyntax member:
                var memberName = member.NameEquals?.Name.Identifier.ValueText ?? NameOf(member.Expression);
                return SecretTarget.InType(memberName, member, node);

            case ArgumentSyntax argument:
                return ResolveArgument(argument, node, model, gate, cancellationToken);

            case AttributeArgumentSyntax attributeArgument:
                return ResolveAttributeArgument(attributeArgument, node, model, gate, caches?.AttributeConstructors, cancellationToken);

            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } pair
                when pair.Expressions.Count == 2 && pair.Expressions[1] == node:
                return TryGetCreatedTypeName(pair, out var collectionType)
                    ? SecretTarget.Created(NameFromLiteral(pair.Expressions[0]), collectionType, node)
                    : SecretTarget.InType(NameFromLiteral(pair.Expressions[0]), pair, node);

            case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                return SecretTarget.InType(EnclosingMemberName(parent), parent, node);

            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison:
                var other = comparison.Left == node ? comparison.Right : comparison.Left;
                return SecretTarget.InType(NameOf(other), comparison, node);

            default:
                return SecretTarget.InType(null, node, node);
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

    // Climbs from a value through the expressions that pass it on unchanged (parentheses, casts, conditionals, switch
    // arms, array and collection initializers) to the expression that is bound to a target.
    private static ExpressionSyntax ClimbToBinding(ExpressionSyntax expression, ConditionalBindingCache? bindings)
    {
        var binding = ClimbFrom(expression, bindings, out var conditionals, out var known);
        var stop = known ?? binding;

        // Nested conditionals hold a value in each branch, and each would climb through all of them. Remembering
        // where each conditional leads makes the later climbs stop at the first one already seen, so n nested
        // conditionals cost linear time in total instead of quadratic.
        if (conditionals > 1 && bindings is not null)
        {
            for (SyntaxNode? node = expression; node is not null && node != stop; node = node.Parent)
            {
                if (node is ConditionalExpressionSyntax conditional)
                {
                    bindings.Add(conditional, binding);
                }
            }
        }

        return binding;
    }

    // Returns the binding and the number of conditionals passed. When the climb stops at a conditional whose binding
    // was already known, that conditional is returned in known.
    private static ExpressionSyntax ClimbFrom(
        ExpressionSyntax expression, ConditionalBindingCache? bindings, out int conditionals, out SyntaxNode? known)
    {
        conditionals = 0;
        known = null;
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
                    if (bindings is not null && bindings.TryGet(conditional, out var binding))
                    {
                        known = conditional;
                        return binding;
                    }

                    conditionals++;
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
        ArgumentSyntax argument,
        ExpressionSyntax binding,
        SemanticModel model,
        ParameterNameGate gate,
        CancellationToken cancellationToken)
    {
        if (argument.Parent is TupleExpressionSyntax tuple)
        {
            var tupleName = argument.NameColon?.Name.Identifier.ValueText ??
                (tuple.Arguments.Count == 2 && tuple.Arguments[1] == argument ? NameFromLiteral(tuple.Arguments[0].Expression) : null);
            return SecretTarget.InType(tupleName, tuple, binding);
        }

        if (argument.Parent is not BaseArgumentListSyntax { Parent: ExpressionSyntax call } list)
        {
            return SecretTarget.InType(null, argument, binding);
        }

        var explicitName = call is ObjectCreationExpressionSyntax explicitCreation ? RightmostName(explicitCreation.Type) : null;
        var implicitCreation = call is ImplicitObjectCreationExpressionSyntax ? call : null;
        if (argument.NameColon is { } nameColon)
        {
            return SecretTarget.CreatedOrInType(
                nameColon.Name.Identifier.ValueText, explicitName, implicitCreation, call, binding, model, cancellationToken);
        }

        // The parameter name costs a call to the semantic model, which binds the whole member the call sits in. It
        // is worth asking only when some name could make the value a finding.
        if (!gate.ValueCouldMatch())
        {
            return SecretTarget.InType(null, call, binding);
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
            if (method.MethodKind == MethodKind.Constructor && call is BaseObjectCreationExpressionSyntax)
            {
                explicitName ??= method.ContainingType.Name;
            }
        }

        // headers.Add("X-MBX-APIKEY", "..."), dictionary.Add("apiKey", "...") and new KeyValuePair("apiKey", "..."):
        // the parameter is only called "value", so the name sits in the argument before it.
        if ((parameterName is null or "value" or "item" or "obj") && index == 1 && list.Arguments.Count == 2 &&
            NameFromLiteral(list.Arguments[0].Expression) is { } pairName)
        {
            parameterName = pairName;
        }

        return SecretTarget.CreatedAndInType(parameterName, explicitName, implicitCreation, call, binding, model, cancellationToken);
    }

    private static SecretTarget ResolveAttributeArgument(
        AttributeArgumentSyntax argument,
        ExpressionSyntax binding,
        SemanticModel model,
        ParameterNameGate gate,
        AttributeConstructors? attributes,
        CancellationToken cancellationToken)
    {
        var name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
        if (name is null && argument.Parent is AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list &&
            gate.ValueCouldMatch())
        {
            var index = list.Arguments.IndexOf(argument);
            if ((attributes is null || attributes.MayBindToNamedParameter(attribute, index, model, gate)) &&
                model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor &&
                index < constructor.Parameters.Length)
            {
                name = constructor.Parameters[index].Name;
            }
        }

        return SecretTarget.InType(name, argument, binding);
    }

    /// <summary>Returns why C# needs a constant where <paramref name="node"/> sits, or null when it does not.</summary>
    public static string? FindConstantReason(SyntaxNode node)
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

    // In "new BinanceOptions { ApiSecret = ... }" the created type names the provider better than the type the code
    // sits in. Returns false when the node is not in an object initializer.
    private static bool TryGetCreatedTypeName(SyntaxNode node, out string? typeName)
    {
        if (node.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation })
        {
            typeName = RightmostName(creation.Type);
            return true;
        }

        if (node is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax collectionCreation })
        {
            typeName = RightmostName(collectionCreation.Type);
            return true;
        }

        typeName = null;
        return false;
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

    /// <summary>Returns the name of the innermost type declaration around <paramref name="node"/>.</summary>
    public static string? ContainingTypeName(SyntaxNode node)
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
