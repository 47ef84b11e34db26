using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.HardcodedSecretAnalyzer>;

namespace KeyLint.Tests.Analyzers;

/// <summary>Values that look like secrets at first sight but are not leaks; none may be reported.</summary>
public class NotALeakTests
{
    [Theory]
    [InlineData("YOUR_API_KEY")]
    [InlineData("<api-key>")]
    [InlineData("xxxxxxxxxxxxxxxxxxxx")]
    [InlineData("********************")]
    [InlineData("REDACTED")]
    [InlineData("changeme")]
    [InlineData("${BINANCE_API_SECRET}")]
    [InlineData("%BINANCE_API_SECRET%")]
    [InlineData("{{ binance_api_secret }}")]
    [InlineData("#{BinanceApiSecret}#")]
    [InlineData("")]
    [InlineData("abc123")]
    [InlineData("Please enter your API secret")]
    public Task IgnoresPlaceholderAndText(string value)
    {
        return Verify.VerifyAsync("class C { string apiSecret = \"" + value + "\"; string ErrorMessage = \"" + value + "\"; }");
    }

    [Fact]
    public Task IgnoresEnvironmentAndConfigurationLookups()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            class C
            {
                string? apiSecret = Environment.GetEnvironmentVariable("BINANCE_API_SECRET");
                string Read(IDictionary<string, string> configuration) => configuration["Binance:ApiSecret"];
                const string ApiKeyVariable = "BINANCE_API_KEY_V2";
            }
            """;
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task IgnoresGuidNamedAsId()
    {
        var guid = FakeKeys.Make("{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}");
        return Verify.VerifyAsync("class C { string ClientOrderId = \"" + guid + "\"; string TokenizationId = \"" + guid +
            "\"; string InstrumentationKey = \"" + guid + "\"; string keyGuid = \"" + guid + "\"; }");
    }

    [Fact]
    public Task IgnoresOnChainAndRecordKeyNames()
    {
        var evmAddress = "0x" + FakeKeys.Make("{40:0-9a-f}");
        var solanaMint = FakeKeys.Make("{44:1-9A-HJ-NP-Za-km-z}");
        var orderKey = "BTCUSDT-" + FakeKeys.Make("{16:0-9a-f}");
        return Verify.VerifyAsync("class C { string usdtTokenAddress = \"" + evmAddress + "\"; string tokenContract = \"" +
            evmAddress + "\"; string tokenMint = \"" + solanaMint + "\"; string tokenAccount = \"" + solanaMint +
            "\"; string orderKey = \"" + orderKey + "\"; string redisKey = \"bot:orders:BTCUSDT:2024\"; }");
    }

    [Fact]
    public Task IgnoresHashesNamedAsHashes()
    {
        var hex = FakeKeys.Make("{64:0-9a-f}");
        return Verify.VerifyAsync("class C { string secretHash = \"" + hex + "\"; string tokenChecksum = \"" + hex +
            "\"; string keySha256 = \"" + hex + "\"; string scriptIntegrity = \"sha384-" + FakeKeys.Make("{64:A-Za-z0-9+/}") + "\"; }");
    }

    [Fact]
    public Task IgnoresIntegrityValueUnderSecretName()
    {
        return Verify.VerifyAsync("class C { string secret = \"sha512-" + FakeKeys.Make("{86:A-Za-z0-9+/}") + "==\"; }");
    }

    [Fact]
    public Task IgnoresDataUri()
    {
        return Verify.VerifyAsync("class C { string iconToken = \"data:image/png;base64," + FakeKeys.Make("{120:A-Za-z0-9+/}") + "\"; }");
    }

    [Fact]
    public Task IgnoresKeyboardShortcut()
    {
        return Verify.VerifyAsync("class C { string buildKey = \"ctrl+shift+b\"; string hotKey = \"ctrl+alt+F12\"; }");
    }

    [Fact]
    public Task IgnoresPemBlockWithElidedBody()
    {
        var source = "class C { string privateKey = \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\"; }";
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task IgnoresUrlsAndPathsUnderSecretNames()
    {
        return Verify.VerifyAsync("class C { string tokenEndpoint = \"https://api.example.com/oauth2/token1\"; " +
            "string keyFile = \"/etc/bot/keys/binance01.pem\"; string secretPath = \"C:\\\\keys\\\\bot2024.key\"; }");
    }
}
