using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.CodeFixes;

/// <summary>Adds the using directive that the <c>keylint.secret_lookup_using</c> option names.</summary>
internal static class UsingDirectives
{
    /// <summary>
    /// Returns <paramref name="root"/> with <c>using <paramref name="namespaceName"/>;</c> among its top-level using
    /// directives, or unchanged when the file or a global using anywhere in the compilation already imports it.
    /// </summary>
    public static CompilationUnitSyntax Add(
        CompilationUnitSyntax root, string namespaceName, Compilation compilation, CancellationToken cancellationToken)
    {
        if (root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>()
                .Any(directive => Imports(directive, namespaceName)) ||
            HasGlobalUsing(compilation, root.SyntaxTree, namespaceName, cancellationToken))
        {
            return root;
        }

        var newLine = ReplacementText.NewLine(root);
        var directive = SyntaxFactory.ParseCompilationUnit($"using {namespaceName};{newLine}").Usings[0];
        var usings = root.Usings;
        if (usings.Count == 0)
        {
            var first = root.GetFirstToken(includeZeroWidth: true);
            // The first token's leading trivia (a file header, #nullable) stays at the top of the file, and a blank
            // line separates the directive from the code.
            directive = directive.WithLeadingTrivia(first.LeadingTrivia);
            root = root.ReplaceToken(first, first.WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine)));
            return root.WithUsings(SyntaxFactory.SingletonList(directive));
        }

        // Plain directives sort System namespaces first, then by name, as dotnet_sort_system_directives_first
        // sorts them. C# requires global directives before all others.
        var index = -1;
        var afterLastPlainOrGlobal = 0;
        for (var i = 0; i < usings.Count; i++)
        {
            var existing = usings[i];
            var isGlobal = !existing.GlobalKeyword.IsKind(SyntaxKind.None);
            var isPlain = !isGlobal && existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None);
            if (isPlain && Compare(existing.Name?.ToString() ?? string.Empty, namespaceName) > 0)
            {
                index = i;
                break;
            }

            if (isPlain || isGlobal)
            {
                afterLastPlainOrGlobal = i + 1;
            }
        }

        if (index < 0)
        {
            index = afterLastPlainOrGlobal;
        }

        if (index == 0)
        {
            // The new first directive takes over the file header from the old one.
            var old = usings[0];
            directive = directive.WithLeadingTrivia(old.GetLeadingTrivia());
            usings = usings.Replace(old, old.WithLeadingTrivia(SyntaxTriviaList.Empty));
        }

        return root.WithUsings(usings.Insert(index, directive));
    }

    private static bool Imports(UsingDirectiveSyntax directive, string namespaceName) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) &&
        directive.Name?.ToString() == namespaceName;

    private static bool HasGlobalUsing(Compilation compilation, SyntaxTree current, string namespaceName, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == current.FilePath ||
                tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
            {
                continue;
            }

            if (unit.Usings.Any(u => !u.GlobalKeyword.IsKind(SyntaxKind.None) && Imports(u, namespaceName)))
            {
                return true;
            }
        }

        return false;
    }

    private static int Compare(string left, string right)
    {
        var leftIsSystem = IsSystem(left);
        var rightIsSystem = IsSystem(right);
        if (leftIsSystem != rightIsSystem)
        {
            return leftIsSystem ? -1 : 1;
        }

        return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
