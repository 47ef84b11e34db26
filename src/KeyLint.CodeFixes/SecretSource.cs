using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.CodeFixes;

/// <summary>Where a fixed secret is read from.</summary>
internal enum SecretSourceKind
{
    EnvironmentVariable,
    Configuration,
    SecretProvider,
}

/// <summary>One place to read a secret from, and the C# that reads it.</summary>
internal sealed class SecretSource
{
    private readonly string? _receiver;
    private readonly string? _template;

    private SecretSource(SecretSourceKind kind, string name, string? receiver, string? template, string? usingNamespace)
    {
        Kind = kind;
        Name = name;
        _receiver = receiver;
        _template = template;
        UsingNamespace = usingNamespace;
    }

    public SecretSourceKind Kind { get; }

    /// <summary>The environment variable name, the configuration key, or the name passed to the secret provider.</summary>
    public string Name { get; }

    /// <summary>The namespace the read needs a using directive for, or null.</summary>
    public string? UsingNamespace { get; }

    /// <summary>
    /// Whether the read returns null for a missing secret, so a target that cannot take null needs a
    /// <c>?? throw</c>. The secret provider's own contract decides what a missing secret does, so its read is
    /// inserted as it is.
    /// </summary>
    /// <remarks>
    /// NOTE: a provider method declared to return <c>string?</c> therefore gives a nullable warning (CS8600, CS8601)
    /// where the target cannot take null, because the fixer does not bind the template to learn its return type.
    /// </remarks>
    public bool MayReturnNull => Kind != SecretSourceKind.SecretProvider;

    /// <summary>Whether the read is a single primary expression that needs no parentheses anywhere.</summary>
    public bool IsPrimaryExpression => Kind != SecretSourceKind.SecretProvider ||
        SyntaxFactory.ParseExpression(_template!) is
            InvocationExpressionSyntax or
            MemberAccessExpressionSyntax or
            ElementAccessExpressionSyntax or
            ObjectCreationExpressionSyntax or
            SimpleNameSyntax or
            ParenthesizedExpressionSyntax;

    public static SecretSource EnvironmentVariable(string name) =>
        new(SecretSourceKind.EnvironmentVariable, name, null, null, null);

    /// <summary>Creates a read of <paramref name="key"/> through <paramref name="receiver"/>, a C# expression of an <c>IConfiguration</c> type.</summary>
    public static SecretSource Configuration(string key, string receiver) =>
        new(SecretSourceKind.Configuration, key, receiver, null, null);

    /// <summary>Creates a read through a valid <c>keylint.secret_lookup</c> template.</summary>
    public static SecretSource SecretProvider(string name, string template, string? usingNamespace) =>
        new(SecretSourceKind.SecretProvider, name, null, SecretLookupTemplate.Expand(template, name), usingNamespace);

    /// <summary>Returns the C# source of the expression that reads the secret.</summary>
    public string BuildRead(TypeNames names) => Kind switch
    {
        SecretSourceKind.EnvironmentVariable => $"{names.Environment}.GetEnvironmentVariable({Quote(Name)})",
        SecretSourceKind.Configuration => $"{_receiver}[{Quote(Name)}]",
        _ => _template!,
    };

    /// <summary>Returns the message of the exception thrown when the secret is missing.</summary>
    public string MissingMessage() => Kind == SecretSourceKind.Configuration
        ? $"The configuration key {Name} is not set. Set it to the secret before starting the application."
        : $"The environment variable {Name} is not set. Set it to the secret before starting the application.";

    /// <summary>Returns the title of the code action that applies this source.</summary>
    public string Title() => Kind switch
    {
        SecretSourceKind.EnvironmentVariable => $"Read '{Name}' from an environment variable",
        SecretSourceKind.Configuration => $"Read '{Name}' from {_receiver} (IConfiguration)",
        _ => $"Read '{Name}' with {_template}",
    };

    public static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
