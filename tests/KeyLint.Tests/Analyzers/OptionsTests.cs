using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.HardcodedSecretAnalyzer>;

namespace KeyLint.Tests.Analyzers;

public class OptionsTests
{
    private static readonly string Secret = FakeKeys.Make("{30:A-Za-z0-9+/}");

    private static Task VerifyWithConfigAsync(string source, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = Verify.CreateTest(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task ExtraSecretWordMarksName()
    {
        return VerifyWithConfigAsync(
            "class C { string signature = {|KL0002:\"" + Secret + "\"|}; }",
            "keylint.secret_words = signature, hmac\n");
    }

    [Fact]
    public Task WithoutExtraWordNameIsIgnored()
    {
        return Verify.VerifyAsync("class C { string signature = \"" + Secret + "\"; }");
    }

    [Fact]
    public Task IgnoredWordSilencesName()
    {
        return VerifyWithConfigAsync("class C { string nonceKey = \"" + Secret + "\"; }", "keylint.ignored_words = nonce\n");
    }

    [Fact]
    public Task EntropyThresholdApplies()
    {
        return VerifyWithConfigAsync("class C { string apiSecret = \"" + Secret + "\"; }", "keylint.min_entropy = 6.5\n");
    }

    [Fact]
    public Task SecretLengthApplies()
    {
        return VerifyWithConfigAsync("class C { string apiSecret = \"" + Secret + "\"; }", "keylint.min_secret_length = 40\n");
    }

    [Fact]
    public Task InvalidValueKeepsDefault()
    {
        return VerifyWithConfigAsync(
            "class C { string apiSecret = {|KL0002:\"" + Secret + "\"|}; }",
            "keylint.min_entropy = high\nkeylint.min_secret_length = -4\n");
    }

    [Fact]
    public async Task TestProjectReportsSuggestion()
    {
        var test = Verify.CreateTest("class C { string apiSecret = \"" + Secret + "\"; }");
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "Bot.Tests"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("KL0002", DiagnosticSeverity.Info).WithSpan(1, 30, 1, 62)
            .WithArguments("'apiSecret'", "'" + Secret.Substring(0, 4) + "\u2026' (30 characters)", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task TestProjectOptionKeepsWarning()
    {
        var test = Verify.CreateTest("class C { string apiSecret = {|KL0002:\"" + Secret + "\"|}; }");
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "Bot.Tests"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nkeylint.test_projects = normal\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task IsTestProjectPropertyDecides()
    {
        var test = Verify.CreateTest("class C { string apiSecret = {|KL0002:\"" + Secret + "\"|}; }");
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "Bot.Tests"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = false\n"));
        await test.RunAsync();
    }
}
