using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Core.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes;

/// <summary>
/// Decides whether a diagnostic can be fixed and, if so, what replaces the reported syntax. Every check that can
/// reject a fix lives here, so the single fix and Fix All skip the same diagnostics.
/// </summary>
internal static class SecretReplacementPlanner
{
    /// <summary>
    /// Finds the syntax that fixing <paramref name="diagnostic"/> replaces, or returns null when no fix may be
    /// offered: the analyzer marked it unfixable, the reported node is not of a kind the fixer handles, the node sits
    /// where C# requires a constant or inside an expression tree, or it initializes a <c>const</c> that some code
    /// uses as a constant.
    /// </summary>
    public static async Task<FixSite?> FindSiteAsync(
        Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.Fix, out var fix) || fix != FixProperties.Fixable ||
            diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var reported = FindReportedNode(root, diagnostic.Location.SourceSpan);
        if (reported is null || ConstantDeclarations.IsInConstantContext(reported, includeConstantDeclarations: false) ||
            IsInExpressionTree(reported, model, cancellationToken))
        {
            return null;
        }

        SyntaxNode node = reported;
        var keySpan = default(TextSpan);
        if (reported is InterpolatedStringTextSyntax text)
        {
            keySpan = FindKeySpan(text, diagnostic);
            if (keySpan == text.Span && text.Parent is InterpolatedStringExpressionSyntax { Contents.Count: 1 } whole)
            {
                // $"key" with no holes: replace the whole string rather than leave $"{...}" behind.
                node = whole;
            }
        }

        var constantDeclaration = ConstantDeclarations.FindEnclosing(node);
        if (constantDeclaration is not null &&
            !await ConstantDeclarations.CanRemoveConstAsync(constantDeclaration, model, document.Project.Solution, cancellationToken)
                .ConfigureAwait(false))
        {
            return null;
        }

        if (!IsUtf8(node))
        {
            var keyInValue = node is LiteralExpressionSyntax literal ? FindKeyInValue(literal, diagnostic) : null;
            return new FixSite(diagnostic, node, keySpan, Utf8Form.None, constantDeclaration, keyInValue);
        }

        if (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" } toArray &&
            toArray.Expression == node &&
            toArray.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } call)
        {
            // "..."u8.ToArray() is already the byte[] that Encoding.GetBytes returns.
            return new FixSite(diagnostic, call, keySpan, Utf8Form.ByteArray, constantDeclaration);
        }

        var form = node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Expression == node
            ? Utf8Form.SpanReceiver
            : Utf8Form.Span;
        return new FixSite(diagnostic, node, keySpan, form, constantDeclaration);
    }

    /// <summary>
    /// Creates the source of <paramref name="kind"/> for the site, or returns null when the analyzer passed no name
    /// for it or, for configuration, no <c>IConfiguration</c> can be read there.
    /// </summary>
    public static SecretSource? CreateSource(
        FixSite site, SecretSourceKind kind, FixOptions options, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case SecretSourceKind.Configuration:
                var key = options.ConfigurationKey(site.Diagnostic);
                var receiver = key is null ? null : ConfigurationReceivers.Find(site.Node, model, cancellationToken);
                return receiver is null ? null : SecretSource.Configuration(key!, receiver);

            case SecretSourceKind.SecretProvider:
                var providerName = options.EnvironmentVariableName(site.Diagnostic);
                return providerName is null || options.SecretLookup is null
                    ? null
                    : SecretSource.SecretProvider(providerName, options.SecretLookup, options.UsingNamespace);

            default:
                var variableName = options.EnvironmentVariableName(site.Diagnostic);
                return variableName is null ? null : SecretSource.EnvironmentVariable(variableName);
        }
    }

    /// <summary>Plans the rewrite of the site into a read from <paramref name="source"/>.</summary>
    public static SecretReplacement Plan(FixSite site, SecretSource source, SemanticModel model, CancellationToken cancellationToken)
    {
        var node = site.Node;
        var names = new TypeNames(model, node.SpanStart);
        var utf8 = site.Utf8Form != Utf8Form.None;
        var isHole = node is InterpolatedStringTextSyntax;
        var keyInValue = site.KeyInValue;

        // A null from a missing secret would reach Encoding.GetBytes or vanish silently into interpolated text or a
        // concatenation, so those always throw. Elsewhere only a target declared nullable takes the null.
        var throwIfMissing = source.MayReturnNull &&
            (utf8 || isHole || keyInValue is not null || !NullableTargets.AcceptsNull((ExpressionSyntax)node, model, cancellationToken));
        string? lineBreak = null;
        if (throwIfMissing && !utf8 && !isHole && keyInValue is null && ReplacementText.StandsAlone(node))
        {
            lineBreak = ReplacementText.ContinuationLineBreak(node);
        }

        var text = ReplacementText.Build(names, source, throwIfMissing, lineBreak);
        if (utf8)
        {
            text = $"{names.Encoding}.UTF8.GetBytes({text})";
            if (site.Utf8Form == Utf8Form.SpanReceiver)
            {
                text = $"new {names.ReadOnlySpanOfByte}({text})";
            }
        }
        else if (isHole)
        {
            // A colon ends a hole's expression and starts the format, so "a ? b : c" from a template needs
            // parentheses there, while "a ?? throw b" does not.
            if (!source.IsPrimaryExpression)
            {
                text = $"({text})";
            }
        }
        else if (keyInValue is { } key)
        {
            text = Surround(((LiteralExpressionSyntax)node).Token.ValueText, key, text, throwIfMissing || !source.IsPrimaryExpression);
            if (ReplacementText.NeedsParentheses(node))
            {
                text = $"({text})";
            }
        }
        else if ((throwIfMissing || !source.IsPrimaryExpression) && ReplacementText.NeedsParentheses(node))
        {
            text = $"({text})";
        }

        TypeSyntax? varType = null;
        string? explicitType = null;
        if (site.Utf8Form == Utf8Form.Span && node.Parent is EqualsValueClauseSyntax
            {
                Parent: VariableDeclaratorSyntax
                {
                    Parent: VariableDeclarationSyntax { Type.IsVar: true, Variables.Count: 1 } declaration,
                },
            })
        {
            // "var key = "..."u8;" would otherwise become a byte[] local and lose members such as Slice.
            varType = declaration.Type;
            explicitType = names.ReadOnlySpanOfByte;
        }

        return new SecretReplacement(node, site.KeySpan, source, text, site.ConstantDeclaration, varType, explicitType);
    }

    /// <summary>
    /// Returns the node a diagnostic reports: a string or UTF-8 literal, a concatenation, or an interpolated text
    /// part, which may also contain the reported span.
    /// </summary>
    private static SyntaxNode? FindReportedNode(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        var found = root.FindNode(span, findInsideTrivia: false, getInnermostNodeForTie: true);
        foreach (var node in found.AncestorsAndSelf())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.Span == span &&
                    literal.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression:
                    return literal;
                case BinaryExpressionSyntax binary when binary.Span == span && binary.IsKind(SyntaxKind.AddExpression):
                    return binary;
                case InterpolatedStringTextSyntax text when text.Span.Contains(span):
                    return text;
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns where the key is in the literal's value when the analyzer found other text around it, or null when
    /// the literal is replaced as a whole. Offsets that do not fit the value are ignored.
    /// </summary>
    private static TextSpan? FindKeyInValue(LiteralExpressionSyntax literal, Diagnostic diagnostic)
    {
        if (!literal.IsKind(SyntaxKind.StringLiteralExpression) ||
            !diagnostic.Properties.TryGetValue(FixProperties.KeyStart, out var startText) ||
            !diagnostic.Properties.TryGetValue(FixProperties.KeyLength, out var lengthText) ||
            !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ||
            !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return null;
        }

        var valueLength = literal.Token.ValueText.Length;
        if (length == 0 || start > valueLength - length || (start == 0 && length == valueLength))
        {
            return null;
        }

        return new TextSpan(start, length);
    }

    // "text KEY more" becomes "text " + (lookup) + " more". The kept text is written as new regular literals, so
    // escapes and verbatim or raw forms need no mapping.
    private static string Surround(string value, TextSpan key, string lookup, bool lookupNeedsParentheses)
    {
        var parts = new List<string>(3);
        if (key.Start > 0)
        {
            parts.Add(SyntaxFactory.Literal(value.Substring(0, key.Start)).Text);
        }

        parts.Add(lookupNeedsParentheses ? $"({lookup})" : lookup);
        if (key.End < value.Length)
        {
            parts.Add(SyntaxFactory.Literal(value.Substring(key.End)).Text);
        }

        return string.Join(" + ", parts);
    }

    /// <summary>
    /// Finds where the key is in an interpolated text part. The analyzer reports the whole part, so the key is found
    /// again by the same catalog match. A narrower reported span is taken as it is. When the analyzer gave no place for
    /// the key, the rest of the text may contain more of the secret, so the whole part becomes the hole.
    /// </summary>
    private static TextSpan FindKeySpan(InterpolatedStringTextSyntax text, Diagnostic diagnostic)
    {
        var reported = diagnostic.Location.SourceSpan;
        if (reported != text.Span && !reported.IsEmpty)
        {
            return reported;
        }

        if (!diagnostic.Properties.ContainsKey(FixProperties.KeyStart))
        {
            return text.Span;
        }

        // The source text is scanned rather than the value, so offsets need no mapping through escapes. Catalog
        // key formats contain no characters that C# escapes.
        if (SecretScanner.Default.TryMatchFormat(text.TextToken.Text, out var finding))
        {
            return new TextSpan(text.SpanStart + finding.Start, finding.Length);
        }

        // NOTE: a key found only through its target's name (KL0002) has no span of its own, so the whole text part
        // becomes the interpolation hole.
        return text.Span;
    }

    // An expression tree cannot hold a throw expression (CS8188), and without the throw a missing variable would
    // pass null where the code expects a string, so no fix is offered there.
    private static bool IsInExpressionTree(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax lambda &&
                model.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol
                {
                    Name: "Expression",
                    ContainingNamespace: { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } },
                })
            {
                return true;
            }

            if (ancestor is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsUtf8(SyntaxNode node)
    {
        if (node.IsKind(SyntaxKind.Utf8StringLiteralExpression))
        {
            return true;
        }

        if (node is BinaryExpressionSyntax)
        {
            foreach (var descendant in node.DescendantNodes())
            {
                if (descendant.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
