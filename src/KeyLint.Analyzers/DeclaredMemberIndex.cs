using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers;

/// <summary>
/// Finds the member of a name that a type declaration declares, from the syntax. A small type is scanned. A large
/// one is read into a dictionary once, because a class of constants folded from one another would otherwise scan
/// all its members for every name.
/// </summary>
internal sealed class DeclaredMemberIndex
{
    // Up to this many members a scan is cheap, and skipping the dictionary saves its allocation. The limit is an
    // estimate, not a measured crossover.
    private const int MaxScannedMembers = 16;

    private readonly ConcurrentDictionary<TypeDeclarationSyntax, Dictionary<string, (NameKind Kind, string? Value)?>> _types = new();

    /// <summary>
    /// Returns false when this declaration declares no member of that name. Otherwise <paramref name="member"/> is
    /// what the syntax shows: a field, property, method or event is not constant, a string constant set to a literal
    /// has that value, and null means that only the symbol can decide, as for a constant folded from other constants.
    /// </summary>
    public bool TryFind(TypeDeclarationSyntax type, string name, out (NameKind Kind, string? Value)? member)
    {
        if (type.Members.Count <= MaxScannedMembers)
        {
            return TryScan(type, name, out member);
        }

        if (!_types.TryGetValue(type, out var members))
        {
            members = _types.GetOrAdd(type, Read(type));
        }

        return members.TryGetValue(name, out member);
    }

    private static bool TryScan(TypeDeclarationSyntax type, string name, out (NameKind Kind, string? Value)? member)
    {
        member = null;
        var found = false;
        foreach (var declaration in type.Members)
        {
            if (Declares(declaration, name, out var kind))
            {
                // Two members of one name are overloads, which are methods, or a compile error: no constant either way.
                member = found ? (NameKind.NotConstant, null) : kind;
                found = true;
            }
        }

        return found;
    }

    private static Dictionary<string, (NameKind Kind, string? Value)?> Read(TypeDeclarationSyntax type)
    {
        var members = new Dictionary<string, (NameKind Kind, string? Value)?>(StringComparer.Ordinal);
        foreach (var declaration in type.Members)
        {
            if (declaration is BaseFieldDeclarationSyntax field)
            {
                foreach (var declarator in field.Declaration.Variables)
                {
                    Add(members, declaration, declarator.Identifier.ValueText);
                }
            }
            else if (NameOf(declaration) is { } name)
            {
                Add(members, declaration, name);
            }
        }

        return members;
    }

    private static void Add(Dictionary<string, (NameKind Kind, string? Value)?> members, MemberDeclarationSyntax declaration, string name)
    {
        Declares(declaration, name, out var kind);
        members[name] = members.ContainsKey(name) ? (NameKind.NotConstant, null) : kind;
    }

    // Returns whether the member declares the name, and sets member to what the syntax shows about it.
    private static bool Declares(MemberDeclarationSyntax declaration, string name, out (NameKind Kind, string? Value)? member)
    {
        member = null;
        if (declaration is not BaseFieldDeclarationSyntax field)
        {
            member = (NameKind.NotConstant, null);
            return NameOf(declaration) == name;
        }

        foreach (var declarator in field.Declaration.Variables)
        {
            if (declarator.Identifier.ValueText != name)
            {
                continue;
            }

            if (!field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                member = (NameKind.NotConstant, null);
            }
            else if (field.Declaration.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } &&
                declarator.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
            {
                member = (NameKind.Constant, literal.Token.ValueText);
            }

            return true;
        }

        return false;
    }

    // Returns the name of a property, method or event. Other members, such as nested types, are left to the symbol.
    private static string? NameOf(MemberDeclarationSyntax declaration) => declaration switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        EventDeclarationSyntax eventDeclaration => eventDeclaration.Identifier.ValueText,
        _ => null,
    };
}
