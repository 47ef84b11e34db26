using System.Threading.Tasks;
using KeyLint.Tests.Hardening.Support;
using KeyLint.Tests.Support;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>
/// Config files can hold a secret where a name usually goes: API keys used as map keys, one entry per key. Messages
/// quote the entry's path, so no whole secret may reach it.
/// </summary>
public class ConfigSecretLeakTests
{

    private static readonly string StripeKey = FakeKeys.StripeLiveKey;

    private static readonly string AwsKey = FakeKeys.AwsAccessKeyId;

    [Fact]
    public Task JsonSecretKeyAboveWithdrawalSetting() => AssertNoLeakAsync(
        "/bot/appsettings.json",
        "{ \"accounts\": { \"" + StripeKey + "\": { \"enableWithdrawals\": true } } }",
        "KL0003");

    [Fact]
    public Task YamlSecretKeyAboveIpAllowlist() => AssertNoLeakAsync(
        "/bot/bot.yaml",
        "accounts:\n  " + StripeKey + ":\n    ipWhitelist: [\"0.0.0.0/0\"]\n",
        "KL0005");

    [Fact]
    public Task JsonSecretKeyOverSecretValue() => AssertNoLeakAsync(
        "/bot/appsettings.json",
        "{ \"keys\": { \"" + AwsKey + "\": \"" + StripeKey + "\" } }",
        "KL0004");

    [Fact]
    public Task IniSecretSectionAboveWithdrawalSetting() => AssertNoLeakAsync(
        "/bot/exchange.ini",
        "[" + StripeKey + "]\nenable_withdrawals = true\n",
        "KL0003");

    [Fact]
    public Task DotEnvSecretValueIsRedacted() => AssertNoLeakAsync(
        "/bot/.env",
        "STRIPE_API_KEY=" + StripeKey + "\n",
        "KL0004");

    private static async Task AssertNoLeakAsync(string path, string text, string expectedId)
    {
        var result = await AnalyzerRun.RunConfigAsync(path, text);
        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == expectedId);
        SecretAssert.NoSecret(result.Diagnostics, new[] { StripeKey, AwsKey }, path);
    }
}
