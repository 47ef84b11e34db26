using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using KeyLint.Core.Formats;
using KeyLint.Core.Names;

namespace KeyLint.Core.Detection;

/// <summary>
/// Finds secrets in string values. <see cref="TryMatchFormat"/> needs only the value and runs first: it scans the
/// value once for the two-character heads of all catalog prefixes and tests a pattern only where a prefix sits, so a
/// value with no prefix costs one pass and no allocation. <see cref="TryMatchInContext"/> handles what only the
/// target's name can reveal: exchange keys with no prefix, and random values bound to secret-named targets.
/// </summary>
public sealed class SecretScanner
{
    /// <summary>Values shorter than this are never secrets worth a diagnostic.</summary>
    public const int MinCandidateLength = 8;

    /// <summary>Values longer than this are tested for prefixed formats only (a PEM block, a config blob).</summary>
    public const int MaxContextValueLength = 1024;

    private const int BucketCount = 64 * 64;

    // Catalog "provider" values that name a kind of secret rather than a service.
    private static readonly HashSet<string> CategoryProviderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "PEM", "PGP", "JWT", "URL", "Database", "Exchange", "age",
    };

    private static readonly object DefaultGate = new();
    private static SecretScanner? _default;

    // Character classes of IsContextCandidate for ASCII, so that a value of ASCII characters costs one lookup per
    // character instead of the Unicode category checks.
    private const byte WhiteSpaceClass = 1;
    private const byte NamePunctuationClass = 2;
    private const byte LetterClass = 4;
    private static readonly byte[] AsciiClasses = CreateAsciiClasses();

    private readonly PrefixHint[]?[] _buckets = new PrefixHint[]?[BucketCount];

    // One bit for each pair of ASCII characters that can start a catalog prefix, in the case the prefix's format
    // compares with. Most pairs in a value are turned away here, before the buckets, which fold case and share
    // entries between characters.
    private readonly ulong[] _asciiHeads = new ulong[128 * 128 / 64];

    // The first 128 formats by their catalog index, for the bit sets of TryMatchFormat.
    private readonly KeyFormat?[] _formatsByIndex = new KeyFormat?[128];
    private readonly List<KeyFormat> _providerContextFormats = new();
    private readonly List<KeyFormat> _genericContextFormats = new();
    private readonly HashSet<string> _providerWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public SecretScanner(KeyFormatCatalog catalog)
    {
        Catalog = catalog;
        var buckets = new List<PrefixHint>?[BucketCount];
        foreach (var format in catalog.Formats)
        {
            if (format.Index < _formatsByIndex.Length)
            {
                _formatsByIndex[format.Index] = format;
            }

            // "Exchange" and "Database" name kinds of secret, not providers; as provider words they would match
            // every ExchangeCredentials type.
            if (!IsCategoryProvider(format))
            {
                _providerWords.Add(format.Provider.ToLowerInvariant());
            }
            foreach (var prefix in format.Prefixes)
            {
                var bucket = Bucket(prefix[0], prefix[1]);
                (buckets[bucket] ??= new List<PrefixHint>()).Add(new PrefixHint(prefix, format));
                AddAsciiHead(prefix, format.IgnoreCase);
            }

            if (format.Context is { } context)
            {
                (context.Providers.Count > 0 ? _providerContextFormats : _genericContextFormats).Add(format);
                foreach (var provider in context.Providers)
                {
                    _providerWords.Add(provider);
                }

                foreach (var header in context.Headers)
                {
                    _headers.Add(header);
                }
            }
        }

        for (var i = 0; i < BucketCount; i++)
        {
            _buckets[i] = buckets[i]?.ToArray();
        }
    }

    /// <summary>
    /// The scanner over the built-in catalog, created once per process. Unlike <see cref="Lazy{T}"/>, a failed creation
    /// is not cached: the next access tries again, so one failure does not fail every later compilation of a
    /// long-running compiler server.
    /// </summary>
    public static SecretScanner Default
    {
        get
        {
            var scanner = System.Threading.Volatile.Read(ref _default);
            if (scanner is not null)
            {
                return scanner;
            }

            lock (DefaultGate)
            {
                scanner = _default ?? new SecretScanner(KeyFormatCatalog.BuiltIn);
                System.Threading.Volatile.Write(ref _default, scanner);
                return scanner;
            }
        }
    }

    public KeyFormatCatalog Catalog { get; }

    /// <summary>
    /// Tells whether a format's provider is a kind of secret rather than a service: a generic context format (no
    /// providers of its own) or one of the catalog's category names.
    /// </summary>
    public static bool IsCategoryProvider(KeyFormat format)
    {
        return format.Context is { Providers.Count: 0 } || CategoryProviderNames.Contains(format.Provider);
    }

    /// <summary>Tells whether a lower-case word names a provider in the catalog (aws, binance, okx, ...).</summary>
    public bool IsProviderWord(string word) => _providerWords.Contains(word);

    /// <summary>
    /// Finds a key of a prefixed catalog format anywhere in <paramref name="value"/>. Placeholders and documented
    /// example keys do not count. When several formats match, the one earliest in the catalog wins, wherever its
    /// prefix sits in the value.
    /// </summary>
    public bool TryMatchFormat(string value, out SecretFinding finding)
    {
        finding = default;
        if (value.Length < MinCandidateLength)
        {
            return false;
        }

        // A Coinbase CDP key file names the key before its private key, so test in catalog order, not value order.
        // The bit sets are in catalog order already, and only a catalog of more than 128 entries needs a list.
        var candidates = FindPrefixedCandidates(value, out var low, out var high);
        if (TryMatchEach(low, 0, value, out finding) || TryMatchEach(high, 64, value, out finding))
        {
            return true;
        }

        if (candidates is null)
        {
            return false;
        }

        candidates.Sort(static (left, right) => left.Index.CompareTo(right.Index));
        foreach (var format in candidates)
        {
            if (TryMatch(format, value, out finding))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tells cheaply whether <see cref="TryMatchInContext"/> could find anything in the value, so that callers
    /// resolve the target's name only when it can matter.
    /// </summary>
    public static bool IsContextCandidate(string value)
    {
        if (value.Length < MinCandidateLength || value.Length > MaxContextValueLength)
        {
            return false;
        }

        // A value made only of letters and name punctuation (BINANCE_API_SECRET, Binance:ApiSecret) is a name, not a
        // secret, unless its letters are as mixed as random ones: a few percent of short random keys have no digit.
        var hasDigitOrSymbol = false;
        var hasNamePunctuation = false;
        foreach (var c in value)
        {
            var classes = c < 128
                ? AsciiClasses[c]
                : char.IsWhiteSpace(c) ? WhiteSpaceClass : char.IsLetter(c) ? LetterClass : (byte)0;
            if ((classes & WhiteSpaceClass) != 0)
            {
                return false;
            }

            if ((classes & NamePunctuationClass) != 0)
            {
                hasNamePunctuation = true;
            }
            else if ((classes & LetterClass) == 0)
            {
                hasDigitOrSymbol = true;
            }
        }

        return hasDigitOrSymbol || (!hasNamePunctuation && HasRandomCase(value));
    }

    // Random letters are about half upper case and change case at about every other letter; PascalCase names
    // such as "BinanceApiSecretKey" have few capitals.
    private static bool HasRandomCase(string letters)
    {
        if (letters.Length < 16)
        {
            return false;
        }

        int upper = 0, changes = 0;
        for (var i = 0; i < letters.Length; i++)
        {
            var isUpper = char.IsUpper(letters[i]);
            upper += isUpper ? 1 : 0;
            if (i > 0 && isUpper != char.IsUpper(letters[i - 1]))
            {
                changes++;
            }
        }

        var lower = letters.Length - upper;
        return upper * 10 >= letters.Length * 3 && lower * 10 >= letters.Length * 3 && changes * 3 >= letters.Length;
    }

    /// <summary>
    /// Finds a secret that only the target reveals: an exchange key whose shape matches a context format, or a
    /// random value bound to a secret-named target.
    /// </summary>
    public bool TryMatchInContext(string value, TargetContext target, out SecretFinding finding)
    {
        finding = default;
        if (!IsContextCandidate(value) || target.Kind == SecretNameKind.NotSecret ||
            ValueShape.IsKnownNonSecret(value) || ValueShape.IsPlaceholder(value))
        {
            return false;
        }

        var isHeader = IsKnownHeader(target.Name);
        if (target.Kind == SecretNameKind.None && !isHeader)
        {
            return false;
        }

        foreach (var format in _providerContextFormats)
        {
            if ((MatchesHeader(format, target.Name) || NamesProvider(format, target)) && TryMatch(format, value, out finding))
            {
                return true;
            }
        }

        foreach (var format in _genericContextFormats)
        {
            if (TryMatch(format, value, out finding))
            {
                return true;
            }
        }

        if (IsRandomSecret(value, target.Kind, target.Options))
        {
            finding = new SecretFinding(null, 0, value.Length);
            return true;
        }

        return false;
    }

    /// <summary>Tells whether a name is a request header that carries a key in some catalog format.</summary>
    public bool IsKnownHeader(string? name) => !string.IsNullOrEmpty(name) && _headers.Contains(name!);

    /// <summary>
    /// Tells whether <see cref="TryMatchInContext"/> could find a secret in the value for some target name, so that
    /// callers resolve the name with the semantic model only when the name can change the result. False means no target name,
    /// type name or header makes the value a finding with these options.
    /// </summary>
    public bool CouldMatchInContext(string value, ScannerOptions options)
    {
        if (!IsContextCandidate(value) || ValueShape.IsKnownNonSecret(value) || ValueShape.IsPlaceholder(value))
        {
            return false;
        }

        // The random-value checks are cheap and let most secrets through, so they run before the patterns.
        if (IsRandomSecret(value, SecretNameKind.Password, options) || IsRandomSecret(value, SecretNameKind.Secret, options))
        {
            return true;
        }

        foreach (var format in _providerContextFormats)
        {
            if (TryMatch(format, value, out _))
            {
                return true;
            }
        }

        foreach (var format in _genericContextFormats)
        {
            if (TryMatch(format, value, out _))
            {
                return true;
            }
        }

        return false;
    }

    // Tests the formats whose bits are set, lowest catalog index first. Bit 0 is the format at index offset.
    private bool TryMatchEach(ulong bits, int offset, string value, out SecretFinding finding)
    {
        finding = default;
        for (var index = offset; bits != 0; index++, bits >>= 1)
        {
            if ((bits & 1) != 0 && _formatsByIndex[index] is { } format && TryMatch(format, value, out finding))
            {
                return true;
            }
        }

        return false;
    }

    // Sets a bit in low (catalog indexes 0 to 63) or high (64 to 127) for each format whose prefix occurs in the
    // value, so that finding the candidates allocates nothing. Formats past index 127 go to the returned list, which
    // is null when there are none.
    private List<KeyFormat>? FindPrefixedCandidates(string value, out ulong low, out ulong high)
    {
        low = 0;
        high = 0;
        List<KeyFormat>? beyond = null;
        var last = value.Length - 1;
        for (var i = 0; i < last; i++)
        {
            var first = value[i];
            var second = value[i + 1];
            if ((first | second) < 128)
            {
                var pair = (first << 7) | second;
                if ((_asciiHeads[pair >> 6] & (1UL << pair)) == 0)
                {
                    continue;
                }
            }

            var hints = _buckets[Bucket(first, second)];
            if (hints is null)
            {
                continue;
            }

            foreach (var hint in hints)
            {
                if (!StartsWithAt(value, i, hint.Prefix, hint.Format.IgnoreCase))
                {
                    continue;
                }

                var index = hint.Format.Index;
                if (index < 64)
                {
                    low |= 1UL << index;
                }
                else if (index < 128)
                {
                    high |= 1UL << (index - 64);
                }
                else
                {
                    beyond ??= new List<KeyFormat>();
                    if (!beyond.Contains(hint.Format))
                    {
                        beyond.Add(hint.Format);
                    }
                }
            }
        }

        return beyond;
    }

    private static bool IsRandomSecret(string value, SecretNameKind kind, ScannerOptions options)
    {
        if (value.IndexOf("://", StringComparison.Ordinal) >= 0 || value[0] == '/' || value[0] == '~' ||
            value.IndexOf('\\') >= 0)
        {
            return false;
        }

        var classes = ValueShape.CharacterClassCount(value);
        if (kind == SecretNameKind.Password)
        {
            return value.Length >= options.MinPasswordLength && classes >= 2 && HasLetterAndDigitOrSymbol(value);
        }

        return value.Length >= options.MinSecretLength && classes >= 2 && HasDigit(value) &&
            ValueShape.Entropy(value) >= options.MinEntropy;
    }

    private static bool HasDigit(string value)
    {
        foreach (var c in value)
        {
            if (c >= '0' && c <= '9')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLetterAndDigitOrSymbol(string value)
    {
        bool letter = false, other = false;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                letter = true;
            }
            else
            {
                other = true;
            }
        }

        return letter && other;
    }

    private bool NamesProvider(KeyFormat format, TargetContext target)
    {
        if (target.Kind is not (SecretNameKind.Secret or SecretNameKind.Password))
        {
            return false;
        }

        // Indexing, because foreach over an IReadOnlyList allocates an enumerator.
        var providers = format.Context!.Providers;
        for (var i = 0; i < providers.Count; i++)
        {
            if (NameWords.Contains(target.Words, providers[i]))
            {
                return true;
            }
        }

        // The target's own name wins over its type: BybitApiSecret in BinanceOptions is no Binance key.
        var words = target.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (_providerWords.Contains(words[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < providers.Count; i++)
        {
            if (NameWords.Contains(target.TypeWords, providers[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesHeader(KeyFormat format, string? name)
    {
        var headers = format.Context!.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryMatch(KeyFormat format, string value, out SecretFinding finding)
    {
        finding = default;
        // A context format's pattern is anchored to the whole value, while a prefixed format's may match anywhere in it.
        if (format.Shape is { } shape && !(format.Context is null ? shape.MayMatchWithin(value) : shape.MayMatch(value)))
        {
            return false;
        }

        Match match;
        try
        {
            match = format.Pattern.Match(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        while (match.Success)
        {
            var secret = match.Groups["secret"];
            var part = secret.Success ? secret : (Group)match;
            var text = part.Value;
            if (!ValueShape.IsPlaceholder(text) && !ValueShape.IsKnownNonSecret(text))
            {
                finding = new SecretFinding(format, part.Index, part.Length);
                return true;
            }

            try
            {
                match = match.NextMatch();
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        return false;
    }

    private static byte[] CreateAsciiClasses()
    {
        var classes = new byte[128];
        for (var c = (char)0; c < 128; c++)
        {
            classes[c] = char.IsWhiteSpace(c) ? WhiteSpaceClass
                : c is '_' or '-' or '.' or ':' or '/' ? NamePunctuationClass
                : char.IsLetter(c) ? LetterClass
                : (byte)0;
        }

        return classes;
    }

    // Marks every pair of ASCII characters that StartsWithAt would find equal to the prefix's first two, with the
    // same comparison, so that the filter turns away only pairs that cannot start the prefix.
    private void AddAsciiHead(string prefix, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (var first = (char)0; first < 128; first++)
        {
            if (string.Compare(first.ToString(), 0, prefix, 0, 1, comparison) != 0)
            {
                continue;
            }

            for (var second = (char)0; second < 128; second++)
            {
                if (string.Compare(second.ToString(), 0, prefix, 1, 1, comparison) == 0)
                {
                    var pair = (first << 7) | second;
                    _asciiHeads[pair >> 6] |= 1UL << pair;
                }
            }
        }
    }

    private static bool StartsWithAt(string value, int index, string prefix, bool ignoreCase)
    {
        return value.Length - index >= prefix.Length && string.Compare(
            value, index, prefix, 0, prefix.Length,
            ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0;
    }

    // Folds letters to one case so that one bucket serves case-sensitive and case-insensitive prefixes. The exact
    // comparison happens afterwards.
    private static int Bucket(char first, char second) => ((Fold(first) & 0x3F) << 6) | (Fold(second) & 0x3F);

    private static int Fold(char c)
    {
        if (c < 128)
        {
            return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
        }

        // OrdinalIgnoreCase compares the upper case of each character, and "ключ_" and "КЛЮЧ_" differ in their low
        // six bits, so a non-ASCII letter goes to the bucket of its upper case.
        return char.ToUpperInvariant(c);
    }

    private readonly struct PrefixHint
    {
        public PrefixHint(string prefix, KeyFormat format)
        {
            Prefix = prefix;
            Format = format;
        }

        public string Prefix { get; }

        public KeyFormat Format { get; }
    }
}
