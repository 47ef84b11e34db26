using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.SecretLookupOptionAnalyzer>;

namespace KeyLint.Tests.Analyzers;

public class SecretLookupOptionTests
{
    private const string Source = "class A { }";
    private const string SecondSource = "class B { }";

    private static Task VerifyAsync(string config, params DiagnosticResult[] expected)
    {
        var test = Verify.CreateTest(Source);
        test.TestState.Sources.Add(SecondSource);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + config));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Invalid(string value, string problem) =>
        new DiagnosticResult(SecretLookupOptionAnalyzer.InvalidSecretLookupRule).WithArguments(value, problem);

    [Theory]
    [InlineData("Secrets.Get({name})")]
    [InlineData("Vault.Client.Read(\"bot\", {name}).Value")]
    [InlineData("new SecretName({name}).Resolve()")]
    [InlineData("")]
    public Task ValidOrEmptyTemplateNotReported(string template)
    {
        return VerifyAsync($"keylint.secret_lookup = {template}\n");
    }

    [Theory]
    [InlineData("Secrets.Get({name}) # trailing comment")]
    [InlineData("Secrets.Get({name}) ; trailing comment")]
    public Task TrailingCommentIsStripped(string line)
    {
        return VerifyAsync($"keylint.secret_lookup = {line}\n");
    }

    [Fact]
    public Task MissingOptionNotReported()
    {
        return VerifyAsync(string.Empty);
    }

    [Fact]
    public Task MissingPlaceholderReportedOnce()
    {
        return VerifyAsync(
            "keylint.secret_lookup = Secrets.Get(name)\n",
            Invalid("Secrets.Get(name)", "it does not contain {name}"));
    }

    [Theory]
    [InlineData("Secrets.Get({name}")]
    [InlineData("Secrets.Get({name}) Secrets")]
    [InlineData("return Secrets.Get({name})")]
    public Task UnparsableTemplateReportedOnce(string template)
    {
        return VerifyAsync(
            $"keylint.secret_lookup = {template}\n",
            Invalid(template, "it does not parse as a C# expression"));
    }

    [Fact]
    public Task MessageNamesOptionAndValue()
    {
        return VerifyAsync(
            "keylint.secret_lookup = Secrets.Get(name)\n",
            new DiagnosticResult(SecretLookupOptionAnalyzer.InvalidSecretLookupRule).WithMessage(
                "The option keylint.secret_lookup = 'Secrets.Get(name)' is invalid: it does not contain {name}. KeyLint " +
                "offers no fix for hardcoded keys until the template is a C# expression that contains {name}, for " +
                "example Secrets.Get({name})."));
    }

    [Fact]
    public Task GlobalConfigTemplateReported()
    {
        var test = Verify.CreateTest(Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nkeylint.secret_lookup = Secrets.Get(\n"));
        test.ExpectedDiagnostics.Add(Invalid("Secrets.Get(", "it does not contain {name}"));
        return test.RunAsync();
    }

    [Fact]
    public Task EachInvalidValueReportedOnce()
    {
        var test = Verify.CreateTest(Source);
        test.TestState.Sources.Add(("/0/Legacy/Old.cs", SecondSource));
        test.TestState.AnalyzerConfigFiles.Add((
            "/.editorconfig",
            "root = true\n\n[*.cs]\nkeylint.secret_lookup = Secrets.Get()\n\n[/0/Legacy/*.cs]\nkeylint.secret_lookup = Vault.Read({name}\n"));
        test.ExpectedDiagnostics.Add(Invalid("Secrets.Get()", "it does not contain {name}"));
        test.ExpectedDiagnostics.Add(Invalid("Vault.Read({name}", "it does not parse as a C# expression"));
        return test.RunAsync();
    }
}
