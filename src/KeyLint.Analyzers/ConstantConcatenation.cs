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
        value = string.Empty;
        parts = null!;
        if (HasVariable(concatenation))
        {
            return false;
        }

        var operands = new List<ExpressionSyntax>();
        AddOperands(concatenation, operands);
        parts = new List<string?>(operands.Count);
        var unknown = false;
        foreach (var operand in operands)
        {
            switch (Evaluate(operand, model, out var part))
            {
                case NameKind.NotConstant:
                    return false;
                case NameKind.Unknown:
                    unknown = true;
                    break;
            }

            parts.Add(part);
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
        }

        if (unknown)
        {
            if (model.GetConstantValue(concatenation, cancellationToken).Value is not string folded)
            {
                return false;
            }

            value = folded;
            return true;
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part);
        }

        value = builder.ToString();
        return true;
    }

    // Checks the names among the operands against the syntax around them, without allocating.
    private static bool HasVariable(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                    if (HasVariable(add.Left))
                    {
                        return true;
                    }

                    expression = add.Right;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case IdentifierNameSyntax identifier:
                    return ConstantNames.IsVariable(identifier);
                default:
                    return false;
            }
        }
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

    private static NameKind Evaluate(ExpressionSyntax operand, SemanticModel model, out string? value)
    {
        value = null;
        switch (operand)
        {
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                value = literal.Token.ValueText;
                return NameKind.Constant;
            case IdentifierNameSyntax identifier:
                return ConstantNames.Resolve(identifier, model, out value);
            default:
                return NameKind.Unknown;
        }
    }
}
