using System.Collections.Generic;
using KeyLint.Core.Detection;
using KeyLint.Tests.Support;
using Xunit;

namespace KeyLint.Tests.Core;

public class ContextGateTests
{
    // Secret, password, header, provider and generic names: every way a name can make a value a finding.
    private static readonly (string Name, string? TypeName)[] Targets =
    {
        ("apiSecret", null),
        ("dbPassword", null),
        ("passphrase", null),
        ("X-MBX-APIKEY", null),
        ("KC-API-KEY", null),
        ("apiKey", "OkxCredentials"),
        ("secret", "KucoinClient"),
        ("apiSecret", "KrakenOptions"),
        ("privateKey", "Wallet"),
        ("authToken", "BybitClient"),
    };

    public static IEnumerable<object[]> Secrets()
    {
        yield return new object[] { FakeKeys.ExchangeSecret };
        yield return new object[] { FakeKeys.RandomHex };
        yield return new object[] { FakeKeys.Make("{30:A-Za-z0-9+/}") };
        yield return new object[] { FakeKeys.Make("{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}") };
        yield return new object[] { FakeKeys.Make("{18:A-Za-z}") };
        yield return new object[] { "Tr4d3r!x" };
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void AcceptedSecretIsStillReported(string value)
    {
        var scanner = SecretScanner.Default;

        Assert.True(scanner.CouldMatchInContext(value, ScannerOptions.Default));
        Assert.True(MatchesUnderSomeName(scanner, value), $"no target name made '{value}' a finding");
    }

    [Theory]
    [InlineData("https://api.example-exchange.com/api/v3/account")]
    [InlineData("wss://stream.example-exchange.com:9443/ws/btcusdt@depth")]
    [InlineData("/api/v2/orders/venues/{id}/order/history")]
    [InlineData("YOUR_API_KEY_2024")]
    [InlineData("sha256-abc123def456")]
    [InlineData("BINANCE_API_SECRET")]
    [InlineData("has a space 12345")]
    [InlineData("short1")]
    public void RejectedValueIsNeverReported(string value)
    {
        var scanner = SecretScanner.Default;

        Assert.False(scanner.CouldMatchInContext(value, ScannerOptions.Default));
        Assert.False(MatchesUnderSomeName(scanner, value), $"a target name made '{value}' a finding");
    }

    [Fact]
    public void GateAgreesWithContextMatchOnManyValues()
    {
        // Every value the gate rejects must be rejected under every name; the values mix shapes that pass and fail.
        var scanner = SecretScanner.Default;
        var templates = new[]
        {
            "{12:a-z}", "{16:A-Za-z}", "{20:0-9}", "{24:0-9a-f}", "{32:0-9A-F}", "{8:a-z0-9}", "{10:!-~}",
            "{40:A-Za-z0-9/+}", "{6:a-z}.{6:a-z}", "{9:a-z}:{4:0-9}", "{64:0-9a-f}", "{86:A-Za-z0-9+/}==",
        };
        foreach (var template in templates)
        {
            for (var i = 0; i < 20; i++)
            {
                // The seed comes from the template, so a suffix of growing length gives each round its own value.
                var value = FakeKeys.Make(template + "{" + (i + 1) + ":a-z0-9}");
                if (!scanner.CouldMatchInContext(value, ScannerOptions.Default))
                {
                    Assert.False(MatchesUnderSomeName(scanner, value), $"the gate rejected '{value}', a finding");
                }
            }
        }
    }

    [Fact]
    public void GateFollowsLengthOptions()
    {
        // 35 characters with symbols: too long for the passphrase formats, so only the length options decide.
        const string value = "Tr4d3r!x-Tr4d3r!x-Tr4d3r!x-Tr4d3r!x";
        var options = new ScannerOptions { MinPasswordLength = 36, MinSecretLength = 40 };

        Assert.True(SecretScanner.Default.CouldMatchInContext(value, ScannerOptions.Default));
        Assert.False(SecretScanner.Default.CouldMatchInContext(value, options));
    }

    [Fact]
    public void KnownHeaderIgnoresCase()
    {
        Assert.True(SecretScanner.Default.IsKnownHeader("x-mbx-apikey"));
        Assert.True(SecretScanner.Default.IsKnownHeader("X-MBX-APIKEY"));
        Assert.False(SecretScanner.Default.IsKnownHeader("X-Request-Id"));
        Assert.False(SecretScanner.Default.IsKnownHeader(null));
    }

    private static bool MatchesUnderSomeName(SecretScanner scanner, string value)
    {
        foreach (var (name, typeName) in Targets)
        {
            if (scanner.TryMatchInContext(value, new TargetContext(name, typeName), out _))
            {
                return true;
            }
        }

        return false;
    }
}
