using KeyLint.Core.Baseline;
using Xunit;

namespace KeyLint.Tests.Baseline;

public class BaselineFileTests
{
    [Fact]
    public void FingerprintIsSha256Prefix()
    {
        // The SHA-256 of "abc", the usual test vector, begins ba7816bf 8f01cfea.
        Assert.Equal("ba7816bf8f01cfea", Fingerprint.Of("abc"));
    }

    [Fact]
    public void FingerprintOfSettingJoinsNameAndValue()
    {
        Assert.Equal(Fingerprint.Of("EnableWithdrawals=true"), Fingerprint.OfSetting("EnableWithdrawals", "true"));
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF", false)]
    [InlineData("0123456789abcde", false)]
    [InlineData("0123456789abcdefg", false)]
    [InlineData("0123456789abcdeg", false)]
    public void FingerprintFormIsChecked(string text, bool expected)
    {
        Assert.Equal(expected, Fingerprint.IsWellFormed(text));
    }

    [Theory]
    [InlineData("/repo/bot", "/repo/bot/Exchanges/Binance.cs", "Exchanges/Binance.cs")]
    [InlineData("/repo/bot/", "/repo/bot/appsettings.json", "appsettings.json")]
    [InlineData(@"C:\repo\bot", @"C:\repo\bot\Exchanges\Binance.cs", "Exchanges/Binance.cs")]
    [InlineData(@"C:\repo\bot", @"c:\repo\Shared\Keys.cs", "../Shared/Keys.cs")]
    [InlineData("/repo/bot/src", "/repo/shared/a/Keys.cs", "../../shared/a/Keys.cs")]
    [InlineData(@"C:\repo\bot", @"D:\other\Keys.cs", "D:/other/Keys.cs")]
    [InlineData("/repo/bot", "/other/Keys.cs", "/other/Keys.cs")]
    [InlineData("", "/repo/Keys.cs", "/repo/Keys.cs")]
    [InlineData("/repo", "/repo/./a/././Keys.cs", "a/Keys.cs")]
    public void RelativePathUsesSlashes(string directory, string path, string expected)
    {
        Assert.Equal(expected, BaselinePaths.Relative(directory, path));
    }

    [Fact]
    public void DirectoryOfDropsFileName()
    {
        Assert.Equal("C:/repo/bot", BaselinePaths.DirectoryOf(@"C:\repo\bot\keylint.baseline.json"));
        Assert.Equal(string.Empty, BaselinePaths.DirectoryOf("keylint.baseline.json"));
    }

    [Fact]
    public void ParseReadsEntries()
    {
        var json = """
            {
              // Accepted until the Binance client moves to the vault.
              "version": 1,
              "findings": [
                { "rule": "KL0001", "path": "Exchanges\\Binance.cs", "fingerprint": "0123456789abcdef" },
                { "rule": "KL0004", "path": "appsettings.json", "fingerprint": "fedcba9876543210" },
              ]
            }
            """;

        var baseline = BaselineFile.Parse(json);

        Assert.Empty(baseline.Errors);
        Assert.Equal(2, baseline.Entries.Count);
        Assert.Equal("KL0001", baseline.Entries[0].Rule);
        Assert.Equal("Exchanges/Binance.cs", baseline.Entries[0].Path);
        Assert.Equal("0123456789abcdef", baseline.Entries[0].Fingerprint);
        Assert.Equal(json.IndexOf("{ \"rule\": \"KL0001\"", System.StringComparison.Ordinal), baseline.Entries[0].Offset);
        Assert.Equal("appsettings.json", baseline.Entries[1].Path);
    }

    [Fact]
    public void ParseKeepsValidEntriesBesideInvalidOnes()
    {
        var json = """
            { "findings": [
              { "rule": "KL0001", "path": "A.cs" },
              { "rule": "KL0001", "path": "B.cs", "fingerprint": "sk_live_notahash" },
              "KL0002",
              { "rule": "KL0002", "path": "C.cs", "fingerprint": "0123456789abcdef" }
            ] }
            """;

        var baseline = BaselineFile.Parse(json);

        Assert.Single(baseline.Entries);
        Assert.Equal("C.cs", baseline.Entries[0].Path);
        Assert.Equal(3, baseline.Errors.Count);
        Assert.Equal("Finding #1 needs the string properties rule, path and fingerprint", baseline.Errors[0].Message);
        Assert.Contains("invalid fingerprint", baseline.Errors[1].Message);
        Assert.DoesNotContain("sk_live", baseline.Errors[1].Message);
        Assert.Equal(json.IndexOf("\"sk_live", System.StringComparison.Ordinal), baseline.Errors[1].Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"findings\": [ ")]
    [InlineData("[]")]
    [InlineData("{ \"findings\": {} }")]
    [InlineData("\u0000\u00ff\ufffe")]
    public void ParseRejectsDocumentWithoutFindings(string json)
    {
        var baseline = BaselineFile.Parse(json);

        Assert.Empty(baseline.Entries);
        Assert.Single(baseline.Errors);
    }

    [Fact]
    public void ParseHandlesRandomText()
    {
        // Seeded, so a failure replays. The alphabet favors JSON punctuation, so that most texts get past the first
        // character and into entries, strings and escapes.
        var random = new System.Random(20261204);
        const string alphabet = "{}[]\",:\\/ \n\tabfnrtu0123456789eE+-.KL#findingsrulepathfingerprint\u00e9\ud800";
        for (var i = 0; i < 5_000; i++)
        {
            var text = new char[random.Next(0, 200)];
            for (var j = 0; j < text.Length; j++)
            {
                text[j] = alphabet[random.Next(alphabet.Length)];
            }

            var baseline = BaselineFile.Parse(new string(text));

            // Offsets place KL9003 and KL9004 in the file.
            foreach (var error in baseline.Errors)
            {
                Assert.InRange(error.Offset, 0, text.Length);
            }

            foreach (var entry in baseline.Entries)
            {
                Assert.InRange(entry.Offset, 0, text.Length);
            }
        }

        var valid = BaselineFile.Parse("{\"findings\":[{\"rule\":\"KL0001\",\"path\":\"A.cs\",\"fingerprint\":\"0123456789abcdef\"}]}");
        Assert.Single(valid.Entries);
    }
}
