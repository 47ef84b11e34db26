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
    public void PrefixOfFormatThatIgnoresCaseIsFoundInAnyCase(string prefix)
    {
        var scanner = Scanner("tok_", "tok_[a-z]{20}", ignoreCase: true);

        Assert.True(scanner.TryMatchFormat("see " + prefix + Tail + " here", out var finding));
        Assert.Equal(4, finding.Start);
    }

    [Fact]
    public void PrefixOfCaseSensitiveFormatIsFoundInItsCaseOnly()
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
    public void PrefixOutsideAsciiOrAfterItIsFound(string prefix, string before)
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
