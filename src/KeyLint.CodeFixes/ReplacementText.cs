using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.CodeFixes;

/// <summary>Writes the C# source of the expression that reads the secret.</summary>
internal static class ReplacementText
{
    /// <summary>
    /// Builds the read of <paramref name="source"/>, such as <c>Environment.GetEnvironmentVariable("NAME")</c>,
    /// followed by <c>?? throw new InvalidOperationException(...)</c> when <paramref name="throwIfMissing"/> is set. A
    /// non-null <paramref name="lineBreak"/> (a newline and the indentation) puts the <c>??</c> on a line of its own.
    /// </summary>
    public static string Build(TypeNames names, SecretSource source, bool throwIfMissing, string? lineBreak)
    {
        var read = source.BuildRead(names);
        if (!throwIfMissing)
        {
            return read;
        }

        return $"{read}{lineBreak ?? " "}?? throw new {names.InvalidOperationException}({SecretSource.Quote(source.MissingMessage())})";
    }

    /// <summary>
    /// Tells whether the expression is the whole value of a declaration or assignment, where a wrapped
    /// <c>?? throw</c> line reads best.
    /// </summary>
    public static bool StandsAlone(SyntaxNode node) => node.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax } => true,
        AssignmentExpressionSyntax assignment => assignment.Right == node,
        _ => false,
    };

    /// <summary>Returns the newline of the file and the indentation of the node's line plus one level.</summary>
    public static string ContinuationLineBreak(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart);
        var lineText = line.ToString();
        var indentationLength = 0;
        while (indentationLength < lineText.Length && lineText[indentationLength] is ' ' or '\t')
        {
            indentationLength++;
        }

        var indentation = lineText.Substring(0, indentationLength);
        var level = indentation.IndexOf('\t') >= 0 ? "\t" : "    ";
        return NewLine(node) + indentation + level;
    }

    /// <summary>
    /// Tells whether <c>a ?? throw b</c> must be parenthesized at the node's position, because an operator or member
    /// access around it binds tighter than <c>??</c>.
    /// </summary>
    public static bool NeedsParentheses(SyntaxNode node)
    {
        switch (node.Parent)
        {
            case EqualsValueClauseSyntax:
            case ArgumentSyntax:
            case InterpolationSyntax:
            case ParenthesizedExpressionSyntax:
            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
            case ExpressionStatementSyntax:
            case YieldStatementSyntax:
            case AnonymousObjectMemberDeclaratorSyntax:
            case SwitchExpressionArmSyntax:
            case InitializerExpressionSyntax:
            case ExpressionElementSyntax:
                return false;
            case AssignmentExpressionSyntax assignment:
                return assignment.Right != node;
            case LambdaExpressionSyntax lambda:
                return lambda.Body != node;
            default:
                return true;
        }
    }

    /// <summary>Returns the first line break in the node's file, or <c>\n</c> when the file has none.</summary>
    public static string NewLine(SyntaxNode node)
    {
        foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }
}
