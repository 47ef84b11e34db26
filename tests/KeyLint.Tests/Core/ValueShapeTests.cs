using System;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;
using Xunit;

namespace KeyLint.Tests.Core;

public class ValueShapeTests
{
    [Theory]
    [InlineData("YOUR_API_KEY")]
    [InlineData("your-api-secret")]
    [InlineData("<api-key>")]
    [InlineData("<YOUR BINANCE SECRET>")]
    [InlineData("xxxx")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX")]
    [InlineData("****")]
    [InlineData("sk_live_****************")]
    [InlineData("REDACTED")]
    [InlineData("[redacted]")]
    [InlineData("changeme")]
    [InlineData("CHANGE_ME")]
    [InlineData("${VAR}")]
    [InlineData("${BINANCE_API_SECRET}")]
    [InlineData("%VAR%")]
    [InlineData("{{ var }}")]
    [InlineData("{{binance_api_secret}}")]
    [InlineData("#{VAR}#")]
    [InlineData("$(ApiKey)")]
    [InlineData("__API_KEY__")]
    [InlineData("sk-proj-...")]
    [InlineData("AKIA\u2026")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("replace_with_your_key")]
    [InlineData("dummy-secret-value")]
    [InlineData("")]
    [InlineData("   ")]
    public void PlaceholdersAreRecognized(string value)
    {
        Assert.True(ValueShape.IsPlaceholder(value));
    }

    [Theory]
    [InlineData("{64:A-Za-z0-9}")]
    [InlineData("{40:A-Za-z0-9/+}")]
    [InlineData("AKIA{16:A-Z2-7}")]
    [InlineData("{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}")]
    [InlineData("AIza{20:A-Za-z0-9}__{15:A-Za-z0-9}")]
    [InlineData("{10:A-Za-z0-9}XxXx{10:A-Za-z0-9}")]
    [InlineData("${{40:A-Za-z0-9}}")]
    [InlineData("__{40:A-Za-z0-9}__")]
    public void RandomValuesAreNotPlaceholders(string template)
    {
        var value = ExampleTemplate.Expand(template, ExampleTemplate.CreateRandom(template));

        Assert.False(ValueShape.IsPlaceholder(value), $"The expansion of '{template}' counts as a placeholder.");
    }

    [Theory]
    [InlineData("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")]
    [InlineData("sha512-abc")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("DATA:text/plain,hello")]
    [InlineData("ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]")]
    [InlineData("ENC(abcdef)")]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256")]
    public void KnownNonSecretsAreRecognized(string value)
    {
        Assert.True(ValueShape.IsKnownNonSecret(value));
    }

    [Theory]
    [InlineData("sk_live_abc")]
    [InlineData("enc[lowercase]")]
    [InlineData("sha1-abc")]
    public void OtherValuesAreNotKnownNonSecrets(string value)
    {
        Assert.False(ValueShape.IsKnownNonSecret(value));
    }

    [Theory]
    [InlineData("", 0.0)]
    [InlineData("aaaa", 0.0)]
    [InlineData("abab", 1.0)]
    [InlineData("abcd", 2.0)]
    [InlineData("0123456789abcdef", 4.0)]
    public void EntropyIsInBitsPerCharacter(string value, double expected)
    {
        Assert.Equal(expected, ValueShape.Entropy(value), 6);
    }

    [Fact]
    public void EntropyCountsNonAsciiCharactersTogether()
    {
        Assert.Equal(0.0, ValueShape.Entropy("\u00e9\u00e8\u00ea\u00eb"), 6);
    }

    [Theory]
    [InlineData("abc", 1)]
    [InlineData("aB", 2)]
    [InlineData("aB3", 3)]
    [InlineData("aB3+", 4)]
    [InlineData("\u00e9", 1)]
    public void CharacterClassCountCountsKinds(string value, int expected)
    {
        Assert.Equal(expected, ValueShape.CharacterClassCount(value));
    }

    [Theory]
    [InlineData("a b", true)]
    [InlineData("a\tb", true)]
    [InlineData("a\nb", true)]
    [InlineData("a\u00a0b", true)]
    [InlineData("ab", false)]
    public void ContainsWhiteSpaceFindsAnySpace(string value, bool expected)
    {
        Assert.Equal(expected, ValueShape.ContainsWhiteSpace(value));
    }

    [Fact]
    public void IsPlaceholderAcceptsHugeValues()
    {
        var value = new string('a', 1_000_000);

        Assert.False(ValueShape.IsPlaceholder(value));
        Assert.False(ValueShape.IsKnownNonSecret(value));
        Assert.Equal(0.0, ValueShape.Entropy(value), 6);
    }

    [Fact]
    public void PlaceholderCheckTrimsTheValue()
    {
        Assert.True(ValueShape.IsPlaceholder("  <api-key>  "));
        Assert.True(ValueShape.IsPlaceholder("\t%VAR%\n"));
        Assert.False(ValueShape.IsPlaceholder(Environment.NewLine + "<a>b"));
    }
}
