using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers;

/// <summary>
/// Where a string value is bound: the target's name, the type around it, and whether C# needs a constant there.
/// The name is resolved at once. The type name and the constant reason are found on first read, because most values
/// are dropped once their target's name is known not to be secret.
/// </summary>
internal readonly struct SecretTarget
{
    private readonly string? _createdTypeName;
    private readonly ExpressionSyntax? _implicitCreation;
    private readonly SyntaxNode? _typeScope;
    private readonly bool _joinTypeNames;
    private readonly SyntaxNode? _binding;
    private readonly SemanticModel? _model;
    private readonly CancellationToken _cancellationToken;

    private SecretTarget(
        string? name,
        string? createdTypeName,
        ExpressionSyntax? implicitCreation,
        SyntaxNode? typeScope,
        bool joinTypeNames,
        SyntaxNode? binding,
        SemanticModel? model,
        CancellationToken cancellationToken)
    {
        Name = name;
        _createdTypeName = createdTypeName;
        _implicitCreation = implicitCreation;
        _typeScope = typeScope;
        _joinTypeNames = joinTypeNames;
        _binding = binding;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>A variable, property, parameter, dictionary key or header name; null when the value is unnamed.</summary>
    public string? Name { get; }

    /// <summary>The type being created or the type the value sits in, which often names the provider.</summary>
    public string? TypeName
    {
        get
        {
            var created = _createdTypeName;
            if (created is null && _implicitCreation is not null && _model is not null)
            {
                created = _model.GetTypeInfo(_implicitCreation, _cancellationToken).Type?.Name;
            }

            if (!_joinTypeNames && created is not null)
            {
                return created;
            }

            var containing = _typeScope is null ? null : TargetResolver.ContainingTypeName(_typeScope);
            if (created is null || containing is null)
            {
                return created ?? containing;
            }

            return created + " " + containing;
        }
    }

    /// <summary>Why no fix can be offered (the position requires a constant), or null when a fix can be.</summary>
    public string? ConstantReason => _binding is null ? null : TargetResolver.FindConstantReason(_binding);

    /// <summary>Creates a target whose type name is the type that contains <paramref name="typeScope"/>.</summary>
    public static SecretTarget InType(string? name, SyntaxNode typeScope, SyntaxNode binding) =>
        new(name, null, null, typeScope, joinTypeNames: false, binding, null, default);

    /// <summary>Creates a target in an object initializer, whose type name is the created type.</summary>
    public static SecretTarget Created(string? name, string? createdTypeName, SyntaxNode binding) =>
        new(name, createdTypeName, null, null, joinTypeNames: false, binding, null, default);

    /// <summary>
    /// Creates a target whose type name is the created type when one is known, else the type that contains
    /// <paramref name="typeScope"/>. The type of an implicit creation (<c>new(...)</c>) is bound when the type
    /// name is read.
    /// </summary>
    public static SecretTarget CreatedOrInType(
        string? name,
        string? createdTypeName,
        ExpressionSyntax? implicitCreation,
        SyntaxNode typeScope,
        SyntaxNode binding,
        SemanticModel model,
        CancellationToken cancellationToken) =>
        new(name, createdTypeName, implicitCreation, typeScope, joinTypeNames: false, binding, model, cancellationToken);

    /// <summary>
    /// Creates a target whose type name joins the created type and the containing type, since in
    /// <c>new ExchangeCredentials(...)</c> inside <c>class KucoinClient</c> either may name the provider.
    /// </summary>
    public static SecretTarget CreatedAndInType(
        string? name,
        string? createdTypeName,
        ExpressionSyntax? implicitCreation,
        SyntaxNode typeScope,
        SyntaxNode binding,
        SemanticModel model,
        CancellationToken cancellationToken) =>
        new(name, createdTypeName, implicitCreation, typeScope, joinTypeNames: true, binding, model, cancellationToken);
}
