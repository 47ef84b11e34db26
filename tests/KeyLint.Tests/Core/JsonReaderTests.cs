using System;
using System.Linq;
using KeyLint.Core.Json;
using Xunit;

namespace KeyLint.Tests.Core;

public class JsonReaderTests
{
    private const string Settings = """
        {
          // a line comment
          "Binance": { "ApiKey": "k", /* a block comment */ "Symbols": ["BTCUSDT", "ETHUSDT",], },
          'quoted': 'single',
          bare_name: -1.5e3,
          "flags": [true, false, null]
        }
        """;

    [Fact]
    public void CommentsAndTrailingCommasAreAccepted()
    {
        Assert.True(JsonReader.TryParse(Settings, out var root, out var error, out _), error);

        var binance = root!.Get("Binance")!;
        Assert.Equal("k", binance.Get("ApiKey")!.Text);
        Assert.Equal(new[] { "BTCUSDT", "ETHUSDT" }, binance.Get("Symbols")!.Items.Select(i => i.Text));
    }

    [Fact]
    public void SingleQuotesAndBareNamesAreAccepted()
    {
        Assert.True(JsonReader.TryParse(Settings, out var root, out _, out _));

        Assert.Equal("single", root!.Get("quoted")!.Text);
        Assert.Equal(JsonKind.Number, root.Get("bare_name")!.Kind);
        Assert.Equal("-1.5e3", root.Get("bare_name")!.Text);
    }

    [Fact]
    public void LiteralsHaveTheirKinds()
    {
        Assert.True(JsonReader.TryParse(Settings, out var root, out _, out _));

        var kinds = root!.Get("flags")!.Items.Select(i => i.Kind);
        Assert.Equal(new[] { JsonKind.Boolean, JsonKind.Boolean, JsonKind.Null }, kinds);
    }

    [Fact]
    public void StringStartPointsAtTheOpeningQuote()
    {
        var text = "{ \"apiKey\" : \"value\" }";

        Assert.True(JsonReader.TryParse(text, out var root, out _, out _));

        var value = root!.Get("apiKey")!;
        Assert.Equal(text.IndexOf("\"value\"", StringComparison.Ordinal), value.Start);
        Assert.Equal("\"value\"".Length, value.Length);
    }

    [Fact]
    public void EscapesAreDecoded()
    {
        Assert.True(JsonReader.TryParse("\"a\\nb\\t\\u0041\\\\\\/\\\"\"", out var root, out var error, out _), error);

        Assert.Equal("a\nb\tA\\/\"", root!.Text);
    }

    [Fact]
    public void RepeatedNamesAreKeptInOrder()
    {
        Assert.True(JsonReader.TryParse("{\"k\": 1, \"k\": 2}", out var root, out _, out _));

        Assert.Equal(2, root!.Properties.Count);
        Assert.Equal("1", root.Get("k")!.Text);
    }

    [Fact]
    public void ByteOrderMarkIsSkipped()
    {
        Assert.True(JsonReader.TryParse("\uFEFF{\"a\": 1}", out var root, out var error, out _), error);

        Assert.Equal("1", root!.Get("a")!.Text);
    }

    [Theory]
    [InlineData("", "unexpected end of the document", 0)]
    [InlineData("{\"a\" 1}", "':' expected after a property name", 5)]
    [InlineData("{\"a\": 1 \"b\": 2}", "',' or '}' expected", 8)]
    [InlineData("[1 2]", "',' or ']' expected", 3)]
    [InlineData("{\"a\": 1", "the object is not closed", 7)]
    [InlineData("[1,", "the array is not closed", 3)]
    [InlineData("\"abc", "the string is not closed", 4)]
    [InlineData("\"ab\ncd\"", "the string is not closed before the end of the line", 3)]
    [InlineData("\"\\u12\"", "invalid \\u escape", 3)]
    [InlineData("{} x", "unexpected text after the end of the document", 3)]
    [InlineData("tru", "unexpected character 't'", 0)]
    [InlineData("@", "unexpected character '@'", 0)]
    [InlineData("/* not closed", "unexpected end of the document", 13)]
    [InlineData("{: 1}", "a property name expected", 1)]
    public void InvalidDocumentReportsErrorAndOffset(string text, string expectedError, int expectedOffset)
    {
        Assert.False(JsonReader.TryParse(text, out var root, out var error, out var offset));

        Assert.Null(root);
        Assert.Equal(expectedError, error);
        Assert.Equal(expectedOffset, offset);
    }

    [Fact]
    public void TruncatedDocumentsNeverThrow()
    {
        for (var length = 0; length <= Settings.Length; length++)
        {
            var text = Settings.Substring(0, length);

            var exception = Record.Exception(() => JsonReader.TryParse(text, out _, out _, out _));

            Assert.True(exception is null, $"Parsing the first {length} characters threw {exception?.GetType().Name}.");
        }
    }

    [Fact]
    public void RandomTextNeverThrows()
    {
        const string Alphabet = "{}[]\"',:/*\\ \n\tatrufensl0123456789-+.eE\uFEFF";
        var random = new Random(20241204);
        for (var i = 0; i < 20000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);

            var exception = Record.Exception(() => JsonReader.TryParse(text, out _, out _, out _));

            Assert.True(exception is null, $"Input #{i} threw {exception?.GetType().Name}: {exception?.Message}");
        }
    }

    [Fact]
    public void NestingUpToTheLimitIsAccepted()
    {
        var depth = JsonReader.MaxDepth + 1;
        var text = new string('[', depth) + new string(']', depth);

        Assert.True(JsonReader.TryParse(text, out _, out var error, out _), error);
    }

    [Theory]
    [InlineData(JsonReader.MaxDepth + 2)]
    [InlineData(100_000)]
    public void NestingBeyondTheLimitIsRejected(int depth)
    {
        var text = new string('[', depth) + new string(']', depth);

        Assert.False(JsonReader.TryParse(text, out var root, out var error, out _));

        Assert.Null(root);
        Assert.Equal($"nesting is deeper than {JsonReader.MaxDepth} levels", error);
    }

    [Fact]
    public void DeepObjectsAreRejectedToo()
    {
        var depth = 10_000;
        var text = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

        Assert.False(JsonReader.TryParse(text, out _, out var error, out _));

        Assert.Equal($"nesting is deeper than {JsonReader.MaxDepth} levels", error);
    }
}
