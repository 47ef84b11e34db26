using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.CodeFixes;

/// <summary>
/// Finds an <c>IConfiguration</c> that code at a position can read from: a local, parameter, field or property whose
/// type is <c>Microsoft.Extensions.Configuration.IConfiguration</c> or implements it.
/// </summary>
internal static class ConfigurationReceivers
{
    private const string ConfigurationTypeName = "Microsoft.Extensions.Configuration.IConfiguration";

    // A section's indexer reads keys relative to the section, so "section[\"Binance:ApiSecret\"]" would read the wrong key.
    private const string SectionTypeName = "Microsoft.Extensions.Configuration.IConfigurationSection";

    /// <summary>
    /// Returns the C# name of the receiver to read through at <paramref name="node"/>, or null when none can be used
    /// there. Locals come before parameters, and parameters before fields and properties. Among equals the name
    /// that sorts first wins, so the choice never depends on declaration order.
    /// </summary>
    public static string? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var configuration = model.Compilation.GetTypeByMetadataName(ConfigurationTypeName);
        if (configuration is null)
        {
            return null;
        }

        var section = model.Compilation.GetTypeByMetadataName(SectionTypeName);
        var position = node.SpanStart;
        var access = Access.At(node);
        var enclosingType = model.GetEnclosingSymbol(position, cancellationToken)?.ContainingType;

        ISymbol? best = null;
        var bestRank = int.MaxValue;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (type, rank) = symbol switch
            {
                ILocalSymbol local => (local.Type, 0),
                IParameterSymbol parameter => (parameter.Type, 1),
                IFieldSymbol field => (field.Type, 2),
                IPropertySymbol { IsIndexer: false, GetMethod: not null } property => (property.Type, 2),
                _ => ((ITypeSymbol?)null, -1),
            };
            if (type is null || type.NullableAnnotation == NullableAnnotation.Annotated ||
                !IsConfiguration(type, configuration, section) ||
                !model.IsAccessible(position, symbol) ||
                !IsUsable(symbol, node, access, enclosingType, cancellationToken))
            {
                continue;
            }

            if (rank < bestRank || (rank == bestRank && string.CompareOrdinal(symbol.Name, best!.Name) < 0))
            {
                best = symbol;
                bestRank = rank;
            }
        }

        if (best is null)
        {
            return null;
        }

        return SyntaxFacts.IsReservedKeyword(SyntaxFacts.GetKeywordKind(best.Name)) ? "@" + best.Name : best.Name;
    }

    private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configuration, INamedTypeSymbol? section)
    {
        if (section is not null &&
            (SymbolEqualityComparer.Default.Equals(type, section) ||
             type.AllInterfaces.Contains(section, SymbolEqualityComparer.Default)))
        {
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(type, configuration) ||
            type.AllInterfaces.Contains(configuration, SymbolEqualityComparer.Default);
    }

    private static bool IsUsable(
        ISymbol symbol, SyntaxNode node, Access access, INamedTypeSymbol? enclosingType, CancellationToken cancellationToken)
    {
        switch (symbol)
        {
            case ILocalSymbol local:
                // A local in scope may be declared after the key, or be the very local the key initializes.
                return local.DeclaringSyntaxReferences.All(reference =>
                    reference.GetSyntax(cancellationToken) is var declarator &&
                    declarator.Span.End <= node.SpanStart && !declarator.Span.Contains(node.Span) &&
                    access.CanCapture(declarator));

            case IParameterSymbol parameter:
                if (!parameter.DeclaringSyntaxReferences.All(r => access.CanCapture(r.GetSyntax(cancellationToken))))
                {
                    return false;
                }

                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor &&
                    constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax))
                {
                    return access.PrimaryConstructorParameters;
                }

                return true;

            default:
                if (symbol.IsStatic)
                {
                    return true;
                }

                // An instance member of an outer type cannot be read from a nested type.
                return access.InstanceMembers && enclosingType is not null && InheritsFromOrEquals(enclosingType, symbol.ContainingType);
        }
    }

    private static bool InheritsFromOrEquals(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which receivers that need an instance or a capture the code at a position may use.</summary>
    private readonly struct Access
    {
        private readonly SyntaxNode? _staticFunction;

        private Access(bool instanceMembers, bool primaryConstructorParameters, SyntaxNode? staticFunction = null)
        {
            InstanceMembers = instanceMembers;
            PrimaryConstructorParameters = primaryConstructorParameters;
            _staticFunction = staticFunction;
        }

        /// <summary>Whether <c>this</c> is available: instance fields and properties can be read.</summary>
        public bool InstanceMembers { get; }

        /// <summary>Whether the parameters of the type's primary constructor can be read.</summary>
        public bool PrimaryConstructorParameters { get; }

        /// <summary>
        /// Tells whether a local or parameter declared at <paramref name="declaration"/> can be read: inside a static
        /// lambda or local function only its own are.
        /// </summary>
        public bool CanCapture(SyntaxNode declaration) =>
            _staticFunction is null || _staticFunction.Span.Contains(declaration.Span);

        public static Access At(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return new Access(false, false, lambda);
                    case LocalFunctionStatementSyntax localFunction when localFunction.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return new Access(false, false, localFunction);
                    case ConstructorInitializerSyntax:
                        return new Access(false, false);

                    // Field and property initializers run before the constructor body, where C# allows no "this" (CS0236).
                    case FieldDeclarationSyntax field:
                        return new Access(false, !field.Modifiers.Any(SyntaxKind.StaticKeyword));
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return new Access(false, !property.Modifiers.Any(SyntaxKind.StaticKeyword));
                    case PrimaryConstructorBaseTypeSyntax:
                        return new Access(false, true);

                    case BaseMethodDeclarationSyntax method:
                        var isInstance = !method.Modifiers.Any(SyntaxKind.StaticKeyword);
                        return new Access(isInstance, isInstance);
                    case BasePropertyDeclarationSyntax property:
                        var isInstanceProperty = !property.Modifiers.Any(SyntaxKind.StaticKeyword);
                        return new Access(isInstanceProperty, isInstanceProperty);
                    case GlobalStatementSyntax or TypeDeclarationSyntax:
                        return new Access(false, false);
                }
            }

            return new Access(false, false);
        }
    }
}
