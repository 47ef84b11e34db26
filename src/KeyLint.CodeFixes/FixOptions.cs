using System;
using System.Text;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KeyLint.CodeFixes;

/// <summary>
/// The <c>keylint.*</c> options that shape a fix in one document, read from the .editorconfig sections and
/// .globalconfig that apply to its syntax tree. An invalid prefix, casing or namespace keeps its default.
/// </summary>
internal sealed class FixOptions
{
    /// <summary>A namespace, such as <c>MyCompany.Secrets</c>, that the secret-provider fix imports with a using directive.</summary>
    public const string SecretLookupUsingOption = "keylint.secret_lookup_using";

    /// <summary>
    /// Letters, digits and underscores put before every <c>upper_snake</c> environment variable name (<c>BOT_</c>
    /// gives <c>BOT_BINANCE_API_SECRET</c>) and, as a first section, before every configuration key
    /// (<c>Bot:Binance:ApiSecret</c>) and <c>pascal_double_underscore</c> name (<c>Bot__Binance__ApiSecret</c>).
    /// </summary>
    public const string NamePrefixOption = "keylint.name_prefix";

    /// <summary>The form of environment variable names: <c>upper_snake</c> (the default) or <c>pascal_double_underscore</c>.</summary>
    public const string NameCasingOption = "keylint.name_casing";

    private static readonly FixOptions Defaults = new(null, false, null, string.Empty, NameCasing.UpperSnake);

    private FixOptions(string? secretLookup, bool invalidSecretLookup, string? usingNamespace, string prefix, NameCasing casing)
    {
        SecretLookup = secretLookup;
        HasInvalidSecretLookup = invalidSecretLookup;
        UsingNamespace = usingNamespace;
        Prefix = prefix;
        Casing = casing;
    }

    /// <summary>The valid <c>keylint.secret_lookup</c> template, or null when it is not set or invalid.</summary>
    public string? SecretLookup { get; }

    /// <summary>Whether <c>keylint.secret_lookup</c> is set to a template that KL9002 reports.</summary>
    public bool HasInvalidSecretLookup { get; }

    public string? UsingNamespace { get; }

    public string Prefix { get; }

    public NameCasing Casing { get; }

    /// <summary>Reads the options that apply to <paramref name="tree"/>, a syntax tree of <paramref name="document"/>'s project.</summary>
    public static FixOptions Read(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        string? template = null;
        var invalid = false;
        if (options.TryGetValue(SecretLookupTemplate.OptionName, out var lookup) && SecretLookupTemplate.IsSet(lookup))
        {
            invalid = !SecretLookupTemplate.IsValid(lookup);
            template = invalid ? null : lookup;
        }

        string? usingNamespace = null;
        if (options.TryGetValue(SecretLookupUsingOption, out var namespaceText) && namespaceText.Trim().Length > 0 &&
            !SyntaxFactory.ParseName(namespaceText.Trim()).ContainsDiagnostics)
        {
            usingNamespace = namespaceText.Trim();
        }

        var prefix = options.TryGetValue(NamePrefixOption, out var prefixText) && IsValidPrefix(prefixText.Trim())
            ? prefixText.Trim()
            : string.Empty;

        var casing = NameCasing.UpperSnake;
        if (options.TryGetValue(NameCasingOption, out var casingText) &&
            casingText.Trim().Equals("pascal_double_underscore", StringComparison.OrdinalIgnoreCase))
        {
            casing = NameCasing.PascalDoubleUnderscore;
        }

        if (template is null && !invalid && usingNamespace is null && prefix.Length == 0 && casing == NameCasing.UpperSnake)
        {
            return Defaults;
        }

        return new FixOptions(template, invalid, usingNamespace, prefix, casing);
    }

    /// <summary>
    /// Returns the environment variable name for the diagnostic, with the prefix and casing applied, or null when the
    /// analyzer passed no name.
    /// </summary>
    public string? EnvironmentVariableName(Diagnostic diagnostic)
    {
        if (Casing == NameCasing.PascalDoubleUnderscore)
        {
            // The name the ASP.NET environment-variable configuration provider maps to the configuration key.
            return ConfigurationKey(diagnostic)?.Replace(":", "__");
        }

        return diagnostic.Properties.TryGetValue(FixProperties.VariableName, out var name) && !string.IsNullOrEmpty(name)
            ? Prefix + name
            : null;
    }

    /// <summary>
    /// Returns the configuration key for the diagnostic, such as <c>Binance:ApiSecret</c>, under a first section made
    /// from the prefix (<c>BOT_</c> gives <c>Bot:Binance:ApiSecret</c>), or null when the analyzer passed no key.
    /// </summary>
    public string? ConfigurationKey(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.ConfigurationKey, out var key) || string.IsNullOrEmpty(key))
        {
            return null;
        }

        var section = PrefixSection(Prefix);
        return section.Length == 0 ? key : section + ":" + key;
    }

    private static bool IsValidPrefix(string prefix)
    {
        if (prefix.Length == 0 || prefix[0] is >= '0' and <= '9')
        {
            return false;
        }

        foreach (var c in prefix)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    // Each word between underscores in PascalCase: "BOT_" gives "Bot", "trading_bot" gives "TradingBot", and a word
    // in mixed case ("TradingBot") keeps its case after the first letter.
    private static string PrefixSection(string prefix)
    {
        var builder = new StringBuilder();
        foreach (var word in prefix.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var singleCase = word.ToUpperInvariant() == word || word.ToLowerInvariant() == word;
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(singleCase ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        return builder.ToString();
    }
}

/// <summary>The form of the environment variable names the fix writes.</summary>
internal enum NameCasing
{
    /// <summary><c>BINANCE_API_SECRET</c>.</summary>
    UpperSnake,

    /// <summary>
    /// <c>Binance__ApiSecret</c>: the configuration key with <c>__</c> for <c>:</c>, which ASP.NET's
    /// environment-variable configuration provider reads as <c>Binance:ApiSecret</c>.
    /// </summary>
    PascalDoubleUnderscore,
}
