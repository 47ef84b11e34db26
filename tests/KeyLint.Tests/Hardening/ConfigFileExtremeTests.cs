using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Core.Config;
using KeyLint.Tests.Hardening.Support;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>Huge, deep and oddly encoded additional files through the config-file analyzer.</summary>
[Collection(TimingCollection.Name)]
public class ConfigFileExtremeTests
{
    [Fact]
    public async Task XmlWithCarriageReturnLinesRaisesNoException()
    {
        var xml = "<configuration>\r<appSettings>\r<add key=\"EnableWithdrawals\" value=\"true\"/>\r</appSettings>\r" +
            "</configuration>\n";
        var result = await AnalyzerRun.RunConfigAsync("/bot/web.config", xml);
        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0003");
    }

    [Fact]
    public void XmlSpanAfterCarriageReturnCoversValue()
    {
        var xml = "<configuration>\r<appSettings>\n<add key=\"EnableWithdrawals\" value=\"true\"/>\n</appSettings>\n" +
            "</configuration>\n";
        var entry = XmlConfigReader.Read(xml).Single(e => e.Key == "EnableWithdrawals");
        Assert.Equal("true", xml.Substring(entry.ValueStart, entry.ValueLength));
    }

    [Fact]
    public async Task DotEnvMillionLinesRaisesNoException()
    {
        var secret = FakeKeys.StripeLiveKey;
        var text = CodeGenerators.Repeat(1_000_000, i => i % 100_000 == 0 ? $"STRIPE_KEY_{i}={secret}\n" : $"SETTING_{i}=value\n");
        var result = await AnalyzerRun.RunConfigAsync("/bot/.env", text);
        Assert.Empty(result.Exceptions);
        Assert.Equal(10, result.Diagnostics.Count(diagnostic => diagnostic.Id == "KL0004"));
        SecretAssert.NoSecret(result.Diagnostics, new[] { secret }, ".env");
    }

    [Fact]
    public async Task LargeFilesRaiseNoException()
    {
        // One large file per reader, each a different shape: a single huge line, or many short lines.
        var size = FuzzBudget.LargeFileChars;
        var files = new (string Path, string Text)[]
        {
            ("/bot/appsettings.json", "{\"k\": \"" + new string('a', size) + "\"}"),
            ("/bot/bot.yaml", CodeGenerators.Repeat(size / 16, i => $"k{i % 1000,5}: v{i % 7}\n")),
            ("/bot/exchange.ini", "key = " + new string('=', size)),
            ("/bot/web.config", "<a v=\"" + new string('x', size) + "\"/>"),
            ("/bot/server.pem", "-----BEGIN RSA PRIVATE KEY-----\n" + new string('A', size)),
        };
        foreach (var (path, text) in files)
        {
            var result = await AnalyzerRun.RunConfigAsync(path, text);
            Assert.True(result.Exceptions.Count == 0, $"{path}: {string.Join("\n", result.Exceptions)}");
        }
    }

    [Fact]
    public async Task NestedTenThousandLevelsRaiseNoException()
    {
        const int depth = 10_000;
        var files = new (string Path, string Text)[]
        {
            ("/bot/appsettings.json", CodeGenerators.Repeat(depth, i => $"{{\"withdraw{i}\":") + "true" + new string('}', depth)),
            ("/bot/list.json", new string('[', depth) + "\"withdraw\"" + new string(']', depth)),
            ("/bot/bot.yaml", CodeGenerators.Repeat(depth, i => new string(' ', i) + "permissions:\n") + new string(' ', depth) + "- withdraw\n"),
            ("/bot/flow.yaml", "permissions: " + new string('[', depth) + "withdraw" + new string(']', depth) + "\n"),
            ("/bot/web.config", CodeGenerators.Repeat(depth, i => "<e>") + "text" + CodeGenerators.Repeat(depth, i => "</e>")),
        };
        foreach (var (path, text) in files)
        {
            var result = await AnalyzerRun.RunConfigAsync(path, text);
            Assert.True(result.Exceptions.Count == 0, $"{path}: {string.Join("\n", result.Exceptions)}");
        }
    }

    [Theory]
    [InlineData("/bot/.env")]
    [InlineData("/bot/bot.yaml")]
    [InlineData("/bot/appsettings.json")]
    public async Task CancellationEndsLargeFilePromptly(string path)
    {
        var text = SourceText.From(LargeFile(path));
        var message = string.Empty;

        // Another process can stall either run on a busy machine, so the check gets three attempts. A reader that
        // ignores cancellation runs to the end every time and fails all three.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var full = Stopwatch.StartNew();
            await AnalyzerRun.RunConfigAsync(path, text);
            full.Stop();

            // Cancel a twentieth of the way through; the run must stop well before a full run would end.
            using var cancellation = new CancellationTokenSource(TimeSpan.FromTicks(full.Elapsed.Ticks / 20));
            var cancelled = Stopwatch.StartNew();
            var threw = false;
            try
            {
                await AnalyzerRun.RunConfigAsync(path, text, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                threw = true;
            }

            cancelled.Stop();
            if (threw && cancelled.Elapsed < TimeSpan.FromTicks(full.Elapsed.Ticks / 2))
            {
                return;
            }

            message = $"{path}: a full run took {full.ElapsedMilliseconds} ms, and a run cancelled after " +
                $"{full.ElapsedMilliseconds / 20} ms {(threw ? "still took" : "finished without cancellation in")} " +
                $"{cancelled.ElapsedMilliseconds} ms.";
        }

        Assert.Fail(message);
    }

    private static string LargeFile(string path)
    {
        const int entries = 100_000;
        var secret = FakeKeys.RandomHex;
        return path switch
        {
            "/bot/.env" => CodeGenerators.Repeat(entries, i => $"API_SECRET_{i}={secret}\n"),
            "/bot/bot.yaml" => CodeGenerators.Repeat(entries, i => $"api_secret_{i}: {secret}\n"),
            _ => "{" + CodeGenerators.Repeat(entries, i => $"\"apiSecret{i}\": \"{secret}\",") + "}",
        };
    }
}
