using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;
using Xunit;

namespace KeyLint.Tests.Core;

/// <summary>
/// Runs every example of every built-in format through the scanner. Examples are expanded the way the catalog
/// documents: one random source per format, seeded from its id, drawn first for the match examples and then for the
/// noMatch examples, in catalog order. Failure messages show the template, never the expanded value.
/// </summary>
public class BuiltInCatalogTests
{
    private static readonly KeyFormatCatalog Catalog = KeyFormatCatalog.BuiltIn;

    private static readonly SecretScanner Scanner = new(Catalog);

    public static TheoryData<string> FormatIds()
    {
        var data = new TheoryData<string>();
        foreach (var format in Catalog.Formats)
        {
            data.Add(format.Id);
        }

        return data;
    }

    [Fact]
    public void CatalogLoadsWithoutErrors()
    {
        var count = Catalog.Formats.Count;

        Assert.Empty(Catalog.Errors);
        Assert.True(count >= 45, $"The catalog has {count} formats, expected 45 or more.");
    }

    [Fact]
    public void EveryFormatHasSeveralExamples()
    {
        foreach (var format in Catalog.Formats)
        {
            var matches = format.MatchExamples.Count;
            var noMatches = format.NoMatchExamples.Count;

            Assert.True(matches >= 3, $"'{format.Id}' has {matches} match examples, expected 3 or more.");
            Assert.True(noMatches >= 3, $"'{format.Id}' has {noMatches} noMatch examples, expected 3 or more.");
        }
    }

    [Fact]
    public void ContextExamplesNameTheirTarget()
    {
        foreach (var format in Catalog.Formats.Where(f => f.Context is not null))
        {
            foreach (var example in format.MatchExamples.Concat(format.NoMatchExamples))
            {
                Assert.True(example.Target is not null, $"'{format.Id}': example '{example.Template}' has no target.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FormatIds))]
    public void MatchExamplesAreFoundAsTheirFormat(string id)
    {
        var format = Catalog.Formats.Single(f => f.Id == id);
        var values = ExpandExamples(format);
        for (var i = 0; i < format.MatchExamples.Count; i++)
        {
            var example = format.MatchExamples[i];
            var value = values.Match[i];
            var found = Find(format, example, value, out var finding);
            var where = $"'{id}' match example #{i + 1} ({example.Template})";

            Assert.True(found, $"{where}: no secret found.");
            Assert.True(finding.Format?.Id == id, $"{where}: found as '{finding.Format?.Id ?? "(no format)"}'.");
            Assert.True(
                finding.Start >= 0 && finding.Length > 0 && finding.Start + finding.Length <= value.Length,
                $"{where}: the finding span {finding.Start}+{finding.Length} lies outside the value.");
        }
    }

    [Theory]
    [MemberData(nameof(FormatIds))]
    public void NoMatchExamplesAreNotFoundAsTheirFormat(string id)
    {
        var format = Catalog.Formats.Single(f => f.Id == id);
        var values = ExpandExamples(format);
        for (var i = 0; i < format.NoMatchExamples.Count; i++)
        {
            var example = format.NoMatchExamples[i];
            var found = Find(format, example, values.NoMatch[i], out var finding);

            Assert.False(
                found && finding.Format?.Id == id,
                $"'{id}' noMatch example #{i + 1} ({example.Template}): found as this format, " +
                $"{Redaction.Describe(values.NoMatch[i], finding.Start, finding.Length)}.");
        }
    }

    [Theory]
    [MemberData(nameof(FormatIds))]
    public void PatternFinishesOnLongHostileInput(string id)
    {
        var format = Catalog.Formats.Single(f => f.Id == id);
        var input = HostileInput(format);

        // A pattern that backtracks badly would pass the 250 ms match timeout on 64 KB and throw here.
        var exception = Record.Exception(() => format.Pattern.Matches(input).Count);

        Assert.Null(exception);
    }

    [Fact]
    public void EarlierFormatWinsWhereverItsPrefixSits()
    {
        // The Coinbase CDP key file names the key (a later format) before its private key (an earlier one).
        var format = Catalog.Formats.Single(f => f.Id == "coinbase-cdp-private-key");
        var keyFile = ExpandExamples(format).Match[2];

        Assert.True(Scanner.TryMatchFormat(keyFile, out var finding));
        Assert.Equal("coinbase-cdp-private-key", finding.Format?.Id);
    }

    [Fact]
    public void ProviderWordsIncludeExchanges()
    {
        var exchanges = new[] { "binance", "okx", "okex", "kucoin", "kraken", "bybit", "bitget", "bitfinex" };
        foreach (var word in exchanges)
        {
            Assert.True(Scanner.IsProviderWord(word), $"'{word}' is not a provider word.");
        }
    }

    [Theory]
    [InlineData("X-MBX-APIKEY")]
    [InlineData("x-mbx-apikey")]
    [InlineData("OK-ACCESS-KEY")]
    [InlineData("KC-API-KEY")]
    [InlineData("CB-ACCESS-KEY")]
    public void ExchangeHeadersAreKnown(string header)
    {
        Assert.True(Scanner.IsKnownHeader(header));
    }

    [Fact]
    public void UuidIsSecretOnlyUnderSecretName()
    {
        var uuid = ExampleTemplate.Expand(
            "{8:0-9a-f}-{4:0-9a-f}-4{3:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}", ExampleTemplate.CreateRandom("uuid"));

        Assert.True(Scanner.TryMatchInContext(uuid, new TargetContext("apiSecret", null), out var finding));
        Assert.Equal("uuid-api-secret", finding.Format?.Id);
        Assert.False(Scanner.TryMatchInContext(uuid, new TargetContext("TokenizationId", null), out _));
    }

    [Fact]
    public void ProviderComesFromTypeName()
    {
        var secret = ExampleTemplate.Expand("{24:0-9a-f}", ExampleTemplate.CreateRandom("kucoin"));

        Assert.True(Scanner.TryMatchInContext(secret, new TargetContext("ApiKey", "KucoinOptions"), out var finding));
        Assert.Equal("kucoin-api-key", finding.Format?.Id);
    }

    private static bool Find(KeyFormat format, FormatExample example, string value, out SecretFinding finding)
    {
        if (format.Context is null)
        {
            return Scanner.TryMatchFormat(value, out finding);
        }

        return Scanner.TryMatchInContext(value, new TargetContext(example.Target, null), out finding);
    }

    private static (IReadOnlyList<string> Match, IReadOnlyList<string> NoMatch) ExpandExamples(KeyFormat format)
    {
        var random = ExampleTemplate.CreateRandom(format.Id);
        var match = format.MatchExamples.Select(e => ExampleTemplate.Expand(e.Template, random)).ToList();
        var noMatch = format.NoMatchExamples.Select(e => ExampleTemplate.Expand(e.Template, random)).ToList();
        return (match, noMatch);
    }

    // Prefixes and near-miss runs over and over: the input that makes a backtracking pattern retry the most.
    private static string HostileInput(KeyFormat format)
    {
        var random = new Random(1);
        var pieces = format.Prefixes.Count > 0 ? format.Prefixes.ToArray() : new[] { string.Empty };
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.:;@\\n";
        var builder = new StringBuilder();
        while (builder.Length < 65536)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
            var run = random.Next(1, 200);
            for (var i = 0; i < run; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return format.Context is null ? builder.ToString() : Regex.Replace(builder.ToString(), "[^A-Za-z0-9]", "a");
    }
}
