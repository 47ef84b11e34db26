using KeyLint.Core.Names;
using Xunit;

namespace KeyLint.Tests.Core;

public class NameWordsTests
{
    [Theory]
    [InlineData("binanceApiSecret", "binance api secret")]
    [InlineData("BINANCE_API_SECRET", "binance api secret")]
    [InlineData("Binance:ApiSecret", "binance api secret")]
    [InlineData("binance-api-secret", "binance api secret")]
    [InlineData("Binance__ApiSecret", "binance api secret")]
    [InlineData("APIKey", "api key")]
    [InlineData("OKXApiKey", "okx api key")]
    [InlineData("X-MBX-APIKEY", "x mbx apikey")]
    [InlineData("x-mbx-apikey", "x mbx apikey")]
    [InlineData("KuCoinApiKey", "ku coin api key")]
    [InlineData("apiKey2", "api key 2")]
    [InlineData("keyboardLayout", "keyboard layout")]
    public void SplitReturnsLowerCaseWords(string name, string expected)
    {
        Assert.Equal(expected.Split(' '), NameWords.Split(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("___")]
    [InlineData(":-.")]
    public void SplitOfNoWordsIsEmpty(string? name)
    {
        Assert.Empty(NameWords.Split(name));
    }

    [Theory]
    [InlineData("apiKey", "apikey")]
    [InlineData("API_KEY", "apikey")]
    [InlineData("apikey", "apikey")]
    [InlineData("KuCoinApiKey", "kucoin")]
    [InlineData("OKEx", "okex")]
    [InlineData("ByBit", "bybit")]
    [InlineData("binanceApiSecret", "binance")]
    public void ContainsFindsWordsWrittenApartOrTogether(string name, string word)
    {
        Assert.True(NameWords.Contains(NameWords.Split(name), word));
    }

    [Theory]
    [InlineData("keyboardLayout", "key")]
    [InlineData("monkeyTestSeed", "key")]
    [InlineData("apiKeyName", "keyname2")]
    [InlineData("api", "apikey")]
    [InlineData("secretary", "secret")]
    public void ContainsIgnoresLettersInsideWords(string name, string word)
    {
        Assert.False(NameWords.Contains(NameWords.Split(name), word));
    }
}
