using System.Collections.Generic;
using System.Text;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;

namespace KeyLint.Core.Names;

/// <summary>Derives the environment variable a fixed secret is read from.</summary>
public static class VariableNames
{

    /// <summary>
    /// Builds an upper-case snake-case name from the provider and the target: <c>binanceApiSecret</c> gives
    /// <c>BINANCE_API_SECRET</c>, and <c>ApiKey</c> in <c>class StripeOptions</c> gives <c>STRIPE_API_KEY</c>. A value
    /// whose target is not secret-named takes the provider's own variable (<c>AWS_ACCESS_KEY_ID</c>) when the catalog
    /// names one, else the provider and <c>API_KEY</c>.
    /// </summary>
    public static string ForEnvironment(TargetContext target, KeyFormat? format, SecretScanner scanner)
    {
        // A name that does not say key or secret (a method, a "message" parameter) would make a misleading variable.
        var namesSecret = target.Kind is SecretNameKind.Secret or SecretNameKind.Password;
        if (!namesSecret && format?.Variable is { } variable)
        {
            return variable;
        }

        var words = Words(target, format, scanner, namesSecret);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            foreach (var c in word)
            {
                if (c is >= 'a' and <= 'z')
                {
                    builder.Append((char)(c - 32));
                }
                else
                {
                    builder.Append(c is >= '0' and <= '9' ? c : '_');
                }
            }
        }

        if (builder.Length == 0 || builder[0] is >= '0' and <= '9')
        {
            builder.Insert(0, "KEYLINT_");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Builds the configuration key in the <c>Section:Key</c> form that ASP.NET configuration reads and that the
    /// environment variable <c>Section__Key</c> overrides: <c>binanceApiSecret</c> gives <c>Binance:ApiSecret</c>. A
    /// name of one word goes under <c>Secrets</c>.
    /// </summary>
    public static string ForConfiguration(TargetContext target, KeyFormat? format, SecretScanner scanner)
    {
        var namesSecret = target.Kind is SecretNameKind.Secret or SecretNameKind.Password;
        var words = Words(target, format, scanner, namesSecret);
        if (words.Count < 2)
        {
            words.Insert(0, "secrets");
        }

        var builder = new StringBuilder();
        AppendPascal(builder, words[0]);
        builder.Append(':');
        for (var i = 1; i < words.Count; i++)
        {
            AppendPascal(builder, words[i]);
        }

        return builder.ToString();
    }

    private static void AppendPascal(StringBuilder builder, string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }
    }

    private static List<string> Words(TargetContext target, KeyFormat? format, SecretScanner scanner, bool namesSecret)
    {
        // A request header such as X-MBX-APIKEY names a transport, not a variable.
        var isHeader = scanner.IsKnownHeader(target.Name);
        var usesTargetWords = namesSecret && !isHeader;
        var words = usesTargetWords ? new List<string>(target.Words) : new List<string>();
        var provider = FindProvider(target, format, scanner, usesTargetWords);
        if (words.Count == 0)
        {
            words.Add(format is null ? "secret" : "api");
            if (format is not null)
            {
                words.Add("key");
            }
        }

        if (provider is not null && !NameWords.Contains(words, provider))
        {
            words.Insert(0, provider);
        }

        return words;
    }

    // usesTargetWords: whether the target's words are part of the name, so that a provider among them needs no repeat.
    private static string? FindProvider(TargetContext target, KeyFormat? format, SecretScanner scanner, bool usesTargetWords)
    {
        var targetNamesProvider = NamesAnyProvider(target.Words, scanner);
        if (usesTargetWords && targetNamesProvider)
        {
            return null;
        }

        // A format that belongs to one provider (a Coinbase key name, an OKX secret) decides, wherever the code sits.
        if (ProviderOf(format) is { } formatProvider)
        {
            return formatProvider;
        }

        // A name that is not part of the variable can still name its provider: StripeUrl for a key in a URL.
        if (targetNamesProvider)
        {
            foreach (var word in target.Words)
            {
                if (scanner.IsProviderWord(word))
                {
                    return word;
                }
            }
        }

        foreach (var word in target.TypeWords)
        {
            if (scanner.IsProviderWord(word))
            {
                return word;
            }
        }

        return null;
    }

    private static bool NamesAnyProvider(IReadOnlyList<string> words, SecretScanner scanner)
    {
        foreach (var word in words)
        {
            if (scanner.IsProviderWord(word))
            {
                return true;
            }
        }

        return false;
    }

    // "GitHub" becomes "github" and "Google Cloud" becomes "google_cloud": a provider is one name, not a phrase.
    // A shape shared by several exchanges (64 letters and digits) does not identify the exchange, and a kind of
    // secret (a PEM key, a JWT) is no provider.
    private static string? ProviderOf(KeyFormat? format)
    {
        if (format is null || SecretScanner.IsCategoryProvider(format))
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var c in format.Provider.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.Length == 0 ? null : builder.ToString().TrimEnd('_');
    }
}
