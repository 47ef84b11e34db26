using System.Linq;
using System.Threading.Tasks;
using KeyLint.Tests.Hardening.Support;
using KeyLint.Tests.Support;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>
/// A key can be glued to a name: a C# identifier, or a config key that runs into other text. Messages quote names,
/// so no whole key may reach them. The inputs are the smallest forms of cases that the random tests found.
/// </summary>
public class NameLeakTests
{
    private static readonly string AwsKey = FakeKeys.AwsAccessKeyId;

    private static readonly string Base64Key = FakeKeys.Make("{24:A-Za-z0-9+/}");

    private static readonly string StripeKey = FakeKeys.StripeLiveKey;

    [Fact]
    public async Task CSharpSettingNameWithGluedKey()
    {
        var source = $"class Settings {{ public string[] {AwsKey}IpWhitelist {{ get; set; }} = [\"0.0.0.0/0\"]; }}";
        var result = await AnalyzerRun.RunAsync(source);

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0005");
        SecretAssert.NoSecret(result.Diagnostics, new[] { AwsKey }, "C# setting name");
    }

    [Fact]
    public async Task IniKeyWithGluedKey()
    {
        var result = await AnalyzerRun.RunConfigAsync("/bot/exchange.ini", $"{Base64Key}<add key = {StripeKey}\n");

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0004");
        SecretAssert.NoSecret(result.Diagnostics, new[] { Base64Key, StripeKey }, "INI key");
    }

    [Fact]
    public async Task CSharpTargetNameWithGluedKey()
    {
        var source = $"class Settings {{ string {AwsKey}ApiSecret = \"{FakeKeys.RandomHex}\"; }}";
        var result = await AnalyzerRun.RunAsync(source);

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0002");
        SecretAssert.NoSecret(result.Diagnostics, new[] { AwsKey }, "C# target name");
    }
}
