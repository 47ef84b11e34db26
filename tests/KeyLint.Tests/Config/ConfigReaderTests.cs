using System.Collections.Generic;
using System.Linq;
using KeyLint.Core.Config;
using Xunit;

namespace KeyLint.Tests.Config;

public class ConfigReaderTests
{
    private static ConfigEntry Single(List<ConfigEntry> entries, string path)
    {
        return Assert.Single(entries, entry => entry.Path == path);
    }

    private static void AssertLocated(string text, ConfigEntry entry, string sourceText)
    {
        Assert.Equal(sourceText, text.Substring(entry.ValueStart, entry.ValueLength));
    }

    [Fact]
    public void JsonReadsCommentedNestedFile()
    {
        var text = """
            {
              // exchange settings
              "Binance": { "ApiKey": "abc", /* inline */ "Permissions": ["trade", "withdraw",], },
            }
            """;
        var entries = JsonConfigReader.Read(text);

        var key = Single(entries, "Binance:ApiKey");
        Assert.Equal("abc", key.Value);
        AssertLocated(text, key, "\"abc\"");
        var withdraw = Single(entries, "Binance:Permissions:1");
        Assert.True(withdraw.IsListItem);
        Assert.Equal("Permissions", withdraw.Key);
    }

    [Fact]
    public void JsonKeepsLocatablePairsOfTruncatedFile()
    {
        var text = "{ \"Exchange\": { \"ApiSecret\": \"s3cr3t-value\", \"Other\": ";
        var entries = JsonConfigReader.Read(text);

        var secret = Single(entries, "ApiSecret");
        AssertLocated(text, secret, "\"s3cr3t-value\"");
    }

    [Fact]
    public void YamlReadsMappingsSequencesAndFlowLists()
    {
        var text = """
            # bot config
            exchange:
              name: kraken
              key: 'abc'
              permissions:
              - trade
              - "withdraw"
              scopes: [read, wallet:withdrawals:create]
              ip_whitelist: []
            accounts:
              - name: main
                secret: xyz # inline comment
            """;
        var entries = YamlReader.Read(text);

        AssertLocated(text, Single(entries, "exchange:key"), "'abc'");
        var withdraw = Single(entries, "exchange:permissions:1");
        Assert.Equal("withdraw", withdraw.Value);
        Assert.Equal("permissions", withdraw.Key);
        Assert.True(withdraw.IsListItem);
        Assert.Equal("wallet:withdrawals:create", Single(entries, "exchange:scopes:1").Value);
        var secret = Single(entries, "accounts:0:secret");
        Assert.Equal("xyz", secret.Value);
        AssertLocated(text, secret, "xyz");
        Assert.Equal("main", Single(entries, "accounts:0:name").Value);
    }

    [Fact]
    public void YamlReadsBlockScalar()
    {
        var text = "key: |\n  -----BEGIN EC PRIVATE KEY-----\n  abc\n  -----END EC PRIVATE KEY-----\nnext: 1\n";
        var entries = YamlReader.Read(text);

        var key = Single(entries, "key");
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----\nabc", key.Value);
        Assert.Equal("1", Single(entries, "next").Value);
    }

    [Fact]
    public void DotEnvReadsExportQuotesAndComments()
    {
        var text = "# keys\nexport BINANCE_API_KEY=\"abc def\"\nSECRET='x#y'\nPLAIN=value # comment\nEMPTY=\nbroken line\n";
        var entries = DotEnvReader.Read(text);

        AssertLocated(text, Single(entries, "BINANCE_API_KEY"), "\"abc def\"");
        Assert.Equal("x#y", Single(entries, "SECRET").Value);
        var plain = Single(entries, "PLAIN");
        Assert.Equal("value", plain.Value);
        AssertLocated(text, plain, "value");
        Assert.Equal(string.Empty, Single(entries, "EMPTY").Value);
        Assert.Equal(4, entries.Count);
    }

    [Fact]
    public void IniReadsSectionsAndComments()
    {
        var text = "; bot\n[binance]\napi_key = abc123 ; trailing\nsecret: \"q\"\n[kraken]\nkey=z\n";
        var entries = IniReader.Read(text);

        AssertLocated(text, Single(entries, "binance:api_key"), "abc123");
        Assert.Equal("q", Single(entries, "binance:secret").Value);
        Assert.Equal("z", Single(entries, "kraken:key").Value);
    }

    [Fact]
    public void XmlReadsAppSettingsAndConnectionStrings()
    {
        var text = """
            <?xml version="1.0"?>
            <configuration>
              <appSettings>
                <add key="ApiSecret" value="abc123" />
              </appSettings>
              <connectionStrings>
                <add name="Orders" connectionString="Server=db;Password=pw1" providerName="x" />
              </connectionStrings>
            </configuration>
            """;
        var entries = XmlConfigReader.Read(text);

        var secret = Single(entries, "appSettings:ApiSecret");
        Assert.Equal("abc123", secret.Value);
        AssertLocated(text, secret, "abc123");
        var connection = Assert.Single(entries, entry => entry.Path == "connectionStrings:Orders" && entry.Value.StartsWith("Server"));
        AssertLocated(text, connection, "Server=db;Password=pw1");
    }

    [Fact]
    public void XmlRejectsDtdWithoutThrowing()
    {
        var text = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>";
        var entries = XmlConfigReader.Read(text);

        Assert.Empty(entries);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"a\": [1, 2")]
    [InlineData("\u0000\u0001\u00ff\ud800")]
    [InlineData("key: [unclosed, 'x")]
    [InlineData("- - - :\n  ::: -\n\t- x: |")]
    [InlineData("<a><b></a>")]
    [InlineData("[section\n=value\n==\n")]
    public void MalformedInputDoesNotThrow(string text)
    {
        foreach (var kind in new[] { ConfigFileKind.Json, ConfigFileKind.Yaml, ConfigFileKind.DotEnv, ConfigFileKind.Ini, ConfigFileKind.Xml })
        {
            var entries = ConfigFileReader.Read(kind, text);
            Assert.All(entries, entry => Assert.InRange(entry.ValueStart + entry.ValueLength, 0, text.Length));
        }
    }

    [Fact]
    public void DeepNestingDoesNotThrow()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);
        var yaml = string.Join("\n", Enumerable.Range(0, 10_000).Select(i => new string(' ', i) + "k" + i + ":"));

        Assert.Empty(JsonConfigReader.Read(json));
        Assert.Empty(YamlReader.Read(yaml));
    }

    [Theory]
    [InlineData("appsettings.json", ConfigFileKind.Json)]
    [InlineData("appsettings.Production.json", ConfigFileKind.Json)]
    [InlineData("bot.yaml", ConfigFileKind.Yaml)]
    [InlineData(".env", ConfigFileKind.DotEnv)]
    [InlineData(".env.local", ConfigFileKind.DotEnv)]
    [InlineData("prod.env", ConfigFileKind.DotEnv)]
    [InlineData("bot.ini", ConfigFileKind.Ini)]
    [InlineData("web.config", ConfigFileKind.Xml)]
    [InlineData("id_rsa", ConfigFileKind.PrivateKey)]
    [InlineData("packages.lock.json", ConfigFileKind.Unknown)]
    [InlineData("Bot.deps.json", ConfigFileKind.Unknown)]
    [InlineData("Program.cs", ConfigFileKind.Unknown)]
    public void FileKindComesFromName(string name, ConfigFileKind expected)
    {
        Assert.Equal(expected, ConfigFileKinds.FromPath("/src/bot/" + name));
    }
}
