using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Xunit;
using Verify = KeyLint.Tests.Support.ConfigVerifier;

namespace KeyLint.Tests.Config;

public class ConfigFileAnalyzerTests
{
    private static readonly string AwsKey = FakeKeys.AwsAccessKeyId;
    private static readonly string RandomSecret = FakeKeys.Make("{30:A-Za-z0-9+/}");

    [Fact]
    public Task JsonSecretsAreReported()
    {
        var json = """
            {
              // comments and trailing commas, as in real appsettings.json files
              "Aws": { "AccessKeyId": {|KL0004:"AWSKEY"|}, },
              "Binance": { "ApiSecret": {|KL0004:"SECRET"|} },
              "Logging": { "LogLevel": { "Default": "Information" } },
            }
            """.Replace("AWSKEY", AwsKey).Replace("SECRET", RandomSecret);
        return Verify.VerifyAsync("/0/appsettings.json", json);
    }

    [Fact]
    public Task YamlWithdrawalsAndOpenAllowlistAreReported()
    {
        var yaml = """
            exchange:
              name: kraken
              enableWithdrawals: {|KL0003:true|}
              permissions: [trade, {|KL0003:withdraw|}]
              ip_whitelist:
                - {|KL0005:0.0.0.0/0|}
              ipRestrict: {|KL0005:false|}
            """;
        return Verify.VerifyAsync("/0/bot.yaml", yaml);
    }

    [Fact]
    public Task DotEnvSwitchesAndSecretsAreReported()
    {
        var env = "export BINANCE_API_SECRET={|KL0004:" + RandomSecret + "|}\nWITHDRAW_ENABLED={|KL0003:yes|}\n" +
            "ALLOWED_IPS={|KL0005:*|}\nMAX_WITHDRAWAL_AMOUNT=1\n";
        return Verify.VerifyAsync("/0/.env", env);
    }

    [Fact]
    public Task IniScopesAndEmptyAllowlistAreReported()
    {
        var ini = "[coinbase]\nscopes = wallet:accounts:read,{|KL0003:wallet:withdrawals:create|}\n" +
            "[okx]\nperms = read_only,trade\nip_allowlist = {|KL0005:|}\n";
        return Verify.VerifyAsync("/0/bot.ini", ini);
    }

    [Fact]
    public Task JsonPermissionObjectAndEmptyListAreReported()
    {
        var json = """
            { "Permissions": { "Trade": true, "Withdraw": {|KL0003:true|} }, "IpWhitelist": {|KL0005:[]|} }
            """;
        return Verify.VerifyAsync("/0/config.json", json);
    }

    [Fact]
    public Task XmlAppSettingsAreReported()
    {
        var xml = """
            <configuration>
              <appSettings>
                <add key="StripeKey" value="{|KL0004:STRIPE|}" />
                <add key="Environment" value="Production" />
              </appSettings>
            </configuration>
            """.Replace("STRIPE", FakeKeys.StripeLiveKey);
        return Verify.VerifyAsync("/0/web.config", xml);
    }

    [Fact]
    public Task SafeSettingsAreNotReported()
    {
        var json = """
            {
              "Binance": {
                "ApiKey": "${BINANCE_API_KEY}",
                "ApiSecret": "",
                "Passphrase": "ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]",
                "Withdraw": false,
                "MaxWithdrawalAmount": 1,
                "Permissions": ["read", "trade"],
                "IpWhitelist": ["203.0.113.7"]
              },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:5000" } } },
              "ApplicationInsights": { "InstrumentationKey": "GUID" },
              "Vault": { "Secret": "@Microsoft.KeyVault(SecretUri=https://bot.vault.azure.net/secrets/x/)" },
              "Note": "Withdraw funds only from the exchange website."
            }
            """.Replace("GUID", FakeKeys.Make("{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}"));
        return Verify.VerifyAsync("/0/appsettings.json", json);
    }

    [Fact]
    public Task TestFolderSkipsPermissionRules()
    {
        var json = """{ "permissions": ["withdraw"], "ips": [] }""";
        return Verify.VerifyAsync("/0/tests/recordings/account.json", json);
    }

    [Fact]
    public Task TestDataOptionSilencesFile()
    {
        var json = "{ \"ApiSecret\": \"" + RandomSecret + "\" }";
        return Verify.VerifyAsync("/0/fixtures.json", json, "root = true\n\n[/0/fixtures.json]\nkeylint.test_data = true\n");
    }

    [Fact]
    public Task CopiedFileSaysSo()
    {
        var json = "{ \"ApiSecret\": {|#0:\"" + RandomSecret + "\"|} }";
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<KeyLint.Analyzers.ConfigFileAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = "class Program { }",
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add(("/0/secrets.json", json));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig",
            "root = true\n\n[/0/secrets.json]\nbuild_metadata.AdditionalFiles.CopyToOutputDirectory = PreserveNewest\n"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(KeyLint.Analyzers.ConfigFileAnalyzer.PlaintextSecretFileRule)
            .WithLocation(0)
            .WithArguments("ApiSecret", "secrets.json", "a random-looking secret", "'" + RandomSecret.Substring(0, 4) + "\u2026' (30 characters)",
                ", and the build copies the file to its output"));
        return test.RunAsync();
    }

    [Fact]
    public Task PrivateKeyFileIsReportedOnce()
    {
        var body = FakeKeys.Make("{64:A-Za-z0-9+/}") + "\n" + FakeKeys.Make("{64:A-Za-z0-9+/}") + "\n";
        var pem = "{|KL0004:-----BEGIN RSA PRIVATE KEY-----|}\n" + body + "-----END RSA PRIVATE KEY-----\n";
        return Verify.VerifyAsync("/0/keys/bot.pem", pem);
    }

    [Theory]
    [InlineData("/0/appsettings.json", "{ \"a\": [1, 2, {\"b\": ")]
    [InlineData("/0/bot.yaml", "a: [\n  - b: |\n\u0000\u0001")]
    [InlineData("/0/.env", "\u00ff\ufffe=\n=\n")]
    [InlineData("/0/web.config", "<configuration><appSettings><add key=")]
    public Task MalformedFilesProduceNoDiagnostics(string path, string content)
    {
        return Verify.VerifyAsync(path, content);
    }

    [Fact]
    public Task TestFolderAboveProjectDoesNotCount()
    {
        var json = """{ "permissions": [{|KL0003:"withdraw"|}] }""";
        return Verify.VerifyAsync("/0/tests/bot/appsettings.json", json, globalConfig: "is_global = true\nbuild_property.ProjectDir = /0/tests/bot/\n");
    }

    [Fact]
    public Task ReviewedFalsePositivesAreNotReported()
    {
        var yaml = """
            coinbase:
              scopes: [wallet:accounts:read, wallet:withdrawals:read]
              permissions: [trade, withdrawal_history]
              permissionsNote: never withdraw from this account
              ipBinding: 0.0.0.0
              bindAddress: 0.0.0.0
            """;
        return Verify.VerifyAsync("/0/bot.yaml", yaml);
    }

    [Fact]
    public Task DoubleNegativesAreReported()
    {
        var yaml = "disableWithdrawals: {|KL0003:false|}\ndisableIpRestriction: {|KL0005:true|}\ndisableIpWhitelist: false\n";
        return Verify.VerifyAsync("/0/bot.yaml", yaml);
    }

    [Fact]
    public Task ShellVariableReferenceIsNotASecret()
    {
        return Verify.VerifyAsync("/0/.env", "BYBIT_API_SECRET=$BYBIT_API_SECRET_V2\nOKX_SECRET=${OKX_SECRET}\n");
    }

    [Fact]
    public Task ConnectionStringPasswordIsReported()
    {
        var password = FakeKeys.Make("{14:A-Za-z0-9}");
        var json = "{ \"ConnectionStrings\": { \"Orders\": {|KL0004:\"Server=db;Database=orders;User Id=bot;Password=" +
            password + ";\"|} } }";
        return Verify.VerifyAsync("/0/appsettings.json", json);
    }

    // Each row is a secret-named setting whose value is JSON text that contains a secret with no run of 32 letters
    // and digits. The secrets are a database password and GUID API keys, in the JSON list form that settings
    // loaders such as pydantic read from a .env file. PASSWORD and GUID are replaced by fake values.
    [Theory]
    [InlineData("/0/.env", "DB_CREDENTIALS={|KL0004:{\"user\":\"trader\",\"password\":\"PASSWORD\"}|}\n")]
    [InlineData("/0/.env", "API_KEYS={|KL0004:[\"GUID\",\"GUID\"]|}\n")]
    [InlineData("/0/bot.yaml", "db:\n  credentials: {|KL0004:'{\"user\":\"trader\",\"password\":\"PASSWORD\"}'|}\n")]
    [InlineData("/0/appsettings.json", "{ \"Db\": { \"Credentials\": {|KL0004:\"{\\\"user\\\":\\\"trader\\\",\\\"password\\\":\\\"PASSWORD\\\"}\"|} } }")]
    public Task JsonTextWithShortSecretIsReported(string path, string markup)
    {
        var content = markup.Replace("PASSWORD", FakeKeys.Make("{12:A-Za-z0-9!#%&*}"))
            .Replace("GUID", FakeKeys.Make("{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}"));
        return Verify.VerifyAsync(path, content);
    }

    [Fact]
    public Task EncryptedAndReferencedValuesAreNotReported()
    {
        var blob = FakeKeys.Make("{60:A-Za-z0-9+/}");
        var yaml = "secrets:\n" +
            "  sops_secret: ENC[AES256_GCM,data:" + blob + ",type:str]\n" +
            "  jasypt_secret: ENC(" + blob + ")\n" +
            "  vault_secret: $ANSIBLE_VAULT;1.1;AES256\n" +
            "  dpapi_secret: AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA" + blob + "\n" +
            "  protected_secret: CfDJ8" + blob + "\n" +
            "  age_secret: \"-----BEGIN AGE ENCRYPTED FILE-----\\n" + blob + "\"\n" +
            "  api_secret: ${BOT_API_SECRET}\n" +
            "  api_key: '%BOT_API_KEY%'\n" +
            "  token: <your-token>\n";
        return Verify.VerifyAsync("/0/bot.yaml", yaml);
    }

    [Fact]
    public Task IdentifiersAndHashesAreNotReported()
    {
        var json = """
            {
              "ApplicationInsights": { "ConnectionString": "InstrumentationKey=GUID;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" },
              "Assembly": { "PublicKeyToken": "b77a5c561934e089" },
              "Scripts": { "ChartIntegrity": "sha384-HASH" },
              "Withdrawals": [ { "Id": "GUID", "Amount": 0.5, "Status": "completed", "Type": "withdrawal" } ]
            }
            """.Replace("GUID", FakeKeys.Make("{8:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{4:0-9a-f}-{12:0-9a-f}"))
            .Replace("HASH", FakeKeys.Make("{64:A-Za-z0-9+/}"));
        return Verify.VerifyAsync("/0/appsettings.json", json);
    }
}
