using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers;

/// <summary>
/// The members each type declaration declares, by name, read from the syntax once per declaration. A class of
/// constants folded from one another would otherwise scan all its members for every name.
/// </summary>
internal sealed class DeclaredMemberIndex
{
    private readonly ConcurrentDictionary<TypeDeclarationSyntax, Dictionary<string, (NameKind Kind, string? Value)?>> _types = new();

    /// <summary>
    /// Returns false when this declaration declares no member of that name. Otherwise <paramref name="member"/> is
    /// what the syntax tells: a field, property, method or event is not constant, a string constant set to a literal
    /// has that value, and null means that only the symbol can tell, as for a constant folded from other constants.
    /// </summary>
    public bool TryFind(TypeDeclarationSyntax type, string name, out (NameKind Kind, string? Value)? member)
    {
        if (!_types.TryGetValue(type, out var members))
        {
            members = _types.GetOrAdd(type, Read(type));
        }

        return members.TryGetValue(name, out member);
    }

    private static Dictionary<string, (NameKind Kind, string? Value)?> Read(TypeDeclarationSyntax type)
    {
        var members = new Dictionary<string, (NameKind Kind, string? Value)?>(StringComparer.Ordinal);
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case BaseFieldDeclarationSyntax field:
                    var isConstant = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    var isString = field.Declaration.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword };
                    foreach (var declarator in field.Declaration.Variables)
                    {
                        (NameKind Kind, string? Value)? found = null;
                        if (!isConstant)
                        {
                            found = (NameKind.NotConstant, null);
                        }
                        else if (isString &&
                            declarator.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                        {
                            found = (NameKind.Constant, literal.Token.ValueText);
                        }

                        Add(members, declarator.Identifier.ValueText, found);
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    Add(members, property.Identifier.ValueText, (NameKind.NotConstant, null));
                    break;
                case MethodDeclarationSyntax method:
                    Add(members, method.Identifier.ValueText, (NameKind.NotConstant, null));
                    break;
                case EventDeclarationSyntax eventDeclaration:
                    Add(members, eventDeclaration.Identifier.ValueText, (NameKind.NotConstant, null));
                    break;
            }
        }

        return members;
    }

    // Two members of one name are overloads, which are methods, or a compile error; either way the name is no constant.
    private static void Add(Dictionary<string, (NameKind Kind, string? Value)?> members, string name, (NameKind Kind, string? Value)? found)
    {
        members[name] = members.ContainsKey(name) ? (NameKind.NotConstant, null) : found;
    }
}
