using System.Threading.Tasks;
using KeyLint.CodeFixes;
using KeyLint.Tests.Support;
using Xunit;
using static KeyLint.Tests.CodeFixes.CodeFixVerifier;
using static KeyLint.Tests.CodeFixes.EnvironmentVariableFixTests;

namespace KeyLint.Tests.CodeFixes;

/// <summary><c>keylint.name_prefix</c> and <c>keylint.name_casing</c> in each fix.</summary>
public class NameOptionsTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;

    private static readonly string Source = $$"""
        class BinanceClient
        {
            private string? apiSecret = {|KL0001:"{{Secret}}"|};
        }
        """;

    private static string EnvironmentRead(string name) => $$"""
        class BinanceClient
        {
            private string? apiSecret = System.Environment.GetEnvironmentVariable("{{name}}");
        }
        """;

    [Theory]
    [InlineData("keylint.name_prefix = BOT_\n", "BOT_BINANCE_API_SECRET")]
    [InlineData("keylint.name_prefix = Bot\n", "BotBINANCE_API_SECRET")]
    [InlineData("keylint.name_casing = pascal_double_underscore\n", "Binance__ApiSecret")]
    [InlineData("keylint.name_casing = PASCAL_DOUBLE_UNDERSCORE\n", "Binance__ApiSecret")]
    [InlineData("keylint.name_prefix = BOT_\nkeylint.name_casing = pascal_double_underscore\n", "Bot__Binance__ApiSecret")]
    [InlineData("keylint.name_prefix = trading_bot_\nkeylint.name_casing = pascal_double_underscore\n", "TradingBot__Binance__ApiSecret")]
    [InlineData("keylint.name_prefix = TradingBot\nkeylint.name_casing = pascal_double_underscore\n", "TradingBot__Binance__ApiSecret")]
    [InlineData("keylint.name_casing = upper_snake\n", "BINANCE_API_SECRET")]
    public Task EnvironmentVariableName(string config, string expected)
    {
        var test = Create(Source, EnvironmentRead(expected), config);
        test.CodeActionVerifier = (action, verifier) =>
            verifier.Equal($"Read '{expected}' from an environment variable", action.Title);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("keylint.name_prefix = bot-\n")]
    [InlineData("keylint.name_prefix = 1BOT_\n")]
    [InlineData("keylint.name_prefix = BOT SECRET\n")]
    [InlineData("keylint.name_casing = camel\n")]
    public Task InvalidValueKeepsDefault(string config)
    {
        return Create(Source, EnvironmentRead("BINANCE_API_SECRET"), config).RunAsync();
    }

    [Fact]
    public Task PrefixOnCatalogVariable()
    {
        var key = FakeKeys.AwsAccessKeyId;
        var source = $$"""
            class Uploader
            {
                string? Region(string name) => name;

                string? Upload() => Region({|KL0001:"{{key}}"|});
            }
            """;
        var fixedSource = $$"""
            class Uploader
            {
                string? Region(string name) => name;

                string? Upload() => Region(System.Environment.GetEnvironmentVariable("BOT_AWS_ACCESS_KEY_ID") ?? throw new System.InvalidOperationException({{Missing("BOT_AWS_ACCESS_KEY_ID")}}));
            }
            """;
        return Create(source, fixedSource, "keylint.name_prefix = BOT_\n").RunAsync();
    }

    [Theory]
    [InlineData("keylint.name_prefix = BOT_\n", "Bot:Binance:ApiSecret")]
    [InlineData("keylint.name_prefix = trading_bot_\n", "TradingBot:Binance:ApiSecret")]
    [InlineData("keylint.name_casing = pascal_double_underscore\n", "Binance:ApiSecret")]
    public Task ConfigurationKey(string config, string expected)
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                string? Read(IConfiguration configuration)
                {
                    string? apiSecret = {|KL0001:"{{Secret}}"|};
                    return apiSecret;
                }
            }
            """;
        var fixedSource = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                string? Read(IConfiguration configuration)
                {
                    string? apiSecret = configuration["{{expected}}"];
                    return apiSecret;
                }
            }
            """;
        var test = Create(source, fixedSource, config, ConfigurationTypes);
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.ConfigurationKey;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("keylint.name_prefix = BOT_\n", "BOT_BINANCE_API_SECRET")]
    [InlineData("keylint.name_casing = pascal_double_underscore\n", "Binance__ApiSecret")]
    public Task SecretProviderName(string config, string expected)
    {
        var fixedSource = $$"""
            class BinanceClient
            {
                private string? apiSecret = Vault.Read("{{expected}}");
            }
            """;
        var vault = "static class Vault { public static string? Read(string name) => name; }";
        var test = Create(Source, fixedSource, config + "keylint.secret_lookup = Vault.Read({name})\n", vault);
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.SecretProviderKey;
        return test.RunAsync();
    }
}
