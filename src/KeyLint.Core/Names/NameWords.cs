using System;
using System.Collections.Generic;

namespace KeyLint.Core.Names;

/// <summary>
/// Splits identifiers and config keys into lower-case words: <c>binanceApiSecret</c>, <c>BINANCE_API_SECRET</c>,
/// <c>Binance:ApiSecret</c> and <c>binance-api-secret</c> all give binance, api, secret. An upper-case run followed
/// by a lower-case letter ends one letter early, so <c>APIKey</c> gives api, key.
/// </summary>
public static class NameWords
{
    public static List<string> Split(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i < name!.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(name, ref start, i, words);
                continue;
            }

            if (start >= 0 && StartsNewWord(name, i))
            {
                Flush(name, ref start, i, words);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(name, ref start, name.Length, words);
        return words;
    }

    /// <summary>
    /// Tells whether <paramref name="words"/> contains <paramref name="word"/> as one word or as two or three
    /// neighbouring words written together, so that <c>apikey</c> is found in both <c>apikey</c> and <c>api_key</c>.
    /// </summary>
    public static bool Contains(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return true;
            }

            if (!word.StartsWith(words[i], StringComparison.Ordinal))
            {
                continue;
            }

            var joined = words[i];
            for (var j = i + 1; j < words.Count && j < i + 3 && joined.Length < word.Length; j++)
            {
                joined += words[j];
                if (joined == word)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsNewWord(string name, int i)
    {
        var previous = name[i - 1];
        var current = name[i];
        if (char.IsDigit(current) != char.IsDigit(previous))
        {
            return true;
        }

        if (char.IsUpper(current) && char.IsLower(previous))
        {
            return true;
        }

        // The last capital of an acronym starts the next word ("APIKey" splits before "Key"), unless only a plural
        // "s" follows it ("allowedIPs" keeps "IPs").
        if (!char.IsUpper(current) || !char.IsUpper(previous) || i + 1 >= name.Length || !char.IsLower(name[i + 1]))
        {
            return false;
        }

        var pluralOnly = name[i + 1] == 's' && (i + 2 == name.Length || !char.IsLower(name[i + 2]));
        return !pluralOnly;
    }

    private static void Flush(string name, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(name.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
