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
    /// Rewrites every fixable diagnostic among <paramref name="diagnostics"/> into a read from the source that
    /// <paramref name="choice"/> resolves to in this document, and skips the others. Returns the same document when
    /// none could be fixed, and always when the document's <c>keylint.secret_lookup</c> is invalid.
    /// </summary>
    public static async Task<Document> FixAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, FixChoice choice, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var options = FixOptions.Read(document, root.SyntaxTree);
        if (Resolve(choice, options) is not { } kind)
        {
            return document;
        }

        var planned = new List<SecretReplacement>();
        foreach (var diagnostic in diagnostics)
        {
            var site = await SecretReplacementPlanner
                .FindSiteAsync(document, root, model, diagnostic, cancellationToken)
                .ConfigureAwait(false);
            var source = site is null ? null : SecretReplacementPlanner.CreateSource(site, kind, options, model, cancellationToken);
            if (site is not null && source is not null)
            {
                planned.Add(SecretReplacementPlanner.Plan(site, source, model, cancellationToken));
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

        var changed = editor.GetChangedDocument();
        var usingNamespace = replacements.Select(r => r.Source.UsingNamespace).FirstOrDefault(n => n is not null);
        if (usingNamespace is not null &&
            await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax changedRoot)
        {
            changed = changed.WithSyntaxRoot(UsingDirectives.Add(changedRoot, usingNamespace, model.Compilation, cancellationToken));
        }

        return changed;
    }

    /// <summary>
    /// Returns the source that <paramref name="choice"/> means in a document with <paramref name="options"/>, or null
    /// when the document gets no fix because its <c>keylint.secret_lookup</c> is invalid. An invalid template must not
    /// quietly turn into environment-variable reads in a codebase whose team chose a secret provider.
    /// </summary>
    public static SecretSourceKind? Resolve(FixChoice choice, FixOptions options)
    {
        if (options.HasInvalidSecretLookup)
        {
            return null;
        }

        return choice switch
        {
            FixChoice.EnvironmentVariable => SecretSourceKind.EnvironmentVariable,
            FixChoice.Configuration => SecretSourceKind.Configuration,
            _ => options.SecretLookup is null ? SecretSourceKind.EnvironmentVariable : SecretSourceKind.SecretProvider,
        };
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

/// <summary>Which source a fix reads the secret from, resolved per document by <see cref="SecretRewriter.Resolve"/>.</summary>
internal enum FixChoice
{
    /// <summary>The secret provider where <c>keylint.secret_lookup</c> is set, else an environment variable.</summary>
    Default,

    /// <summary>An environment variable, even where a secret provider is set.</summary>
    EnvironmentVariable,

    /// <summary>An <c>IConfiguration</c> in scope. Diagnostics with none in scope are left alone.</summary>
    Configuration,
}
