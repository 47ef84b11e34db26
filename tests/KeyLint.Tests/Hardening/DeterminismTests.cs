using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Tests.Hardening.Support;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>
/// The same compilation analyzed again and again, concurrently, yields the same diagnostics, in the same order once
/// sorted by location as the compiler prints them.
/// </summary>
public class DeterminismTests
{
    private const int Runs = 10;

    [Fact]
    public async Task RepeatedConcurrentRunsAgree()
    {
        var sources = Enumerable.Range(0, 8)
            .Select(i => SampleSources.BotProgram.Replace("namespace Bot;", $"namespace Bot{i};"))
            .Concat(CodeGenerators.Sample(CodeGenerators.HalfTypedCSharp(), 4, size: 60, seedOffset: 10))
            .ToArray();
        var compilation = await AnalyzerRun.CompileAsync(sources);
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText("/bot/appsettings.json", SourceText.From(
                "{ \"Binance\": { \"ApiSecret\": \"" + FakeKeys.ExchangeSecret + "\", \"EnableWithdrawals\": true } }")),
            new InMemoryAdditionalText("/bot/bot.yaml", SourceText.From(
                "exchange:\n  permissions: [trade, withdraw]\n  ipWhitelist: []\n  token: " + FakeKeys.RandomHex + "\n")),
            new InMemoryAdditionalText("/bot/.env", SourceText.From("STRIPE_KEY=" + FakeKeys.StripeLiveKey + "\n")),
        };

        string[]? first = null;
        for (var run = 0; run < Runs; run++)
        {
            var result = await AnalyzerRun.RunAsync(compilation, files);
            Assert.Empty(result.Exceptions);
            var listed = Describe(result.Diagnostics);
            Assert.NotEmpty(listed);
            if (first is null)
            {
                first = listed;
                continue;
            }

            Assert.Equal(first, listed);
        }
    }

    [Fact]
    public async Task FreshCompilationsAgree()
    {
        string[]? first = null;
        for (var run = 0; run < Runs; run++)
        {
            var result = await AnalyzerRun.RunAsync(SampleSources.BotProgram);
            var listed = Describe(result.Diagnostics);
            first ??= listed;
            Assert.Equal(first, listed);
        }
    }

    // CompilationWithAnalyzers lists diagnostics in the order concurrent callbacks finish. The compiler sorts them by
    // location before it prints them, so the sorted list is what users see and what must not change.
    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} " +
                string.Join(";", d.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")))
            .ToArray();
}
