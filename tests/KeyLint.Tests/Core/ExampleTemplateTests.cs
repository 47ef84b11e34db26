using System;
using KeyLint.Core.Formats;
using Xunit;

namespace KeyLint.Tests.Core;

public class ExampleTemplateTests
{
    [Fact]
    public void SameSeedGivesSameValue()
    {
        var first = ExampleTemplate.Expand("AKIA{16:A-Z2-7}", ExampleTemplate.CreateRandom("aws-access-key-id"));
        var second = ExampleTemplate.Expand("AKIA{16:A-Z2-7}", ExampleTemplate.CreateRandom("aws-access-key-id"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void ExpansionDrawsFromTheClass()
    {
        var value = ExampleTemplate.Expand("AKIA{16:A-Z2-7}", ExampleTemplate.CreateRandom("class"));

        Assert.Matches("^AKIA[A-Z2-7]{16}$", value);
    }

    [Fact]
    public void RangeOfLengthsIsRespected()
    {
        var random = ExampleTemplate.CreateRandom("lengths");
        for (var i = 0; i < 200; i++)
        {
            Assert.Matches("^x[a-c_-]{3,6}y$", ExampleTemplate.Expand("x{3-6:a-c_-}y", random));
        }
    }

    [Fact]
    public void EscapedCharactersAreLiteral()
    {
        var value = ExampleTemplate.Expand("{50:\\-\\\\}", ExampleTemplate.CreateRandom("escapes"));

        Assert.Matches("^[-\\\\]{50}$", value);
    }

    [Theory]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("{{ var }}")]
    [InlineData("organizations/{org_id}/apiKeys/{key_id}")]
    public void TextWithoutPlaceholdersIsUnchanged(string template)
    {
        Assert.Equal(template, ExampleTemplate.Expand(template, new Random(1)));
    }

    [Theory]
    [InlineData("{5-2:a-z}")]
    [InlineData("{4:z-a}")]
    public void ReversedRangeThrows(string template)
    {
        Assert.Throws<FormatException>(() => ExampleTemplate.Expand(template, new Random(1)));
    }
}
