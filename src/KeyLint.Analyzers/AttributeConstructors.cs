using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers;

/// <summary>
/// Finds the types an attribute name could stand for by binding the name alone, once per type declaration and
/// name. Binding the attribute itself (overload resolution over its arguments, nullable analysis) costs far more,
/// and controllers repeat the same attributes with route templates on every action.
/// </summary>
internal sealed class AttributeConstructors
{
    private readonly ConcurrentDictionary<(SyntaxNode Scope, string Name), List<INamedTypeSymbol>?> _types = new();

    /// <summary>
    /// Tells whether the positional argument at <paramref name="index"/> could be bound to a parameter whose name
    /// matters to <paramref name="gate"/>. Returns true when the attribute's type cannot be found this way, so that the
    /// caller binds the attribute.
    /// </summary>
    public bool MayBindToNamedParameter(AttributeSyntax attribute, int index, SemanticModel model, ParameterNameGate gate)
    {
        if (!TryGetKey(attribute, out var key, out var type))
        {
            return true;
        }

        if (!_types.TryGetValue(key, out var types))
        {
            types = _types.GetOrAdd(key, FindTypes(type, key.Name, model));
        }

        if (types is null)
        {
            return true;
        }

        foreach (var candidate in types)
        {
            foreach (var constructor in candidate.InstanceConstructors)
            {
                // As in TargetResolver, an argument past the last parameter gets no name, even after a params array.
                var parameters = constructor.Parameters;
                if (index < parameters.Length && gate.MayMatter(parameters[index].Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // C# looks for both "NameAttribute" and "Name". When "NameAttribute" is an attribute class, the attribute is that
    // class, or an ambiguity error with no constructor when "Name" is one too. So "Name" is bound only when needed,
    // which saves the costly binding of a name that does not exist. Returns null when neither is a type.
    private static List<INamedTypeSymbol>? FindTypes(TypeDeclarationSyntax scope, string name, SemanticModel model)
    {
        // A position in the type's body, where attributes on its members are bound.
        var position = scope.OpenBraceToken.Span.End;
        var suffixed = BindType(position, name + "Attribute", model);
        if (suffixed is not null && IsAttributeClass(suffixed))
        {
            return new List<INamedTypeSymbol> { suffixed };
        }

        var plain = BindType(position, name, model);
        if (suffixed is null && plain is null)
        {
            return null;
        }

        var types = new List<INamedTypeSymbol>();
        if (suffixed is not null)
        {
            types.Add(suffixed);
        }

        if (plain is not null)
        {
            types.Add(plain);
        }

        return types;
    }

    private static INamedTypeSymbol? BindType(int position, string name, SemanticModel model) =>
        model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName(name), SpeculativeBindingOption.BindAsTypeOrNamespace)
            .Symbol as INamedTypeSymbol;

    private static bool IsAttributeClass(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    // The same name binds to the same type on all members of one type declaration. A generic method is left out,
    // because its type parameters are in scope of its attributes and could hide the type.
    private static bool TryGetKey(AttributeSyntax attribute, out (SyntaxNode Scope, string Name) key, out TypeDeclarationSyntax type)
    {
        key = default;
        type = null!;
        if (attribute.Name is not IdentifierNameSyntax name ||
            attribute.Parent?.Parent is not MemberDeclarationSyntax member ||
            member is BaseTypeDeclarationSyntax or MethodDeclarationSyntax { TypeParameterList: not null } ||
            member.Parent is not TypeDeclarationSyntax { OpenBraceToken.RawKind: (int)SyntaxKind.OpenBraceToken } declaration)
        {
            return false;
        }

        type = declaration;
        key = (declaration, name.Identifier.ValueText);
        return true;
    }
}
