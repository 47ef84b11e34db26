using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers;

/// <summary>What a simple name in a concatenation is, as far as folding the concatenation goes.</summary>
internal enum NameKind
{
    /// <summary>A string constant whose value is known.</summary>
    Constant,

    /// <summary>A parameter, variable, property, method or non-constant field, so the concatenation is not constant.</summary>
    NotConstant,

    /// <summary>Not decided here; the semantic model must bind it.</summary>
    Unknown,
}

/// <summary>
/// Resolves a simple name in a concatenation without binding: first the parameters and locals in scope, from the
/// syntax, then the members of the enclosing types and their base classes, from their declared symbols. Any case it
/// does not cover (pattern variables, query variables, imported members, constants of other types) is
/// <see cref="NameKind.Unknown"/>, so that the caller asks the semantic model.
/// </summary>
internal static class ConstantNames
{
    // Up to this many members, a type's declaration is scanned for a name. The limit is an estimate, not a measured
    // crossover with the symbol lookup.
    private const int MaxScannedMembers = 16;

    // The text of each file as one string. For most files that is the string the file was parsed from, not a copy.
    private static readonly ConditionalWeakTable<SourceText, FileText> FullText = new();

    /// <summary>
    /// Tells whether the name is a parameter of the member around <paramref name="scope"/>, and so not constant.
    /// C# lets only a lambda or a local function declare a name that hides a parameter of the member. In a default
    /// value of the member's own parameter list, its parameters are not in scope at all.
    /// NOTE: where a local of the member's body repeats a parameter's name (error CS0136), binding takes the local,
    /// so a constant local of that name is missed here until the error is fixed.
    /// </summary>
    public static bool IsMemberParameter(IdentifierNameSyntax identifier, NameScope scope)
    {
        var name = identifier.Identifier.ValueText;
        return scope.Member is { } member && !scope.InFunction && !scope.InParameterList && name != "value" &&
            HasMemberParameter(member, name);
    }

    /// <summary>
    /// Looks a simple name up in the scopes inside its member, from the syntax alone: parameters, locals, lambda
    /// parameters. <paramref name="scope"/> is the scope of the name's expression, from <see cref="NameScope.Of"/>, and
    /// <see cref="IsMemberParameter"/> must have returned false. Returns the kind when a scope decides it. Returns null
    /// when the name is not declared inside the member, and sets <paramref name="member"/> to the member, where
    /// <see cref="ResolveMember"/> goes on. <paramref name="mayBeDeclared"/> is false when the member's text declares
    /// no variable of that name, so that <see cref="ResolveMember"/> does not search the text again.
    /// </summary>
    public static NameKind? ResolveLocal(
        IdentifierNameSyntax identifier, NameScope scope, out string? value, out SyntaxNode? member, out bool mayBeDeclared)
    {
        value = null;
        member = null;
        mayBeDeclared = true;
        var name = identifier.Identifier.ValueText;

        // Most names in a concatenation are members of the type, which a search of the member's text settles before
        // the walk below visits every statement around the name. A set or init accessor declares "value" without
        // writing it, so that name always takes the walk. Without a member, the walk ends in an attribute or at the
        // root, and binding decides.
        if (scope.Member is { } enclosing)
        {
            mayBeDeclared = MayBeDeclaredIn(enclosing, name);
            if (!mayBeDeclared && name != "value")
            {
                member = enclosing;
                return null;
            }
        }
        else if (name != "value")
        {
            return NameKind.Unknown;
        }

        SyntaxNode? function = null;
        SyntaxNode? child = identifier;
        for (var node = identifier.Parent; node is not null; child = node, node = node.Parent)
        {
            // Outside nameof, the parameters of a method are not in scope in its attributes, so binding decides.
            if (node is AttributeSyntax)
            {
                return NameKind.Unknown;
            }

            // A default value does not see the parameters of its own list, so a method, lambda or local function
            // reached from its parameter list declares nothing for the name.
            if (child is not BaseParameterListSyntax && InScopeDeclaration(node, child, name, out value) is { } local)
            {
                // A lambda or local function may declare a pattern or out variable that hides a constant local of
                // the code around it.
                if (local == NameKind.Constant && function is not null && MayBeDeclaredIn(function, name))
                {
                    value = null;
                    return NameKind.Unknown;
                }

                return local;
            }

            if (IsUndecidedScope(node, name))
            {
                return NameKind.Unknown;
            }

            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                function = node;
            }

            if (node is MemberDeclarationSyntax)
            {
                member = node;
                return null;
            }
        }

        return NameKind.Unknown;
    }

    /// <summary>
    /// Resolves a name that no scope inside <paramref name="member"/> declares among the members of the enclosing
    /// types, and returns its value when it is a string constant. <paramref name="mayBeDeclared"/> comes from
    /// <see cref="ResolveLocal"/>.
    /// </summary>
    public static NameKind ResolveMember(
        IdentifierNameSyntax identifier, SyntaxNode member, bool mayBeDeclared, SemanticModel model, out string? value)
    {
        var name = identifier.Identifier.ValueText;
        var kind = FromEnclosingTypes(identifier, name, model, out value);

        // A local of that name would not be constant either, so only a constant member needs the check for a pattern,
        // out or query variable that hides it.
        if (kind == NameKind.Constant && mayBeDeclared)
        {
            value = null;
            return NameKind.Unknown;
        }

        return kind;
    }

    // Returns the kind of a parameter or local of that name that this node declares for its child on the way up from
    // the name. Returns null when the node declares no such name in scope there.
    private static NameKind? InScopeDeclaration(SyntaxNode node, SyntaxNode? child, string name, out string? value)
    {
        value = null;
        switch (node)
        {
            case BaseMethodDeclarationSyntax method when HasParameter(method.ParameterList, name):
            case LocalFunctionStatementSyntax localFunction when HasParameter(localFunction.ParameterList, name):
            case ParenthesizedLambdaExpressionSyntax lambda when HasLambdaParameter(lambda.ParameterList, name):
            case AnonymousMethodExpressionSyntax anonymous when anonymous.ParameterList is { } list && HasLambdaParameter(list, name):
            case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
            case IndexerDeclarationSyntax indexer when HasParameter(indexer.ParameterList, name):
            case AccessorDeclarationSyntax accessor when name == "value" && !accessor.IsKind(SyntaxKind.GetAccessorDeclaration):
            // The iteration variable is in scope in the loop's body only, not in the collection expression.
            case ForEachStatementSyntax forEach when child == forEach.Statement && forEach.Identifier.ValueText == name:
            case CatchClauseSyntax { Declaration: { } catchDeclaration } when catchDeclaration.Identifier.ValueText == name:
                return NameKind.NotConstant;
            case ForStatementSyntax { Declaration: { } forDeclaration } when Declares(forDeclaration, name):
            case UsingStatementSyntax { Declaration: { } usingDeclaration } when Declares(usingDeclaration, name):
            case FixedStatementSyntax fixedStatement when Declares(fixedStatement.Declaration, name):
                return NameKind.NotConstant;
            case BlockSyntax block:
                return InStatements(block.Statements, name, out value);
            case SwitchStatementSyntax switchStatement when child is SwitchSectionSyntax:
                // The locals of one switch section are in scope in all of them, but not in the governing expression.
                foreach (var section in switchStatement.Sections)
                {
                    if (InStatements(section.Statements, name, out value) is { } kind)
                    {
                        return kind;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static NameKind? InStatements(SyntaxList<StatementSyntax> statements, string name, out string? value)
    {
        value = null;
        foreach (var listedStatement in statements)
        {
            // A label may stand before a local declaration: "retry: const string prefix = ...;".
            var statement = listedStatement;
            while (statement is LabeledStatementSyntax labeled)
            {
                statement = labeled.Statement;
            }

            switch (statement)
            {
                case LocalFunctionStatementSyntax localFunction when localFunction.Identifier.ValueText == name:
                    return NameKind.NotConstant;
                case LocalDeclarationStatementSyntax declaration:
                    foreach (var declarator in declaration.Declaration.Variables)
                    {
                        if (declarator.Identifier.ValueText != name)
                        {
                            continue;
                        }

                        if (!declaration.IsConst)
                        {
                            return NameKind.NotConstant;
                        }

                        // const string prefix = "..."; a constant folded from other names is left to binding.
                        if (declaration.Declaration.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } &&
                            declarator.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                        {
                            value = literal.Token.ValueText;
                            return NameKind.Constant;
                        }

                        return NameKind.Unknown;
                    }

                    break;
            }
        }

        return null;
    }

    // Type parameters and query expressions bring names into scope in ways this class does not follow.
    private static bool IsUndecidedScope(SyntaxNode node, string name)
    {
        var typeParameters = node switch
        {
            MethodDeclarationSyntax method => method.TypeParameterList,
            LocalFunctionStatementSyntax localFunction => localFunction.TypeParameterList,
            TypeDeclarationSyntax type => type.TypeParameterList,
            DelegateDeclarationSyntax delegateDeclaration => delegateDeclaration.TypeParameterList,
            _ => null,
        };
        if (typeParameters is not null)
        {
            foreach (var parameter in typeParameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return node is QueryExpressionSyntax;
    }

    private static bool HasMemberParameter(SyntaxNode member, string name) => member switch
    {
        BaseMethodDeclarationSyntax method => HasParameter(method.ParameterList, name),
        IndexerDeclarationSyntax indexer => HasParameter(indexer.ParameterList, name),
        _ => false,
    };

    // Tells whether the name is declared anywhere inside the member. It searches the member's text, which is cheaper
    // than walking its nodes, and looks at the token of each occurrence. A Unicode escape or a formatting character,
    // which C# leaves out of an identifier, could spell the name differently, so either counts as a declaration.
    private static bool MayBeDeclaredIn(SyntaxNode member, string name)
    {
        var span = member.Span;
        var file = FullText.GetValue(member.SyntaxTree.GetText(), static source => new FileText(source.ToString()));
        var text = file.Text;
        if ((file.HasUnicodeEscape && HasUnicodeEscape(text, span.Start, span.End)) ||
            (file.HasFormattingCharacter && HasFormattingCharacter(text, span.Start, span.End)))
        {
            return true;
        }

        var last = span.End - name.Length;
        for (var i = text.IndexOf(name, span.Start, span.Length, StringComparison.Ordinal);
            i >= 0 && i <= last;
            i = i + 1 > last ? -1 : text.IndexOf(name, i + 1, span.End - i - 1, StringComparison.Ordinal))
        {
            var end = i + name.Length;
            if ((i > span.Start && IsIdentifierPart(text[i - 1])) || (end < span.End && IsIdentifierPart(text[end])) ||
                IsOperandOrQualified(text, i, end, span))
            {
                continue;
            }

            var token = member.FindToken(i);
            if (token.Parent is SingleVariableDesignationSyntax or VariableDeclaratorSyntax or ParameterSyntax or
                ForEachStatementSyntax or CatchDeclarationSyntax or FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or
                JoinIntoClauseSyntax or QueryContinuationSyntax or LocalFunctionStatementSyntax or TypeParameterSyntax)
            {
                return true;
            }
        }

        return false;
    }

    // Tells from the characters around an occurrence that it is a use: a name being declared never follows a "+",
    // never comes before a "+" or a ".", and is never alone in braces, as in an interpolation hole "{name}". It saves
    // finding the token of most occurrences. The look back stays on the occurrence's line, because a "+" or "{" on an
    // earlier line can end a comment.
    private static bool IsOperandOrQualified(string text, int start, int end, TextSpan span)
    {
        var before = start - 1;
        while (before >= span.Start && text[before] is ' ' or '\t')
        {
            before--;
        }

        if (before >= span.Start && text[before] == '+')
        {
            return true;
        }

        var after = end;
        while (after < span.End && char.IsWhiteSpace(text[after]))
        {
            after++;
        }

        return after < span.End &&
            (text[after] is '+' or '.' || (text[after] == '}' && before >= span.Start && text[before] == '{'));
    }

    // Looks for "\\u" or "\\U" by the backslash alone, which a vectorized search finds faster than a two-character,
    // case-insensitive one.
    private static bool HasUnicodeEscape(string text, int start, int end)
    {
        for (var i = text.IndexOf('\\', start, end - start); i >= 0 && i + 1 < end; i = text.IndexOf('\\', i + 1, end - i - 1))
        {
            if (text[i + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }

    // Looks for a character of Unicode category Cf, such as a soft hyphen or a zero-width joiner. C# drops them from
    // identifiers, so "he\u00ADad" in the source declares head.
    internal static bool HasFormattingCharacter(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] >= 128 && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    // Looks the name up among the members of the enclosing types, innermost first, each with its base classes, the
    // order in which C# looks.
    private static NameKind FromEnclosingTypes(SyntaxNode node, string name, SemanticModel model, out string? value)
    {
        value = null;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            // Not a member of this type: C# goes on with the type around it.
            if (ancestor is TypeDeclarationSyntax typeDeclaration &&
                FromTypeMembers(typeDeclaration, name, model) is { } found)
            {
                value = found.Value;
                return found.Kind;
            }
        }

        return NameKind.Unknown;
    }

    // Returns null when neither the type nor its base classes have a member of that name.
    private static (NameKind Kind, string? Value)? FromTypeMembers(TypeDeclarationSyntax typeDeclaration, string name, SemanticModel model)
    {
        // Whether a primary constructor parameter or a member wins depends on where the name is used.
        if (typeDeclaration.ParameterList is { } primary && HasParameter(primary, name))
        {
            return (NameKind.Unknown, null);
        }

        // A member declared in this part of the type is the only member of that name, or the code does not compile.
        // A large type is left to its symbol, whose members are indexed by name, so that a class of constants folded
        // from one another is not scanned once per name.
        if (typeDeclaration.Members.Count <= MaxScannedMembers &&
            FromDeclaredMembers(typeDeclaration, name, out var declared) && declared is { } known)
        {
            return known;
        }

        if (model.GetDeclaredSymbol(typeDeclaration) is not INamedTypeSymbol type)
        {
            return (NameKind.Unknown, null);
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            var members = current.GetMembers(name);
            if (members.Length == 0)
            {
                // Lookup inside an interface goes on through its base interfaces, which BaseType does not list.
                if (current.TypeKind == TypeKind.Interface && current.AllInterfaces.Length > 0)
                {
                    return (NameKind.Unknown, null);
                }

                continue;
            }

            // A private member of a base class is not visible, and lookup would go on past it.
            if (members.Length != 1 ||
                (!SymbolEqualityComparer.Default.Equals(current, type) && members[0].DeclaredAccessibility == Accessibility.Private))
            {
                return (NameKind.Unknown, null);
            }

            var kind = FromMember(members[0], out var value);
            return (kind, value);
        }

        return null;
    }

    // Reads a member of that name from the type's own declaration, without its symbol. Returns false when this part
    // of the type declares no such member. Otherwise member is what the syntax shows. A field, property, method or
    // event is not constant, and a string constant set to a literal has that value. Null means that only the symbol
    // can decide, as for a constant folded from other constants.
    private static bool FromDeclaredMembers(TypeDeclarationSyntax type, string name, out (NameKind Kind, string? Value)? member)
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

    // Returns whether the member declares the name, and sets member to what the syntax shows about it.
    private static bool Declares(MemberDeclarationSyntax declaration, string name, out (NameKind Kind, string? Value)? member)
    {
        member = null;
        if (declaration is not BaseFieldDeclarationSyntax field)
        {
            if (MemberName(declaration) != name)
            {
                return false;
            }

            member = (NameKind.NotConstant, null);
            return true;
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
    private static string? MemberName(MemberDeclarationSyntax declaration) => declaration switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        EventDeclarationSyntax eventDeclaration => eventDeclaration.Identifier.ValueText,
        _ => null,
    };

    private static NameKind FromMember(ISymbol member, out string? value)
    {
        value = null;
        switch (member)
        {
            case IFieldSymbol { IsConst: true } field:
                if (!field.HasConstantValue || field.Type.SpecialType != SpecialType.System_String)
                {
                    return NameKind.Unknown;
                }

                // A null string constant folds to nothing: "a" + null is "a".
                value = field.ConstantValue as string ?? string.Empty;
                return NameKind.Constant;
            case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol:
                return NameKind.NotConstant;
            default:
                return NameKind.Unknown;
        }
    }

    private static bool HasParameter(BaseParameterListSyntax list, string name)
    {
        foreach (var parameter in list.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    // Since C# 9, two or more lambda parameters named "_" are discards, which declare nothing, so "_" in the body
    // binds outside the lambda.
    private static bool HasLambdaParameter(BaseParameterListSyntax list, string name)
    {
        var count = 0;
        foreach (var parameter in list.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                count++;
            }
        }

        return count == 1 || (count > 1 && name != "_");
    }

    private static bool Declares(VariableDeclarationSyntax declaration, string name)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The member around an expression, and whether a lambda or local function lies between them. Every operand of one
/// concatenation has the same scope.
/// </summary>
internal readonly struct NameScope
{
    private NameScope(SyntaxNode? member, bool inFunction, bool inParameterList)
    {
        Member = member;
        InFunction = inFunction;
        InParameterList = inParameterList;
    }

    /// <summary>The innermost member, or null inside an attribute, where the scopes differ, or outside any member.</summary>
    public SyntaxNode? Member { get; }

    /// <summary>Whether a lambda or local function lies between the expression and the member.</summary>
    public bool InFunction { get; }

    /// <summary>Whether the expression is in a default value of the member's own parameter list.</summary>
    public bool InParameterList { get; }

    public static NameScope Of(SyntaxNode node)
    {
        var inFunction = false;
        var inParameterList = false;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            switch (ancestor)
            {
                case AttributeSyntax:
                    return default;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    inFunction = true;
                    break;
                case BaseParameterListSyntax when !inFunction:
                    inParameterList = true;
                    break;
                case MemberDeclarationSyntax:
                    return new NameScope(ancestor, inFunction, inParameterList);
            }
        }

        return default;
    }
}

// A file's text, and whether it has a Unicode escape or a formatting character anywhere, which most files do not.
internal sealed class FileText
{
    public FileText(string text)
    {
        Text = text;
        HasUnicodeEscape = text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0;
        HasFormattingCharacter = ConstantNames.HasFormattingCharacter(text, 0, text.Length);
    }

    public string Text { get; }

    public bool HasUnicodeEscape { get; }

    public bool HasFormattingCharacter { get; }
}
