using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;
using KeyLint.Tests.Hardening.Support;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>
/// A key-format catalog that fails to load must not take every rule down. KL0003 and KL0005 need no catalog and keep
/// running in C# and in config files. The rules that need it go quiet, and one KL9005 per compilation explains why,
/// with no analyzer exception (AD0001).
/// </summary>
public class CatalogFailureTests
{
    private const string InjectedMessage = "Injected catalog failure for a test.";

    private static readonly string StripeKey = FakeKeys.StripeLiveKey;

    // C# with keys (KL0001, KL0002) and bot settings (KL0003, KL0005).
    private static readonly string Source = SampleSources.BotProgram;

    // A config file with a plaintext key (KL0004), a withdrawal switch (KL0003) under a key used as a map key, and an
    // open IP allowlist (KL0005).
    private static readonly string BotJson =
        "{ \"Binance\": { \"ApiSecret\": \"" + StripeKey + "\", \"IpWhitelist\": [\"0.0.0.0/0\"] },\n" +
        "  \"accounts\": { \"" + StripeKey + "\": { \"enableWithdrawals\": true } } }";

    [Fact]
    public async Task InputsTriggerEveryRuleWithCatalog()
    {
        // This control run shows that with the real catalog these inputs produce the rules that the failure run expects
        // to vanish.
        var result = await RunAsync(ScannerLoader.Default);

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.KnownKeyFormat && IsInCSharp(d));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.HighEntropySecret && IsInCSharp(d));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.PlaintextSecretFile && IsInBotJson(d));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.CatalogLoadFailed);
    }

    [Fact]
    public async Task FailedCatalogKeepsSettingRules()
    {
        var result = await RunAsync(new ScannerLoader(() => throw new InvalidOperationException(InjectedMessage)));

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.WithdrawalPermission && IsInCSharp(d));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.OpenIpAllowlist && IsInCSharp(d));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.WithdrawalPermission && IsInBotJson(d));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.OpenIpAllowlist && IsInBotJson(d));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.KnownKeyFormat);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.HighEntropySecret);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.PlaintextSecretFile);
        SecretAssert.NoSecret(result.Diagnostics, CodeGenerators.PlantedSecrets.Append(StripeKey), "failed catalog");

        var failure = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.CatalogLoadFailed);
        Assert.Equal(Location.None, failure.Location);
        var message = failure.GetMessage();
        Assert.Contains("built-in key-format catalog failed to load", message);
        Assert.Contains(typeof(InvalidOperationException).FullName!, message);
        Assert.Contains(InjectedMessage, message);
        Assert.Contains("KL0003 and KL0005 still run", message);
    }

    [Fact]
    public async Task CatalogWithInvalidFormatIsReported()
    {
        var broken = KeyFormatCatalog.Parse("{ \"formats\": [ { \"id\": \"broken-format\" } ] }");
        var catalog = KeyFormatCatalog.Combine(KeyFormatCatalog.BuiltIn, broken);
        var result = await RunAsync(new ScannerLoader(() => new SecretScanner(catalog)));

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.KnownKeyFormat);
        var failure = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.CatalogLoadFailed);
        Assert.Contains("left out 1 invalid format(s)", failure.GetMessage());
        Assert.Contains("broken-format", failure.GetMessage());
    }

    [Fact]
    public async Task UnreadableFormatsFileKeepsBuiltInFormats()
    {
        var formatsFile = new UnreadableText("/bot/" + CustomFormats.FileName);
        var result = await RunAsync(ScannerLoader.Default, formatsFile);

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.KnownKeyFormat && IsInCSharp(d));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.PlaintextSecretFile && IsInBotJson(d));
        var failure = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.CatalogLoadFailed);
        Assert.Contains(CustomFormats.FileName + " failed to load", failure.GetMessage());
        Assert.Contains(typeof(IOException).FullName!, failure.GetMessage());
    }

    private static Task<AnalyzerRunResult> RunAsync(ScannerLoader loader, params AdditionalText[] extraFiles)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new HardcodedSecretAnalyzer(loader),
            new BotSettingsAnalyzer(),
            new ConfigFileAnalyzer(loader),
            new CatalogLoadAnalyzer(loader));
        var files = new List<AdditionalText> { new InMemoryAdditionalText("/bot/bot.json", SourceText.From(BotJson)) };
        files.AddRange(extraFiles);
        return AnalyzerRun.RunAsync(Source, files, analyzers);
    }

    private static bool IsInCSharp(Diagnostic diagnostic) => diagnostic.Location.IsInSource;

    private static bool IsInBotJson(Diagnostic diagnostic) =>
        diagnostic.Location.Kind == LocationKind.ExternalFile && diagnostic.Location.GetLineSpan().Path == "/bot/bot.json";

    /// <summary>An additional file whose text cannot be read, as when the file is locked or deleted during a build.</summary>
    private sealed class UnreadableText : AdditionalText
    {
        public UnreadableText(string path)
        {
            Path = path;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            throw new IOException("The file is locked by another process.");
    }
}
