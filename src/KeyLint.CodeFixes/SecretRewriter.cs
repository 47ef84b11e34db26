using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace KeyLint.CodeFixes;

/// <summary>Applies the fixes of many diagnostics in one document, for a single fix and for Fix All alike.</summary>
internal static class SecretRewriter
{
    /// <summary>
    /// Rewrites every fixable diagnostic among <paramref name="diagnostics"/> and skips the others. Returns the
    /// same document when none could be fixed.
    /// </summary>
    public static async Task<Document> FixAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var planned = new List<SecretReplacement>();
        foreach (var diagnostic in diagnostics)
        {
            var replacement = await SecretReplacementPlanner
                .PlanAsync(document, root, model, diagnostic, cancellationToken)
                .ConfigureAwait(false);
            if (replacement is not null)
            {
                planned.Add(replacement);
            }
        }

        var replacements = RemoveOverlaps(planned);
        if (replacements.Count == 0)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);

        // The editor hands each callback the node with the edits inside it already made, so the order is: the
        // expressions, then the interpolated strings around them, then the declarations around both.
        foreach (var replacement in replacements.Where(r => !r.IsInterpolatedText))
        {
            var expression = SyntaxFactory.ParseExpression(replacement.ExpressionText).WithTriviaFrom(replacement.Node);
            editor.ReplaceNode(replacement.Node, expression);
            if (replacement.VarType is { } varType && replacement.ExplicitTypeText is { } explicitType)
            {
                editor.ReplaceNode(varType, SyntaxFactory.ParseTypeName(explicitType).WithTriviaFrom(varType));
            }
        }

        foreach (var holes in replacements.Where(r => r.IsInterpolatedText).GroupBy(r => r.Node.Parent!))
        {
            var original = (InterpolatedStringExpressionSyntax)holes.Key;
            var parts = holes.ToList();
            editor.ReplaceNode(original, (current, _) =>
                InterpolatedStrings.WithHoles(original, (InterpolatedStringExpressionSyntax)current, parts));
        }

        foreach (var declaration in replacements.Select(r => r.ConstantDeclaration).OfType<SyntaxNode>().Distinct())
        {
            editor.ReplaceNode(declaration, (current, _) => ConstantDeclarations.RemoveConst(current));
        }

        return editor.GetChangedDocument();
    }

    // Keeps one replacement per node, and drops any replacement inside the node of another expression replacement
    // (a literal reported inside a reported concatenation).
    private static List<SecretReplacement> RemoveOverlaps(List<SecretReplacement> planned)
    {
        var result = new List<SecretReplacement>();
        foreach (var replacement in planned)
        {
            var duplicate = result.Any(r => r.Node == replacement.Node &&
                (!r.IsInterpolatedText || r.KeySpan.OverlapsWith(replacement.KeySpan)));
            var nested = planned.Any(other => other != replacement && !other.IsInterpolatedText &&
                other.Node != replacement.Node && other.Node.Span.Contains(replacement.Node.Span));
            if (!duplicate && !nested)
            {
                result.Add(replacement);
            }
        }

        return result;
    }
}
