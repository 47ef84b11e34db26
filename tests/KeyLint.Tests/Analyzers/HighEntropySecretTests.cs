using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Tests.Support;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.HardcodedSecretAnalyzer>;

namespace KeyLint.Tests.Analyzers;

public class HighEntropySecretTests
{
    // Base64-like and 30 characters long: random enough for KL0002, a shape no catalog format claims.
    private static readonly string Secret = FakeKeys.Make("{30:A-Za-z0-9+/}");

    [Theory]
    [InlineData("apiSecret")]
    [InlineData("ApiKey")]
    [InlineData("api_key")]
    [InlineData("BINANCE_API_SECRET")]
    [InlineData("authToken")]
    [InlineData("clientCredential")]
    [InlineData("signingKey")]
    public Task ReportsSecretNamedField(string name)
    {
        return Verify.VerifyAsync("class C { string " + name + " = {|KL0002:\"" + Secret + "\"|}; }");
    }

    // Each row is a secret with no run of 32 letters and digits, under a secret-named member of JSON text that is
    // bound to a secret name: a chosen password, a 30-character base64 secret and a GUID client secret. The JSON
    // around a secret must not hide it.
    [Theory]
    [InlineData("password", "{12:A-Za-z0-9!#%&*}")]
    [InlineData("apiSecret", "{30:A-Za-z0-9+/}")]
    [InlineData("clientSecret", "{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}")]
    public Task ReportsJsonWithShortSecret(string member, string template)
    {
        var json = "{\\\"user\\\":\\\"trader\\\",\\\"" + member + "\\\":\\\"" + FakeKeys.Make(template) + "\\\"}";
        return Verify.VerifyAsync("class C { const string DbCredentials = {|KL0002:\"" + json + "\"|}; }");
    }

    [Theory]
    [InlineData("keyboardLayout")]
    [InlineData("monkeyTestSeed")]
    [InlineData("PublicKeyToken")]
    [InlineData("InstrumentationKey")]
    [InlineData("passwordHint")]
    [InlineData("TokenizationId")]
    [InlineData("apiKeyName")]
    [InlineData("secretHash")]
    [InlineData("cacheKey")]
    [InlineData("orderId")]
    public Task IgnoresNameWithoutSecretWord(string name)
    {
        return Verify.VerifyAsync("class C { string " + name + " = \"" + Secret + "\"; }");
    }

    [Fact]
    public Task ReportsPasswordAtLowerLength()
    {
        return Verify.VerifyAsync("class C { string dbPassword = {|KL0002:\"Tr4d3r!x\"|}; }");
    }

    [Fact]
    public Task ReportsDictionaryEntryByKeyName()
    {
        var source = "class C { System.Collections.Generic.Dictionary<string, string> d = new() { [\"apiSecret\"] = {|KL0002:\"" +
            Secret + "\"|} }; }";
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsAnonymousObjectMember()
    {
        return Verify.VerifyAsync("class C { object o = new { apiSecret = {|KL0002:\"" + Secret + "\"|} }; }");
    }

    [Fact]
    public Task ReportsPositionalArgumentByParameterName()
    {
        var source = """
            class Credentials { public Credentials(string key, string secret) { } }
            class C { Credentials c = new Credentials("abc", {|KL0002:"SECRET"|}); }
            """.Replace("SECRET", Secret);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsRequestHeaderValue()
    {
        var source = """
            class C
            {
                void M(System.Net.Http.HttpRequestMessage request) =>
                    request.Headers.Add("X-Api-Key", {|KL0002:"SECRET"|});
            }
            """.Replace("SECRET", Secret);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsExchangeKeyByHeaderAsKnownFormat()
    {
        var source = """
            class C
            {
                void M(System.Net.Http.HttpRequestMessage request) =>
                    request.Headers.Add("X-MBX-APIKEY", {|KL0001:"SECRET"|});
            }
            """.Replace("SECRET", FakeKeys.ExchangeSecret);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsExchangeSecretBoundToSecretName()
    {
        return Verify.VerifyAsync("class C { string binanceApiSecret = {|KL0001:\"" + FakeKeys.ExchangeSecret + "\"|}; }");
    }

    [Fact]
    public Task IgnoresExchangeShapeWithoutSecretName()
    {
        return Verify.VerifyAsync("class C { string symbolList = \"" + FakeKeys.ExchangeSecret + "\"; }");
    }

    [Fact]
    public async Task VariableNameUsesProviderFromType()
    {
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(
            "class BinanceOptions { public string ApiSecret { get; set; } = \"" + FakeKeys.ExchangeSecret + "\"; }");

        Assert.Equal("BINANCE_API_SECRET", Assert.Single(diagnostics).Properties[FixProperties.VariableName]);
    }

    [Theory]
    [InlineData("class BinanceOptions { public string ApiSecret { get; set; } = VALUE; }", "Binance:ApiSecret")]
    [InlineData("class Bot { string okxApiSecret = VALUE; }", "Okx:ApiSecret")]
    [InlineData("class Bot { string secret = VALUE; }", "Secrets:Secret")]
    public async Task ConfigurationKeyHasSectionAndKey(string source, string expected)
    {
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(source.Replace("VALUE", "\"" + FakeKeys.ExchangeSecret + "\""));

        Assert.Equal(expected, Assert.Single(diagnostics).Properties[FixProperties.ConfigurationKey]);
    }

    [Fact]
    public async Task VariableNameUsesContainingTypeOfConstructorCall()
    {
        var source = """
            class ExchangeCredentials { public ExchangeCredentials(string key, string secret) { } }
            class KucoinClient { ExchangeCredentials credentials = new ExchangeCredentials("KEY", "x"); }
            """.Replace("KEY", FakeKeys.Make("{24:0-9a-f}"));
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(source);

        Assert.Equal("KUCOIN_KEY", Assert.Single(diagnostics).Properties[FixProperties.VariableName]);
    }

    [Fact]
    public async Task HeaderGivesProviderVariableName()
    {
        var source = """
            class C
            {
                void M(System.Net.Http.HttpRequestMessage request) => request.Headers.Add("X-MBX-APIKEY", "VALUE");
            }
            """.Replace("VALUE", FakeKeys.ExchangeSecret);
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(source);

        Assert.Equal("BINANCE_API_KEY", Assert.Single(diagnostics).Properties[FixProperties.VariableName]);
    }

    [Fact]
    public async Task FormatProviderWinsOverContainingType()
    {
        var uuid = "{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}";
        var keyName = FakeKeys.Make("organizations/" + uuid + "/apiKeys/" + uuid);
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync("class KrakenClient { string cdpKey = \"" + keyName + "\"; }");

        Assert.Equal("COINBASE_CDP_KEY", Assert.Single(diagnostics).Properties[FixProperties.VariableName]);
    }
}
