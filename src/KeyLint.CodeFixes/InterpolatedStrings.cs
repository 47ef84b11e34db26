using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.CodeFixes;

/// <summary>Turns keys inside the text parts of an interpolated string into interpolation holes.</summary>
internal static class InterpolatedStrings
{
    /// <summary>
    /// Rebuilds <paramref name="current"/> (the string with any edits inside its holes already made) so that each
    /// key span of <paramref name="replacements"/> becomes a hole holding the replacement expression. The rest of
    /// the text keeps its source form, escapes included. Returns <paramref name="current"/> unchanged when the
    /// result would not parse.
    /// </summary>
    public static SyntaxNode WithHoles(
        InterpolatedStringExpressionSyntax original,
        InterpolatedStringExpressionSyntax current,
        IReadOnlyList<SecretReplacement> replacements)
    {
        if (current.Contents.Count != original.Contents.Count)
        {
            return current;
        }

        // $$"""...""" needs {{...}} around a hole: as many braces as the string starts with dollar signs.
        var dollarCount = original.StringStartToken.Text.TakeWhile(c => c == '$').Count();
        var open = new string('{', dollarCount);
        var close = new string('}', dollarCount);

        var builder = new StringBuilder(current.StringStartToken.Text);
        for (var i = 0; i < current.Contents.Count; i++)
        {
            if (original.Contents[i] is not InterpolatedStringTextSyntax text)
            {
                builder.Append(current.Contents[i].ToFullString());
                continue;
            }

            var source = text.TextToken.Text;
            var position = 0;
            foreach (var replacement in replacements.Where(r => r.Node == text).OrderBy(r => r.KeySpan.Start))
            {
                var start = replacement.KeySpan.Start - text.SpanStart;
                builder.Append(source, position, start - position)
                    .Append(open)
                    .Append(replacement.ExpressionText)
                    .Append(close);
                position = start + replacement.KeySpan.Length;
            }

            builder.Append(source, position, source.Length - position);
        }

        builder.Append(current.StringEndToken.Text);
        var options = original.SyntaxTree.Options as CSharpParseOptions;
        var rebuilt = SyntaxFactory.ParseExpression(builder.ToString(), options: options);
        if (rebuilt is not InterpolatedStringExpressionSyntax || rebuilt.ContainsDiagnostics)
        {
            return current;
        }

        return rebuilt.WithTriviaFrom(current);
    }
}
