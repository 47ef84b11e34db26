using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Core.Baseline;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KeyLint.Tests.Baseline;

/// <summary>
/// The baseline file accepts listed findings, reports entries that match nothing, and is written from KL9006 notes in
/// update mode. Sources are at /0/Test0.cs and the baseline at /0/keylint.baseline.json, as the harness places them.
/// </summary>
public class BaselineAnalyzerTests
{
    private const string BaselinePath = "/0/keylint.baseline.json";

    private static readonly string Key = FakeKeys.AwsAccessKeyId;
    private static readonly string OtherKey = FakeKeys.StripeLiveKey;
    private static readonly string Secret = FakeKeys.Make("{30:A-Za-z0-9+/}");

    [Fact]
    public Task ListedFindingIsNotReported()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string k = \"" + Key + "\"; }",
            Baseline(("KL0001", "Test0.cs", Fingerprint.Of(Key))));
        return test.RunAsync();
    }

    [Fact]
    public Task OtherSecretOnSameLineIsReported()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string a = \"" + Key + "\"; string b = {|KL0001:\"" + OtherKey + "\"|}; }",
            Baseline(("KL0001", "Test0.cs", Fingerprint.Of(Key))));
        return test.RunAsync();
    }

    [Fact]
    public Task SameSecretInOtherFileIsReported()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string k = {|KL0001:\"" + Key + "\"|}; }",
            Baseline(("KL0001", "Other.cs", Fingerprint.Of(Key))));
        test.ExpectedDiagnostics.Add(Stale(3, "KL0001", "Other.cs"));
        return test.RunAsync();
    }

    [Fact]
    public Task EntryOfOtherRuleDoesNotMatch()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string k = {|KL0001:\"" + Key + "\"|}; }",
            Baseline(("KL0002", "Test0.cs", Fingerprint.Of(Key))));
        test.ExpectedDiagnostics.Add(Stale(3, "KL0002", "Test0.cs"));
        return test.RunAsync();
    }

    [Fact]
    public Task HighEntropySecretIsAccepted()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string apiSecret = \"" + Secret + "\"; }",
            Baseline(("KL0002", "Test0.cs", Fingerprint.Of(Secret))));
        return test.RunAsync();
    }

    [Fact]
    public Task StaleEntryIsReportedAtEntry()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string k = System.Environment.GetEnvironmentVariable(\"AWS_KEY\"); }",
            Baseline(("KL0001", "Test0.cs", Fingerprint.Of(Key)), ("KL0002", "Test0.cs", Fingerprint.Of(Secret))));
        test.ExpectedDiagnostics.Add(Stale(3, "KL0001", "Test0.cs"));
        test.ExpectedDiagnostics.Add(Stale(4, "KL0002", "Test0.cs"));
        return test.RunAsync();
    }

    [Fact]
    public Task OneEntryAcceptsRepeatedSecret()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string a = \"" + Key + "\"; string b = \"" + Key + "\"; }",
            Baseline(("KL0001", "Test0.cs", Fingerprint.Of(Key))));
        return test.RunAsync();
    }

    [Fact]
    public Task CSharpSettingIsAccepted()
    {
        var test = CSharpTest<BotSettingsAnalyzer>(
            "class S { public bool EnableWithdrawals { get; set; } = true; public bool IpRestrict { get; set; } = {|KL0005:false|}; }",
            Baseline(
                ("KL0003", "Test0.cs", Fingerprint.OfSetting("EnableWithdrawals", "true")),
                ("KL0003", "Old.cs", Fingerprint.OfSetting("EnableWithdrawals", "true")),
                ("KL0001", "Gone.cs", Fingerprint.Of(Key))));

        // The KL0001 entry belongs to HardcodedSecretAnalyzer, which does not run here.
        test.ExpectedDiagnostics.Add(Stale(4, "KL0003", "Old.cs"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConfigFileFindingsAreAccepted()
    {
        var appsettings = "{\n  \"Binance\": {\n    \"ApiSecret\": \"" + FakeKeys.ExchangeSecret + "\",\n" +
            "    \"EnableWithdrawals\": true,\n    \"IpWhitelist\": [ {|KL0005:\"0.0.0.0/0\"|} ]\n  }\n}\n";
        var test = ConfigTest(
            "/0/appsettings.json",
            appsettings,
            Baseline(
                ("KL0004", "appsettings.json", Fingerprint.Of(SecretIn(appsettings))),
                ("KL0003", "appsettings.json", Fingerprint.OfSetting("Binance:EnableWithdrawals", "true")),
                ("KL0004", "secrets.json", Fingerprint.Of(Key)),
                ("KL0001", "Test0.cs", Fingerprint.Of(Key))));
        test.ExpectedDiagnostics.Add(Stale(5, "KL0004", "secrets.json"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnknownRuleEntryIsStale()
    {
        var test = ConfigTest(
            "/0/appsettings.json",
            "{ }",
            Baseline(("KL0042", "Test0.cs", Fingerprint.Of(Key)), ("KL0003", "Test0.cs", Fingerprint.Of(Key))));

        // The KL0003 entry of a C# file belongs to BotSettingsAnalyzer, which does not run here.
        test.ExpectedDiagnostics.Add(Stale(3, "KL0042", "Test0.cs"));
        return test.RunAsync();
    }

    [Fact]
    public Task StaleEntryHidesTypedKey()
    {
        var test = ConfigTest(
            "/0/appsettings.json",
            "{ }",
            Baseline((Key, "Test0.cs", Fingerprint.Of(Key)), ("KL0004", "Test0.cs#" + OtherKey, Fingerprint.Of(Key))));
        test.ExpectedDiagnostics.Add(Stale(3, "an unknown rule", "Test0.cs"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.StaleBaselineEntry, DiagnosticSeverity.Warning)
            .WithSpan(BaselinePath, 4, 5, 4, 6));
        return test.RunAsync();
    }

    [Fact]
    public async Task StaleMessageShowsNoWholeKey()
    {
        var baseline = Baseline((OtherKey, "Test0.cs", Fingerprint.Of(Key)), ("KL0004", "Test0.cs#" + OtherKey, Fingerprint.Of(Key)));
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }", path: "/0/Test0.cs");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Run", new[] { tree });
        var options = new AnalyzerOptions(
            System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryText(BaselinePath, baseline)),
            new GlobalOptionsProvider(new System.Collections.Generic.Dictionary<string, string>()));

        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal(2, diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal(DiagnosticIds.StaleBaselineEntry, diagnostic.Id);
            Assert.DoesNotContain(OtherKey, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public Task SettingEntryOfCompiledFileBelongsToCSharp()
    {
        // A KL0003 entry of a compiled file that is not named .cs, and a rule id in lower case, both still match.
        var test = CSharpTest<BotSettingsAnalyzer>("class S { public bool EnableWithdrawals { get; set; } = true; }", baseline: null);
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/Bot.settings.csx", "class S { public bool EnableWithdrawals { get; set; } = true; }"));
        test.TestState.AdditionalFiles.Add((BaselinePath, Baseline(("kl0003", "bot.SETTINGS.csx", Fingerprint.OfSetting("EnableWithdrawals", "true")))));
        return test.RunAsync();
    }

    [Fact]
    public Task MarkedFileIsBaseline()
    {
        // The package marks the baseline with item metadata, which survives a '#' in its path.
        var test = CSharpTest<HardcodedSecretAnalyzer>("class C { string k = \"" + Key + "\"; }", baseline: null);
        test.TestState.AdditionalFiles.Add(("/0/accepted.json", Baseline(("KL0001", "Test0.cs", Fingerprint.Of(Key)))));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig",
            "root = true\n\n[/0/accepted.json]\nbuild_metadata.AdditionalFiles.KeyLintBaseline = true\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig",
            "is_global = true\nbuild_property.KeyLintBaselineFile = /tmp/C\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task InvalidJsonIsReported()
    {
        var test = ConfigTest("/0/appsettings.json", "{ }", "{ \"findings\": [ ");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.InvalidBaseline, DiagnosticSeverity.Warning)
            .WithSpan(BaselinePath, 1, 17, 1, 17));
        return test.RunAsync();
    }

    [Fact]
    public Task InvalidEntryLeavesOthersWorking()
    {
        var baseline = "{ \"findings\": [\n  { \"rule\": \"KL0001\", \"path\": \"Test0.cs\" },\n" +
            "  { \"rule\": \"KL0001\", \"path\": \"Test0.cs\", \"fingerprint\": \"" + Fingerprint.Of(Key) + "\" }\n] }\n";
        var test = new CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add((BaselinePath, baseline));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.InvalidBaseline, DiagnosticSeverity.Warning)
            .WithSpan(BaselinePath, 2, 3, 2, 4)
            .WithArguments("Finding #1 needs the string properties rule, path and fingerprint"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConfiguredFileNameIsUsed()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>("class C { string k = \"" + Key + "\"; }", baseline: null);
        test.TestState.AdditionalFiles.Add(("/0/ci/accepted-leaks.json", Baseline(("KL0001", "../Test0.cs", Fingerprint.Of(Key)))));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig",
            "is_global = true\nbuild_property.KeyLintBaselineFile = /0/ci/accepted-leaks.json\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task UpdateModeRecordsFindings()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string k = \"" + Key + "\"; }",
            Baseline(("KL0001", "Gone.cs", Fingerprint.Of(Key))));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", UpdateModeConfig));

        // The old entry is neither applied nor reported as stale: the new file replaces it.
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.RecordedFinding, DiagnosticSeverity.Info)
            .WithSpan(1, 22, 1, 22 + Key.Length + 2)
            .WithArguments("KL0001", Fingerprint.Of(Key)));
        return test.RunAsync();
    }

    [Fact]
    public async Task UpdateModeEntryProperty()
    {
        var test = CSharpTest<BotSettingsAnalyzer>("class S { public bool EnableWithdrawals = true; }", baseline: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", UpdateModeConfig));
        var fingerprint = Fingerprint.OfSetting("EnableWithdrawals", "true");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.RecordedFinding, DiagnosticSeverity.Info)
            .WithSpan(1, 43, 1, 47)
            .WithArguments("KL0003", fingerprint));
        await test.RunAsync();

        var diagnostics = await CompileWithUpdateModeAsync("class S { public bool EnableWithdrawals = true; }", new BotSettingsAnalyzer());
        var recorded = Assert.Single(diagnostics);
        // The full path: the MSBuild target makes it relative to the baseline's folder.
        Assert.Equal("KL0003|/0/Test0.cs|" + fingerprint, recorded.Properties["KeyLint.BaselineEntry"]);
    }

    [Fact]
    public Task UpdateModeSkipsDisabledRule()
    {
        var test = CSharpTest<HardcodedSecretAnalyzer>(
            "class C { string k = \"" + Key + "\"; string apiSecret = \"" + Secret + "\"; }",
            baseline: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", UpdateModeConfig));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0001.severity = none\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.RecordedFinding, DiagnosticSeverity.Info)
            .WithSpan(1, 45 + Key.Length, 1, 45 + Key.Length + Secret.Length + 2)
            .WithArguments("KL0002", Fingerprint.Of(Secret)));
        return test.RunAsync();
    }

    [Fact]
    public async Task FindingCarriesFingerprint()
    {
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync("class C { string k = \"" + Key + "\"; }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Fingerprint.Of(Key), diagnostic.Properties[FixProperties.Fingerprint]);
    }

    private const string UpdateModeConfig =
        "is_global = true\nbuild_property.KeyLintUpdateBaseline = true\nbuild_property.KeyLintBaselineFile = " + BaselinePath + "\n";

    private static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> CSharpTest<TAnalyzer>(string source, string? baseline)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        if (baseline is not null)
        {
            test.TestState.AdditionalFiles.Add((BaselinePath, baseline));
        }

        return test;
    }

    private static CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier> ConfigTest(string path, string markup, string baseline)
    {
        var test = new CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add((path, markup));
        test.TestState.AdditionalFiles.Add((BaselinePath, baseline));
        return test;
    }

    // One entry a line, from line 3 on, so that a stale entry's line is its index plus 3.
    private static string Baseline(params (string Rule, string Path, string Fingerprint)[] entries)
    {
        var text = new System.Text.StringBuilder("{\n  \"findings\": [\n");
        for (var i = 0; i < entries.Length; i++)
        {
            var (rule, path, fingerprint) = entries[i];
            text.Append("    { \"rule\": \"").Append(rule).Append("\", \"path\": \"").Append(path)
                .Append("\", \"fingerprint\": \"").Append(fingerprint).Append("\" }")
                .Append(i + 1 < entries.Length ? ",\n" : "\n");
        }

        return text.Append("  ]\n}\n").ToString();
    }

    private static DiagnosticResult Stale(int line, string rule, string path)
    {
        return new DiagnosticResult(DiagnosticIds.StaleBaselineEntry, DiagnosticSeverity.Warning)
            .WithSpan(BaselinePath, line, 5, line, 6)
            .WithArguments(rule, path);
    }

    private static string SecretIn(string appsettings)
    {
        var start = appsettings.IndexOf("\"ApiSecret\": \"", System.StringComparison.Ordinal) + "\"ApiSecret\": \"".Length;
        return appsettings.Substring(start, appsettings.IndexOf('"', start) - start);
    }

    private static async Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> CompileWithUpdateModeAsync(
        string source, DiagnosticAnalyzer analyzer)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs");
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, default);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Run", new[] { tree }, references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(
            System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty,
            new GlobalOptionsProvider(new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.KeyLintUpdateBaseline"] = "true",
                ["build_property.KeyLintBaselineFile"] = BaselinePath,
            }));
        return await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create(analyzer), options)
            .GetAnalyzerDiagnosticsAsync();
    }

    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global;

        public GlobalOptionsProvider(System.Collections.Generic.Dictionary<string, string> global)
        {
            _global = new DictionaryOptions(global);
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly System.Collections.Generic.Dictionary<string, string> _values;

        public DictionaryOptions(System.Collections.Generic.Dictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly string _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(_text);
    }
}
