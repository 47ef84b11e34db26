using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KeyLint.CodeFixes;

/// <summary>
/// Spells the framework types the fix uses as briefly as they bind at one position: <c>Environment</c> where
/// <c>using System;</c> (or an implicit global using) is in scope, <c>System.Environment</c> where it is not or where
/// a member named <c>Environment</c> hides the type.
/// </summary>
/// <remarks>
/// The fix never adds a using directive: a new <c>using System;</c> can make another name in the file ambiguous
/// (CS0104), which the fixer cannot check without binding the whole file again.
/// </remarks>
internal sealed class TypeNames
{
    private readonly SemanticModel _model;
    private readonly int _position;
    private string? _environment;
    private string? _invalidOperationException;
    private string? _encoding;
    private string? _readOnlySpanOfByte;

    public TypeNames(SemanticModel model, int position)
    {
        _model = model;
        _position = position;
    }

    /// <summary>The receiver that calls <c>System.Environment.GetEnvironmentVariable</c>.</summary>
    public string Environment => _environment ??= ShortestMemberReceiver("System", "Environment", "GetEnvironmentVariable(\"\")");

    /// <summary>The type name of <c>System.InvalidOperationException</c>.</summary>
    public string InvalidOperationException => _invalidOperationException ??= ShortestTypeName("System", "InvalidOperationException", string.Empty);

    /// <summary>The receiver that reads <c>System.Text.Encoding.UTF8</c>.</summary>
    public string Encoding => _encoding ??= ShortestMemberReceiver("System.Text", "Encoding", "UTF8");

    /// <summary>The type name of <c>System.ReadOnlySpan&lt;byte&gt;</c>.</summary>
    public string ReadOnlySpanOfByte => _readOnlySpanOfByte ??= ShortestTypeName("System", "ReadOnlySpan", "<byte>");

    // Binds "Name.member" as an expression, so a property or local that hides the type is seen too.
    private string ShortestMemberReceiver(string containingNamespace, string name, string member)
    {
        var type = _model.Compilation.GetTypeByMetadataName($"{containingNamespace}.{name}");
        foreach (var candidate in Candidates(containingNamespace, name, string.Empty))
        {
            var expression = SyntaxFactory.ParseExpression($"{candidate}.{member}");
            var symbol = _model.GetSpeculativeSymbolInfo(_position, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
            if (type is not null && SymbolEqualityComparer.Default.Equals(symbol?.ContainingType, type))
            {
                return candidate;
            }
        }

        return $"global::{containingNamespace}.{name}";
    }

    private string ShortestTypeName(string containingNamespace, string name, string typeArguments)
    {
        var metadataName = typeArguments.Length == 0 ? $"{containingNamespace}.{name}" : $"{containingNamespace}.{name}`1";
        var type = _model.Compilation.GetTypeByMetadataName(metadataName);
        foreach (var candidate in Candidates(containingNamespace, name, typeArguments))
        {
            var typeSyntax = SyntaxFactory.ParseTypeName(candidate);
            var bound = _model.GetSpeculativeTypeInfo(_position, typeSyntax, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
            if (type is not null && SymbolEqualityComparer.Default.Equals(bound?.OriginalDefinition, type))
            {
                return candidate;
            }
        }

        return $"global::{containingNamespace}.{name}{typeArguments}";
    }

    private static string[] Candidates(string containingNamespace, string name, string typeArguments) => new[]
    {
        $"{name}{typeArguments}",
        $"{containingNamespace}.{name}{typeArguments}",
    };
}
