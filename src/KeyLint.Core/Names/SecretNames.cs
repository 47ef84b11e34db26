using System.Linq;
using System.Collections.Generic;
using KeyLint.Core.Detection;

namespace KeyLint.Core.Names;

/// <summary>How a target's name bears on a value bound to it.</summary>
public enum SecretNameKind
{
    /// <summary>The name says nothing about secrets.</summary>
    None,

    /// <summary>The name says key, secret, token or credential.</summary>
    Secret,

    /// <summary>The name says password or passphrase: such values are short and less random than keys.</summary>
    Password,

    /// <summary>The name says the value is not a secret: an id, a hash, a hint, a public key, a cache key.</summary>
    NotSecret,
}

/// <summary>
/// Decides from whole words whether a name (<c>apiSecret</c>, <c>Binance:ApiKey</c>) names a secret. Letters inside
/// a word never count, so <c>keyboardLayout</c> and <c>monkeyTestSeed</c> are not secret names.
/// </summary>
public static class SecretNames
{
    private static readonly HashSet<string> SecretWords = new()
    {
        "key", "keys", "secret", "secrets", "token", "tokens", "credential", "credentials", "apikey", "apisecret",
        "secretkey", "privatekey", "accesskey", "signingkey", "clientsecret", "authtoken", "bearer",
    };

    private static readonly HashSet<string> PasswordWords = new()
    {
        "password", "passwd", "pwd", "passphrase", "passcode", "pass",
    };

    // Every secret and password word contains one of these, so a name without them needs no further look.
    private static readonly string[] SecretFragments =
    {
        "key", "secret", "token", "credential", "bearer", "pass", "pwd",
    };

    // A name that contains any of these words anywhere names something that is not a secret.
    private static readonly HashSet<string> NotSecretWords = new()
    {
        "public", "publickey", "instrumentation", "hash", "hashed", "checksum", "sha", "sha1", "sha256", "sha384",
        "sha512", "md5", "integrity", "fingerprint", "thumbprint", "cache", "partition", "primary", "foreign",
        "sort", "idempotency", "routing", "row", "lookup", "localization", "translation", "resource", "shortcut",
        "hotkey", "hint", "tokenization", "tokenizer", "csrf", "antiforgery", "captcha", "sitekey", "env",
        "environment", "variable", "placeholder", "example", "sample", "dummy", "fake", "mock",

        // Public by design: a Stripe publishable key.
        "publishable",
    };

    // Words of NotSecretWords that names split in two, "md5" at the digit and "sitekey" before "key". They count only
    // at the end of a name: apiKeyMd5 is a hash, hmacMd5Key a key. Declared after NotSecretWords, which it reads.
    private static readonly string[] NotSecretJoinedWords =
        NotSecretWords.Where(word => word.Any(char.IsDigit) || word == "sitekey").ToArray();

    // A name that ends with one of these words names a thing about a secret, not the secret itself.
    private static readonly HashSet<string> NotSecretLastWords = new()
    {
        "id", "ids", "guid", "uuid", "name", "names", "label", "title", "description", "message", "text", "prompt",
        "hint", "url", "uri", "endpoint", "path", "file", "filename", "type", "kind", "format", "length", "size",
        "count", "version", "header", "field", "column", "setting", "option", "options", "source", "provider",
        "store", "location", "expiry", "expiration", "expires", "ttl", "lifetime", "timeout", "policy", "rule",
        "regex", "pattern", "error", "errors", "valid", "validator", "required", "enabled", "mode", "scope",
        "scopes", "prefix", "suffix", "separator", "index", "number", "len", "min", "max", "status",

        // On-chain identifiers are public: a token's contract or mint address, a wallet or token account.
        "address", "addresses", "contract", "mint", "account", "accounts",
    };

    // Before a final "key", these words make it the key of a record or message: orderKey, redisKey, topicKey.
    private static readonly HashSet<string> RecordKeyQualifiers = new()
    {
        "redis", "order", "orders", "topic", "queue", "lock", "dedup", "dedupe", "message", "event", "group", "symbol",
        "pair", "market", "trade", "position", "map", "dictionary", "dict", "record", "entity", "object", "composite",
    };

    /// <summary>Classifies a name from its words; see <see cref="NameWords.Split"/>.</summary>
    public static SecretNameKind Classify(IReadOnlyList<string> words, ScannerOptions? options = null)
    {
        if (words.Count == 0)
        {
            return SecretNameKind.None;
        }

        options ??= ScannerOptions.Default;
        var kind = SecretNameKind.None;

        // Indexing, because foreach over an IReadOnlyList allocates an enumerator.
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (NotSecretWords.Contains(word) || options.IgnoredWords.Contains(word))
            {
                return SecretNameKind.NotSecret;
            }

            if (PasswordWords.Contains(word))
            {
                kind = SecretNameKind.Password;
            }
            else if (kind == SecretNameKind.None && (SecretWords.Contains(word) || options.ExtraSecretWords.Contains(word)))
            {
                kind = SecretNameKind.Secret;
            }
        }

        var last = words[words.Count - 1];
        if (NotSecretLastWords.Contains(last) || (words.Count >= 2 && IsJoinedNotSecretWord(words[words.Count - 2], last)))
        {
            return SecretNameKind.NotSecret;
        }

        if (words.Count >= 2 && last is "key" or "keys" && RecordKeyQualifiers.Contains(words[words.Count - 2]))
        {
            return SecretNameKind.NotSecret;
        }

        // "pass" alone is too common (passCount, bypass) unless a phrase such as "pass_phrase" makes it clear.
        if (kind == SecretNameKind.Password && words.Contains("pass") && !HasPasswordWordOtherThanPass(words))
        {
            return words.Count == 1 || words.Contains("phrase") ? SecretNameKind.Password : SecretNameKind.None;
        }

        return kind;
    }

    /// <summary>
    /// Tells without allocating whether a name could be secret-named at all, so that the words of most names are never
    /// split. False means <see cref="Classify(string?)"/> would not return Secret or Password.
    /// </summary>
    public static bool MayBeSecretName(string? name, ScannerOptions? options = null)
    {
        if (name is null || name.Length < 3)
        {
            return false;
        }

        if (options is not null && options.ExtraSecretWords.Count > 0)
        {
            foreach (var word in options.ExtraSecretWords)
            {
                if (name.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        foreach (var fragment in SecretFragments)
        {
            if (name.IndexOf(fragment, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Classifies a name such as an identifier, a config key or a request header.</summary>
    public static SecretNameKind Classify(string? name, ScannerOptions? options = null) =>
        Classify(NameWords.Split(name), options);

    // Tells whether two neighbouring words written together are a word of NotSecretJoinedWords, without joining them.
    private static bool IsJoinedNotSecretWord(string first, string second)
    {
        foreach (var word in NotSecretJoinedWords)
        {
            if (word.Length == first.Length + second.Length &&
                word.StartsWith(first, System.StringComparison.Ordinal) &&
                word.EndsWith(second, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPasswordWordOtherThanPass(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word != "pass" && PasswordWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }
}
