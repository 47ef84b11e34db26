using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.HardcodedSecretAnalyzer>;

namespace KeyLint.Tests.Analyzers;

/// <summary>The standard ways to silence a rule work for KeyLint's rules.</summary>
public class SuppressionTests
{
    private static readonly string Key = FakeKeys.AwsAccessKeyId;
    private static readonly string Secret = FakeKeys.Make("{30:A-Za-z0-9+/}");

    [Fact]
    public Task PragmaSilencesKnownFormat()
    {
        return Verify.VerifyAsync("class C {\n#pragma warning disable KL0001\n string k = \"" + Key + "\";\n#pragma warning restore KL0001\n}");
    }

    [Fact]
    public Task PragmaRestoreReportsAgain()
    {
        var test = Verify.CreateTest(
            "class C {\n#pragma warning disable KL0001\n string a = \"" + Key + "\";\n#pragma warning restore KL0001\n string b = {|KL0001:\"" + Key + "\"|};\n}");

        // The harness's own check wraps the file in "#pragma warning disable", which the restore here undoes.
        test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task SuppressMessageSilencesHighEntropySecret()
    {
        return Verify.VerifyAsync("using System.Diagnostics.CodeAnalysis;\nclass C { [SuppressMessage(\"Security\", \"KL0002\")] string apiSecret = \"" + Secret + "\"; }");
    }

    [Fact]
    public Task SeverityNoneSilencesRule()
    {
        var test = Verify.CreateTest("class C { string k = \"" + Key + "\"; string apiSecret = {|KL0002:\"" + Secret + "\"|}; }");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0001.severity = none\n"));
        return test.RunAsync();
    }
}
