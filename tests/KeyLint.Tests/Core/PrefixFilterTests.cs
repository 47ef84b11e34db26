using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;
using KeyLint.Tests.Support;
using Xunit;

namespace KeyLint.Tests.Core;

// The scanner turns away most pairs of characters before it compares prefixes. These tests check that the filter
// keeps every pair a prefix can start with: in either case for a format that ignores case, and outside ASCII.
public class PrefixFilterTests
{
    private static readonly string Tail = FakeKeys.Make("{20:a-z}");

    [Theory]
    [InlineData("tok_")]
    [InlineData("TOK_")]
    [InlineData("tOk_")]
    public void IgnoreCasePrefixMatchesAnyCase(string prefix)
    {
        var scanner = Scanner("tok_", "tok_[a-z]{20}", ignoreCase: true);

        Assert.True(scanner.TryMatchFormat("see " + prefix + Tail + " here", out var finding));
        Assert.Equal(4, finding.Start);
    }

    [Fact]
    public void CaseSensitivePrefixMatchesOwnCaseOnly()
    {
        var scanner = Scanner("Tok_", "Tok_[a-z]{20}", ignoreCase: false);

        Assert.True(scanner.TryMatchFormat("Tok_" + Tail, out _));
        Assert.False(scanner.TryMatchFormat("tok_" + Tail, out _));
        Assert.False(scanner.TryMatchFormat("TOK_" + Tail, out _));
    }

    [Theory]
    [InlineData("ключ_", "see ")]
    [InlineData("ключ_", "пароль: ")]
    [InlineData("kл_", "x ")]
    [InlineData("tok_", "пароль ")]
    public void NonAsciiPrefixOrTextIsFound(string prefix, string before)
    {
        var scanner = Scanner(prefix, prefix + "[a-z]{20}", ignoreCase: false);

        Assert.True(scanner.TryMatchFormat(before + prefix + Tail, out var finding));
        Assert.Equal(before.Length, finding.Start);
    }

    [Theory]
    [InlineData("ключ_", "КЛЮЧ_")]
    [InlineData("ключ_", "Ключ_")]
    [InlineData("КЛЮЧ_", "кЛюч_")]
    [InlineData("émoi_", "ÉMOI_")]
    [InlineData("ÉMOI_", "émoi_")]
    public void NonAsciiPrefixIsFoundInAnyCase(string prefix, string spelled)
    {
        var scanner = Scanner(prefix, prefix + "[a-z]{20}", ignoreCase: true);

        Assert.True(scanner.TryMatchFormat("see " + spelled + Tail, out var finding));
        Assert.Equal(4, finding.Start);
    }

    // ASCII letters in both cases, and ASCII punctuation that the case bit 0x20 turns into other punctuation ('@' and
    // '`'). Then non-ASCII case pairs, and letters whose case mappings are special: dotless and dotted I, long s,
    // Kelvin sign, final sigma, capital sharp s.
    private const string PrefixCharacters = "aAkKsSiIzZ_-.:/@[`~0 éÉσΣςßẞıİſ\u212A";

    [Fact]
    public void FilterAgreesWithPlainPrefixSearch()
    {
        // Random catalogs of prefixes from PrefixCharacters, each in a random case mode, against values that spell a
        // prefix in mixed case. A plain search, with no filter and no buckets, decides what must be found.
        var random = new Random(20261205);
        var mismatches = new List<string>();
        for (var round = 0; round < 500; round++)
        {
            var catalog = RandomCatalog(random);
            var scanner = new SecretScanner(catalog);
            for (var i = 0; i < 20; i++)
            {
                var prefix = catalog.Formats[random.Next(catalog.Formats.Count)].Prefixes[0];
                var value = RandomText(random, random.Next(4)) + Respell(prefix, random) + "123456789012";
                var expected = FindByPlainSearch(catalog, value);
                var actual = scanner.TryMatchFormat(value, out var finding) ? finding.Format!.Id + "@" + finding.Start : "none";
                if (expected != actual)
                {
                    var prefixes = catalog.Formats.Select(f => Escape(f.Prefixes[0]) + (f.IgnoreCase ? " (ignoreCase)" : ""));
                    mismatches.Add($"value {Escape(value)}: expected {expected}, found {actual}, prefixes {string.Join(", ", prefixes)}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private static KeyFormatCatalog RandomCatalog(Random random)
    {
        var json = new StringBuilder("{ \"formats\": [");
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var prefix = RandomText(random, random.Next(2, 5));
            json.Append(i > 0 ? ", " : " ")
                .Append("{ \"id\": \"f").Append(i).Append("\", \"name\": \"F\", \"provider\": \"P").Append(i).Append("\", ")
                .Append("\"pattern\": ").Append(JsonString(Regex.Escape(prefix) + "[0-9]{12}")).Append(", ")
                .Append("\"prefixes\": [").Append(JsonString(prefix)).Append("], ")
                .Append("\"ignoreCase\": ").Append(random.Next(2) == 0 ? "true" : "false").Append(", ")
                .Append("\"examples\": { \"match\": [\"x\"], \"noMatch\": [\"y\"] } }");
        }

        var catalog = KeyFormatCatalog.Parse(json.Append(" ] }").ToString());
        Assert.Empty(catalog.Errors);
        return catalog;
    }

    // Returns the first format in catalog order whose prefix occurs in the value and whose pattern matches, as
    // "id@start", or "none".
    private static string FindByPlainSearch(KeyFormatCatalog catalog, string value)
    {
        if (value.Length < SecretScanner.MinCandidateLength)
        {
            return "none";
        }

        foreach (var format in catalog.Formats)
        {
            var comparison = format.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var prefix = format.Prefixes[0];
            var hasPrefix = Enumerable.Range(0, value.Length - prefix.Length + 1)
                .Any(start => string.Compare(value, start, prefix, 0, prefix.Length, comparison) == 0);
            var match = format.Pattern.Match(value);
            if (hasPrefix && match.Success)
            {
                return format.Id + "@" + match.Index;
            }
        }

        return "none";
    }

    // Keeps, upper-cases, lower-cases or replaces each character at random.
    private static string Respell(string prefix, Random random)
    {
        return string.Concat(prefix.Select(c => random.Next(4) switch
        {
            0 => char.ToUpperInvariant(c),
            1 => char.ToLowerInvariant(c),
            2 => PrefixCharacters[random.Next(PrefixCharacters.Length)],
            _ => c,
        }));
    }

    private static string RandomText(Random random, int length)
    {
        return new string(Enumerable.Range(0, length).Select(_ => PrefixCharacters[random.Next(PrefixCharacters.Length)]).ToArray());
    }

    private static string JsonString(string text)
    {
        return "\"" + string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"\\u{(int)c:X4}")) + "\"";
    }

    private static string Escape(string text)
    {
        return string.Concat(text.Select(c => c > ' ' && c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));
    }

    private static SecretScanner Scanner(string prefix, string pattern, bool ignoreCase)
    {
        var json = "{ \"formats\": [ { \"id\": \"team-token\", \"name\": \"Team token\", \"provider\": \"Team\", " +
            "\"pattern\": \"" + pattern + "\", \"prefixes\": [\"" + prefix + "\"], \"ignoreCase\": " +
            (ignoreCase ? "true" : "false") + ", \"examples\": { \"match\": [\"" + prefix + "{20:a-z}\"], " +
            "\"noMatch\": [\"" + prefix + "{5:a-z}\"] } } ] }";
        var catalog = KeyFormatCatalog.Parse(json);
        Assert.Empty(catalog.Errors);
        return new SecretScanner(catalog);
    }
}
