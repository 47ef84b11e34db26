using KeyLint.Core.Detection;
using KeyLint.Tests.Support;
using Xunit;

namespace KeyLint.Tests.Core;

public class ContextCandidateTests
{
    [Theory]
    [InlineData("BINANCE_API_SECRET")]
    [InlineData("Binance:ApiSecret")]
    [InlineData("BinanceApiSecretKey")]
    [InlineData("XMLHttpRequestHandler")]
    [InlineData("binance-api-secret")]
    [InlineData("has a space 12345")]
    [InlineData("no\u00A0break\u00A0space 12345")]
    [InlineData("em\u2003space12345")]
    [InlineData("пароль:секрет:ключ")]
    public void NameLikeValueIsNotCandidate(string value)
    {
        Assert.False(SecretScanner.IsContextCandidate(value));
    }

    [Fact]
    public void RandomLettersAreCandidate()
    {
        // About 4% of 18-character random keys have no digit; their mixed case still marks them as random.
        var key = FakeKeys.Make("{18:A-Za-z}");

        Assert.True(SecretScanner.IsContextCandidate(key));
    }

    [Theory]
    [InlineData("binance2024secret")]
    [InlineData("ключ2024секрет")]
    [InlineData("ключ€секретный")]
    [InlineData("control\u0001chars")]
    public void ValueWithDigitOrSymbolIsCandidate(string value)
    {
        Assert.True(SecretScanner.IsContextCandidate(value));
    }
}
