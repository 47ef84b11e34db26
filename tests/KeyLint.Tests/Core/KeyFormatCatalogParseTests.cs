using System.Text.RegularExpressions;
using KeyLint.Core.Formats;
using Xunit;

namespace KeyLint.Tests.Core;

public class KeyFormatCatalogParseTests
{
    private const string Examples = """
        "examples": { "match": ["tok_{20:a-z}"], "noMatch": ["tok_{5:a-z}"] }
        """;

    [Fact]
    public void ValidEntryIsRead()
    {
        var hints = "\"prefixes\": [\"tok_\"], \"variable\": \"TEAM_TOKEN\"";

        var catalog = KeyFormatCatalog.Parse(Catalog(Entry("team-token", hints)));

        Assert.Empty(catalog.Errors);
        var format = Assert.Single(catalog.Formats);
        Assert.Equal("team-token", format.Id);
        Assert.Equal("Team token", format.Name);
        Assert.Equal("Team", format.Provider);
        Assert.Equal(new[] { "tok_" }, format.Prefixes);
        Assert.Equal("TEAM_TOKEN", format.Variable);
        Assert.Null(format.Context);
        Assert.Equal("tok_{20:a-z}", Assert.Single(format.MatchExamples).Template);
        Assert.Equal("tok_{5:a-z}", Assert.Single(format.NoMatchExamples).Template);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAccepted()
    {
        var entry = Entry("team-token", "\"prefixes\": [\"tok_\"] /* the prefilter */");
        var json = "{ // user formats\n \"formats\": [" + entry + ",], }";

        var catalog = KeyFormatCatalog.Parse(json);

        Assert.Empty(catalog.Errors);
        Assert.Single(catalog.Formats);
    }

    [Fact]
    public void InvalidJsonIsAnError()
    {
        var catalog = KeyFormatCatalog.Parse("{ \"formats\": [ }");

        Assert.Empty(catalog.Formats);
        var error = Assert.Single(catalog.Errors).Message;
        Assert.StartsWith("The catalog is not valid JSON at offset 15:", error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"formats\": {} }")]
    [InlineData("[]")]
    public void MissingFormatsArrayIsAnError(string json)
    {
        var catalog = KeyFormatCatalog.Parse(json);

        Assert.Empty(catalog.Formats);
        Assert.Equal("The catalog has no \"formats\" array.", Assert.Single(catalog.Errors).Message);
    }

    [Fact]
    public void InvalidRegexIsAnError()
    {
        var json = Catalog(Entry("team-token", "\"prefixes\": [\"tok_\"]", pattern: "tok_[a-z"));

        var catalog = KeyFormatCatalog.Parse(json);

        Assert.Empty(catalog.Formats);
        Assert.StartsWith("Format #1: 'team-token' has an invalid pattern:", Assert.Single(catalog.Errors).Message);
    }

    [Fact]
    public void UnbalancedContextPatternIsAnError()
    {
        // Wrapped in ^(?:...)$, this pattern would match any value that starts with a token, so the anchors would no
        // longer hold and the pattern shape would turn away values that the pattern matches.
        var context = "\"context\": { \"providers\": [\"acme\"] }";
        var json = Catalog(Entry("team-token", context, pattern: "tok_[a-z]{20})|(x"));

        var catalog = KeyFormatCatalog.Parse(json);

        Assert.Empty(catalog.Formats);
        Assert.StartsWith("Format #1: 'team-token' has an invalid pattern:", Assert.Single(catalog.Errors).Message);
    }

    [Theory]
    [InlineData("\"examples\": { \"match\": [\"tok_{20:a-z}\"] }")]
    [InlineData("\"examples\": { \"noMatch\": [\"tok_{5:a-z}\"] }")]
    [InlineData("\"examples\": { \"match\": [], \"noMatch\": [] }")]
    [InlineData("\"examples\": { \"match\": [42], \"noMatch\": [{ \"target\": \"apiKey\" }] }")]
    [InlineData("\"other\": 1")]
    public void MissingExamplesAreAnError(string examples)
    {
        var json = Catalog(Entry("team-token", "\"prefixes\": [\"tok_\"]", examples: examples));

        var catalog = KeyFormatCatalog.Parse(json);

        Assert.Empty(catalog.Formats);
        Assert.Equal(
            "Format #1: 'team-token' needs at least one example that matches and one that does not.",
            Assert.Single(catalog.Errors).Message);
    }

    [Theory]
    [InlineData("\"prefixes\": []")]
    [InlineData("\"prefixes\": [\"\"]")]
    [InlineData("\"ignoreCase\": true")]
    public void NoPrefixesNorContextIsAnError(string hints)
    {
        var catalog = KeyFormatCatalog.Parse(Catalog(Entry("team-token", hints)));

        Assert.Empty(catalog.Formats);
        Assert.Equal(
            "Format #1: 'team-token' needs either prefixes or a context: without them every string would be tested.",
            Assert.Single(catalog.Errors).Message);
    }

    [Fact]
    public void OneCharacterPrefixIsAnError()
    {
        var catalog = KeyFormatCatalog.Parse(Catalog(Entry("team-token", "\"prefixes\": [\"tok_\", \"t\"]")));

        Assert.Empty(catalog.Formats);
        Assert.Equal(
            "Format #1: 'team-token' has the prefix 't', but prefixes need at least 2 characters.",
            Assert.Single(catalog.Errors).Message);
    }

    [Theory]
    [InlineData("{ \"name\": \"n\", \"provider\": \"p\", \"pattern\": \"x\" }", "'(no id)'")]
    [InlineData("{ \"id\": \"a\", \"provider\": \"p\", \"pattern\": \"x\" }", "'a'")]
    [InlineData("{ \"id\": \"a\", \"name\": \"n\", \"pattern\": \"x\" }", "'a'")]
    [InlineData("{ \"id\": \"a\", \"name\": \"n\", \"provider\": \"p\" }", "'a'")]
    [InlineData("{ \"id\": \"a\", \"name\": \"\", \"provider\": \"p\", \"pattern\": \"x\" }", "'a'")]
    [InlineData("{ \"id\": 7, \"name\": \"n\", \"provider\": \"p\", \"pattern\": \"x\" }", "'(no id)'")]
    public void MissingStringPropertyIsAnError(string entry, string named)
    {
        var catalog = KeyFormatCatalog.Parse(Catalog(entry));

        Assert.Empty(catalog.Formats);
        Assert.Equal(
            $"Format #1: {named} needs the string properties id, name, provider and pattern.",
            Assert.Single(catalog.Errors).Message);
    }

    [Theory]
    [InlineData("\"not an object\"")]
    [InlineData("[]")]
    [InlineData("null")]
    public void EntryThatIsNotAnObjectIsAnError(string entry)
    {
        var catalog = KeyFormatCatalog.Parse(Catalog(entry));

        Assert.Equal("Format #1: an entry must be an object.", Assert.Single(catalog.Errors).Message);
    }

    [Fact]
    public void RepeatedIdKeepsTheFirstEntry()
    {
        var first = Entry("team-token", "\"prefixes\": [\"tok_\"]");
        var second = Entry("team-token", "\"prefixes\": [\"tk_\"]");

        var catalog = KeyFormatCatalog.Parse(Catalog(first + ", " + second));

        Assert.Equal(new[] { "tok_" }, Assert.Single(catalog.Formats).Prefixes);
        Assert.Equal("Format 'team-token': the id is used by an earlier entry.", Assert.Single(catalog.Errors).Message);
    }

    [Fact]
    public void InvalidEntryLeavesTheOthersInPlace()
    {
        var json = Catalog(string.Join(", ",
            Entry("first", "\"prefixes\": [\"tok_\"]"),
            Entry("broken", "\"prefixes\": [\"tok_\"]", pattern: "("),
            Entry("third", "\"prefixes\": [\"tok_\"]")));

        var catalog = KeyFormatCatalog.Parse(json);

        Assert.Equal(2, catalog.Formats.Count);
        Assert.Equal("first", catalog.Formats[0].Id);
        Assert.Equal(0, catalog.Formats[0].Index);
        Assert.Equal("third", catalog.Formats[1].Id);
        Assert.Equal(1, catalog.Formats[1].Index);
        Assert.StartsWith("Format #2: 'broken' has an invalid pattern:", Assert.Single(catalog.Errors).Message);
    }

    [Fact]
    public void ContextPatternIsAnchoredToTheWholeValue()
    {
        var context = "\"context\": { \"providers\": [\"Acme\"], \"headers\": [\"X-Acme-Key\"] }";

        var catalog = KeyFormatCatalog.Parse(Catalog(Entry("acme-key", context, pattern: "[a-z]{4}")));
        var format = Assert.Single(catalog.Formats);

        Assert.Matches(format.Pattern, "abcd");
        Assert.DoesNotMatch(format.Pattern, "abcde");
        Assert.DoesNotMatch(format.Pattern, "xabcd");
        Assert.Equal(new[] { "acme" }, format.Context!.Providers);
        Assert.Equal(new[] { "X-Acme-Key" }, format.Context.Headers);
    }

    [Fact]
    public void PrefixedPatternIsSearchedAnywhere()
    {
        var catalog = KeyFormatCatalog.Parse(Catalog(Entry("team-token", "\"prefixes\": [\"tok_\"]")));
        var format = Assert.Single(catalog.Formats);

        Assert.Matches(format.Pattern, "token = tok_abcdefghijklmnopqrst;");
    }

    [Fact]
    public void IgnoreCaseSetsTheRegexOption()
    {
        var hints = "\"prefixes\": [\"tok_\"], \"ignoreCase\": true";

        var catalog = KeyFormatCatalog.Parse(Catalog(Entry("team-token", hints)));
        var format = Assert.Single(catalog.Formats);

        Assert.True(format.IgnoreCase);
        Assert.True(format.Pattern.Options.HasFlag(RegexOptions.IgnoreCase));
        Assert.Matches(format.Pattern, "TOK_ABCDEFGHIJKLMNOPQRST");
    }

    [Fact]
    public void ExampleTargetIsRead()
    {
        var examples = "\"examples\": { \"match\": [{ \"value\": \"{24:0-9a-f}\", \"target\": \"acmeApiKey\" }], " +
            "\"noMatch\": [{ \"value\": \"{23:0-9a-f}\" }] }";
        var context = "\"context\": { \"providers\": [\"acme\"] }";

        var catalog = KeyFormatCatalog.Parse(Catalog(Entry("acme-key", context, examples: examples)));
        var format = Assert.Single(catalog.Formats);

        Assert.Equal("acmeApiKey", Assert.Single(format.MatchExamples).Target);
        Assert.Null(Assert.Single(format.NoMatchExamples).Target);
        Assert.Empty(format.Context!.Headers);
    }

    private static string Catalog(string entries) => "{ \"formats\": [" + entries + "] }";

    private static string Entry(string id, string hints, string pattern = "tok_[a-z]{20}", string examples = Examples)
    {
        return "{ \"id\": \"" + id + "\", \"name\": \"Team token\", \"provider\": \"Team\", \"pattern\": \"" + pattern +
            "\", " + hints + ", " + examples + " }";
    }
}
