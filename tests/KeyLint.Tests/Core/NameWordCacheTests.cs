using System;
using System.Collections.Generic;
using System.Linq;
using KeyLint.Core.Detection;
using KeyLint.Core.Names;
using Xunit;

namespace KeyLint.Tests.Core;

// The analyzer splits a target's name through NameWordCache instead of NameWords.Split. The cache must give the same
// words for every name, keep the words of each name, and allocate nothing for a name it has seen.
public class NameWordCacheTests
{
    [Fact]
    public void GivesTheWordsOfSplit()
    {
        var cache = new NameWordCache();
        foreach (var name in RandomNames(20261205, 5_000))
        {
            var expected = NameWords.Split(name);

            Assert.True(expected.SequenceEqual(cache.Get(name)), $"First lookup of \"{name}\" differs from Split.");
            Assert.True(expected.SequenceEqual(cache.Get(name)), $"Second lookup of \"{name}\" differs from Split.");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void GivesNoWordsForNoName(string? name)
    {
        Assert.Empty(new NameWordCache().Get(name));
    }

    [Fact]
    public void KeepsTheWordsOfEachName()
    {
        var cache = new NameWordCache();
        var first = cache.Get("binanceApiSecret");

        Assert.Same(first, cache.Get("binanceApiSecret"));
        Assert.Same(first, cache.Get(new string("binanceApiSecret".ToCharArray())));
    }

    [Fact]
    public void SeenNameAllocatesNothing()
    {
        var cache = new NameWordCache();
        var names = new[] { "CacheKeyFormat", "ApiSecret", "OrderService BinanceClient", "X-MBX-APIKEY" };
        foreach (var name in names)
        {
            cache.Get(name);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            cache.Get(names[i % names.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void StopsKeepingNamesPastItsLimit()
    {
        var cache = new NameWordCache();
        for (var i = 0; i < NameWordCache.MaxEntries; i++)
        {
            cache.Get("kept" + i);
        }

        var late = cache.Get("lateApiKey");

        Assert.Equal(new[] { "late", "api", "key" }, late);
        Assert.NotSame(late, cache.Get("lateApiKey"));
        Assert.Same(cache.Get("kept7"), cache.Get("kept7"));
    }

    [Fact]
    public void ContextFromCacheMatchesContextFromSplit()
    {
        var cache = new NameWordCache();
        var options = ScannerOptions.Default;
        var names = RandomNames(7, 2_000).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var typeName = names[(i * 7) % names.Length];
            var split = new TargetContext(name, typeName, options);
            var cached = new TargetContext(name, typeName, options, cache);

            Assert.True(split.Words.SequenceEqual(cached.Words), $"Words of \"{name}\" differ.");
            Assert.True(split.TypeWords.SequenceEqual(cached.TypeWords), $"Type words of \"{typeName}\" differ.");
            Assert.True(split.Kind == cached.Kind, $"Kind of \"{name}\" differs: {split.Kind} against {cached.Kind}.");
        }
    }

    [Fact]
    public void ClassifyingWordsAllocatesNothing()
    {
        var words = new[] { "binance", "api", "pass", "phrase" };
        SecretNames.Classify(words);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var kind = SecretNames.Classify(words);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(SecretNameKind.Password, kind);
    }

    // Names built from secret words, record-key qualifiers and filler in camel, Pascal, snake, kebab, dotted and
    // upper case, with digits, acronyms and non-ASCII letters.
    private static IEnumerable<string> RandomNames(int seed, int count)
    {
        var random = new Random(seed);
        var pieces = new[]
        {
            "api", "key", "secret", "pass", "phrase", "password", "token", "cache", "order", "binance", "kucoin", "API",
            "IPs", "url", "id", "2", "v3", "é", "Ärger", "x", "HMAC", "client", "Options",
        };
        var separators = new[] { "", "", "_", "-", ".", ":", " " };
        for (var n = 0; n < count; n++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
            {
                var piece = pieces[random.Next(pieces.Length)];
                return random.Next(3) switch
                {
                    0 => piece.ToUpperInvariant(),
                    1 => char.ToUpperInvariant(piece[0]) + piece.Substring(1),
                    _ => piece,
                };
            });
            yield return string.Join(separators[random.Next(separators.Length)], parts);
        }
    }
}
