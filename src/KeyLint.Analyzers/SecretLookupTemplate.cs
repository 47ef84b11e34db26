using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KeyLint.Analyzers;

/// <summary>
/// The <c>keylint.secret_lookup</c> option: a C# expression with a <c>{name}</c> placeholder, such as
/// <c>Secrets.Get({name})</c>, that reads a secret from the team's own provider. The analyzer reports an invalid
/// template (KL9002) and the fixer offers no fix while the template is invalid.
/// </summary>
public static class SecretLookupTemplate
{
    /// <summary>The option's key.</summary>
    /// <remarks>
    /// NOTE: .editorconfig and .globalconfig treat <c>#</c> and <c>;</c> as the start of a comment, also inside a
    /// value, so a template cannot contain either (Roslyn 4.8 drops the rest of the line).
    /// </remarks>
    public const string OptionName = "keylint.secret_lookup";

    /// <summary>The placeholder that the fix replaces with the secret's name as a C# string literal.</summary>
    public const string Placeholder = "{name}";

    /// <summary>
    /// Tells whether <paramref name="value"/> sets a template at all. An empty value unsets the option, so that an
    /// .editorconfig section can turn the provider off for some files.
    /// </summary>
    public static bool IsSet(string? value) => value is not null && value.Trim().Length > 0;

    /// <summary>
    /// Tells whether <paramref name="template"/> contains the placeholder and parses as one C# expression once the
    /// placeholder is replaced with a string literal.
    /// </summary>
    public static bool IsValid(string template)
    {
        if (template.IndexOf(Placeholder, System.StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var expression = SyntaxFactory.ParseExpression(Expand(template, "NAME"));
        return !expression.ContainsDiagnostics && !expression.IsMissing;
    }

    /// <summary>Returns the C# source of the template with every placeholder replaced by <paramref name="name"/> as a string literal.</summary>
    public static string Expand(string template, string name) =>
        template.Trim().Replace(Placeholder, SymbolDisplay.FormatLiteral(name, quote: true));
}
