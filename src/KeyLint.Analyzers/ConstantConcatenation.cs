using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers;

/// <summary>
/// Folds a concatenation of string literals and names of constants into its value. <see cref="ConstantNames"/>
/// resolves simple names without binding. <see cref="SemanticModel.GetConstantValue"/> binds the whole member or
/// initializer around the concatenation, with nullable analysis, so it is asked only for what that cannot resolve.
/// </summary>
internal static class ConstantConcatenation
{
    /// <summary>
    /// Returns false when the concatenation is not a constant string. Otherwise returns its value and the values of
    /// its operands, in order; an operand value is null when it is not a string.
    /// </summary>
    public static bool TryFold(
        BinaryExpressionSyntax concatenation,
        SemanticModel model,
        CancellationToken cancellationToken,
        out string value,
        out List<string?> parts)
    {
        // The lists are reused, so a concatenation with a variable allocates nothing. Only a folded result gets a new one.
        var scratch = t_scratch ??= new Scratch();
        try
        {
            var found = TryFold(concatenation, model, scratch, cancellationToken, out value);
            parts = found ? new List<string?>(scratch.Parts) : null!;
            return found;
        }
        finally
        {
            scratch.Clear();
        }
    }

    private static bool TryFold(
        BinaryExpressionSyntax concatenation,
        SemanticModel model,
        Scratch scratch,
        CancellationToken cancellationToken,
        out string value)
    {
        value = string.Empty;
        var operands = scratch.Operands;
        var parts = scratch.Parts;
        var members = scratch.Members;
        var declared = scratch.Declared;
        AddOperands(concatenation, operands);

        // A parameter among the operands makes the whole non-constant, and costs the least to find.
        var scope = NameScope.Of(concatenation);
        foreach (var operand in operands)
        {
            if (operand is IdentifierNameSyntax identifier && ConstantNames.IsMemberParameter(identifier, scope))
            {
                return false;
            }
        }

        // One variable among the operands makes the whole non-constant, so every name is first looked up in the
        // scopes inside its member, which costs no symbol lookup. The names that reach the member wait in members.
        for (var i = 0; i < operands.Count; i++)
        {
            string? part = null;
            SyntaxNode? member = null;
            var mayBeDeclared = false;
            switch (operands[i])
            {
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                    part = literal.Token.ValueText;
                    break;
                case IdentifierNameSyntax identifier:
                    if (ConstantNames.ResolveLocal(identifier, scope, out part, out member, out mayBeDeclared) == NameKind.NotConstant)
                    {
                        return false;
                    }

                    break;
            }

            parts.Add(part);
            declared.Add(mayBeDeclared);
            members.Add(member);
        }

        var unknown = false;
        for (var i = 0; i < operands.Count; i++)
        {
            if (operands[i] is LiteralExpressionSyntax || parts[i] is not null)
            {
                continue;
            }

            // Anything else is left to the semantic model: a member access such as Constants.BaseUrl, a local
            // constant folded from other names, a name that the scopes could not decide.
            string? part = null;
            var kind = members[i] is { } member
                ? ConstantNames.ResolveMember((IdentifierNameSyntax)operands[i], member, declared[i], model, out part)
                : NameKind.Unknown;
            if (kind == NameKind.NotConstant)
            {
                return false;
            }

            unknown |= kind == NameKind.Unknown;
            parts[i] = part;
        }

        // One operand that is surely not constant is enough to stop, so the semantic model is asked only after all
        // operands were looked at.
        if (unknown)
        {
            for (var i = 0; i < operands.Count; i++)
            {
                if (operands[i] is not LiteralExpressionSyntax && parts[i] is null)
                {
                    parts[i] = model.GetConstantValue(operands[i], cancellationToken).Value as string;
                }
            }

            if (model.GetConstantValue(concatenation, cancellationToken).Value is not string folded)
            {
                return false;
            }

            value = folded;
            return true;
        }

        value = Join(parts);
        return true;
    }

    // Sized once, since most folds join two or three parts and a growing builder would copy them again.
    private static string Join(List<string?> parts)
    {
        switch (parts.Count)
        {
            case 2:
                return string.Concat(parts[0], parts[1]);
            case 3:
                return string.Concat(parts[0], parts[1], parts[2]);
            case 4:
                return string.Concat(parts[0], parts[1], parts[2], parts[3]);
        }

        var length = 0;
        foreach (var part in parts)
        {
            length += part?.Length ?? 0;
        }

        var builder = new StringBuilder(length);
        foreach (var part in parts)
        {
            builder.Append(part);
        }

        return builder.ToString();
    }

    // Operands in source order, through parentheses: "a" + (("b" + c)) gives "a", "b", c.
    private static void AddOperands(ExpressionSyntax expression, List<ExpressionSyntax> operands)
    {
        while (true)
        {
            switch (expression)
            {
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                    AddOperands(add.Left, operands);
                    expression = add.Right;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                default:
                    operands.Add(expression);
                    return;
            }
        }
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    // The lists one fold works in, kept per thread and cleared after each fold so that they hold no syntax nodes.
    private sealed class Scratch
    {
        public List<ExpressionSyntax> Operands { get; } = new();

        public List<string?> Parts { get; } = new();

        public List<SyntaxNode?> Members { get; } = new();

        // Whether a scope inside the member may declare the operand's name, which ResolveMember checks again.
        public List<bool> Declared { get; } = new();

        public void Clear()
        {
            Operands.Clear();
            Parts.Clear();
            Members.Clear();
            Declared.Clear();
        }
    }
}
