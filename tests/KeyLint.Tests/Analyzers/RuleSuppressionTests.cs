using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Core.Baseline;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KeyLint.Tests.Analyzers;

/// <summary>
/// <c>#pragma</c>, <c>[SuppressMessage]</c> and severity <c>none</c> for each rule beyond KL0001 and KL0002. Each
/// case first runs without the suppression and expects its diagnostic, so that a case that reports nothing at all
/// cannot pass.
/// </summary>
public class RuleSuppressionTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;

    private const string WithdrawalsSource = "class S { public bool EnableWithdrawals { get; set; } = true; }";
    private const string OpenIpSource = "class S { public string[] IpWhitelist { get; set; } = new[] { \"0.0.0.0/0\" }; }";

    public static TheoryData<string, string, int, int> CSharpCases() => new()
    {
        // rule, source, line, column
        { "KL0003", WithdrawalsSource, 1, 57 },
        { "KL0005", OpenIpSource, 1, 63 },
    };

    [Theory]
    [MemberData(nameof(CSharpCases))]
    public async Task PragmaSilencesSettingRule(string rule, string source, int line, int column)
    {
        await RunCSharpAsync(source, config: null, Expected(rule, "/0/Test0.cs", line, column));
        await RunCSharpAsync($"#pragma warning disable {rule}\n{source}\n#pragma warning restore {rule}\n", config: null);
    }

    [Theory]
    [MemberData(nameof(CSharpCases))]
    public async Task SuppressMessageSilencesSettingRule(string rule, string source, int line, int column)
    {
        await RunCSharpAsync(source, config: null, Expected(rule, "/0/Test0.cs", line, column));
        var attributed = source.Replace(
            "class S {", $"[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Security\", \"{rule}\")] class S {{", System.StringComparison.Ordinal);
        await RunCSharpAsync(attributed, config: null);
    }

    [Theory]
    [MemberData(nameof(CSharpCases))]
    public async Task SeverityNoneSilencesSettingRule(string rule, string source, int line, int column)
    {
        await RunCSharpAsync(source, config: null, Expected(rule, "/0/Test0.cs", line, column));
        await RunCSharpAsync(source, $"root = true\n\n[*.cs]\ndotnet_diagnostic.{rule}.severity = none\n");
    }

    public static TheoryData<string, string, string, int, int> ConfigCases() => new()
    {
        // rule, file, content, line, column
        { "KL0003", "/0/appsettings.json", "{\n  \"Binance\": { \"EnableWithdrawals\": true }\n}\n", 2, 37 },
        { "KL0004", "/0/appsettings.json", "{\n  \"Binance\": { \"ApiSecret\": \"" + Secret + "\" }\n}\n", 2, 29 },
        { "KL0005", "/0/bot.yaml", "binance:\n  ipWhitelist:\n    - 0.0.0.0/0\n", 3, 7 },
        { "KL9001", "/0/keylint.formats.json", "{ \"formats\": [\n  { \"id\": \"acme\" }\n] }\n", 2, 3 },
        { "KL9003", "/0/keylint.baseline.json", "{ \"findings\": [\n  { \"rule\": \"KL0001\" }\n] }\n", 2, 3 },
        { "KL9004", "/0/keylint.baseline.json", "{ \"findings\": [\n  { \"rule\": \"KL0004\", \"path\": \"old.json\", \"fingerprint\": \"0123456789abcdef\" }\n] }\n", 2, 3 },
    };

    [Theory]
    [MemberData(nameof(ConfigCases))]
    public async Task SeverityNoneSilencesConfigRule(string rule, string path, string content, int line, int column)
    {
        await RunConfigAsync(path, content, source: "class C { }", globalConfig: null, Expected(rule, path, line, column));
        await RunConfigAsync(path, content, source: "class C { }", $"is_global = true\ndotnet_diagnostic.{rule}.severity = none\n");
    }

    [Theory]
    [MemberData(nameof(ConfigCases))]
    public async Task AssemblySuppressMessageSilencesConfigRule(string rule, string path, string content, int line, int column)
    {
        await RunConfigAsync(path, content, source: "class C { }", globalConfig: null, Expected(rule, path, line, column));
        var source = $"[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"KeyLint\", \"{rule}\")]\nclass C {{ }}";
        await RunConfigAsync(path, content, source, globalConfig: null);
    }

    [Fact]
    public async Task SeverityNoneSilencesLookupTemplateRule()
    {
        var invalid = new DiagnosticResult(DiagnosticIds.InvalidSecretLookup, DiagnosticSeverity.Warning);
        await RunLookupAsync("is_global = true\nkeylint.secret_lookup = Secrets.Get(name)\n", invalid);
        await RunLookupAsync("is_global = true\nkeylint.secret_lookup = Secrets.Get(name)\ndotnet_diagnostic.KL9002.severity = none\n");
    }

    [Fact]
    public async Task SeverityNoneSilencesRecordedFinding()
    {
        const string update = "is_global = true\nbuild_property.KeyLintUpdateBaseline = true\n";
        var secret = FakeKeys.Make("{30:A-Za-z0-9+/}");
        var source = "class C { string apiSecret = \"" + secret + "\"; }";
        var recorded = new DiagnosticResult(DiagnosticIds.RecordedFinding, DiagnosticSeverity.Info)
            .WithSpan(1, 30, 1, 32 + secret.Length)
            .WithArguments("KL0002", Fingerprint.Of(secret));

        await RunHardcodedAsync(source, update, recorded);
        await RunHardcodedAsync(source, update + "dotnet_diagnostic.KL9006.severity = none\n");
    }

    private static DiagnosticResult Expected(string rule, string path, int line, int start) =>
        new DiagnosticResult(rule, DiagnosticSeverity.Warning)
            .WithLocation(path, line, start);

    private static Task RunCSharpAsync(string source, string? config, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<BotSettingsAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        if (config is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task RunConfigAsync(string path, string content, string source, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add((path, content));
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task RunLookupAsync(string globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<SecretLookupOptionAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task RunHardcodedAsync(string source, string globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<HardcodedSecretAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
