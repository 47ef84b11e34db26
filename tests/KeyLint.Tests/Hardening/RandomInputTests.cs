using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FsCheck.Fluent;
using KeyLint.Core.Config;
using KeyLint.Tests.Hardening.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>
/// Seeded random inputs: no analyzer exception, and no diagnostic that repeats a planted fake key whole. Set
/// KEYLINT_FUZZ_SCALE to run more cases; a failure message names the case, which the same seed reproduces.
/// </summary>
public class RandomInputTests
{
    private static readonly string[] ConfigPaths =
    {
        "/bot/appsettings.json", "/bot/bot.yaml", "/bot/.env", "/bot/prod.env", "/bot/exchange.ini", "/bot/web.config",
        "/bot/app.config", "/bot/id_rsa", "/bot/server.pem", "/bot/private.key",
    };

    [Fact]
    public async Task HalfTypedCSharpRaisesNoException()
    {
        var sources = CodeGenerators.Sample(CodeGenerators.HalfTypedCSharp(), FuzzBudget.Cases(30), size: 60);
        await AssertCleanAsync(sources);
    }

    [Fact]
    public async Task TruncatedSampleRaisesNoException()
    {
        var sources = CodeGenerators.Sample(CodeGenerators.TruncatedSample(), FuzzBudget.Cases(30), size: 100, seedOffset: 1);
        await AssertCleanAsync(sources);
    }

    [Fact]
    public async Task RandomUnicodeRaisesNoException()
    {
        var sources = CodeGenerators.Sample(CodeGenerators.RandomUnicode(300), FuzzBudget.Cases(10), size: 1, seedOffset: 2)
            .Select(noise => SampleSources.BotProgram.Insert(SampleSources.BotProgram.Length / 2, noise))
            .ToArray();
        await AssertCleanAsync(sources);
    }

    [Fact]
    public void ConfigReadersAcceptRandomText()
    {
        var texts = CodeGenerators.Sample(CodeGenerators.ConfigLikeText(), FuzzBudget.Cases(400), size: 40, seedOffset: 3);
        foreach (var text in texts)
        {
            foreach (ConfigFileKind kind in Enum.GetValues(typeof(ConfigFileKind)))
            {
                foreach (var entry in ReadOrFail(kind, text))
                {
                    Assert.InRange(entry.ValueStart, 0, text.Length);
                    Assert.InRange(entry.ValueStart + entry.ValueLength, entry.ValueStart, text.Length);
                }
            }
        }
    }

    [Fact]
    public async Task ConfigAnalyzerAcceptsRandomText()
    {
        var result = await AnalyzerRun.RunAsync("class Program { }", RandomConfigFiles());
        Assert.True(result.Exceptions.Count == 0, string.Join("\n", result.Exceptions));
    }

    [Fact]
    public async Task ConfigAnalyzerRandomTextShowsNoSecret()
    {
        var result = await AnalyzerRun.RunAsync("class Program { }", RandomConfigFiles());
        SecretAssert.NoPlantedSecret(result.Diagnostics, "random config text");
    }

    [Fact]
    public async Task ConfigAnalyzerAcceptsRandomBytes()
    {
        // Bytes as they come off the disk, decoded the ways a host may decode them: UTF-8 with replacement characters,
        // UTF-16 either way round, and Latin-1.
        var blobs = CodeGenerators.Sample(CodeGenerators.RandomBytes(4000), FuzzBudget.Cases(20), size: 1, seedOffset: 5);
        var encodings = new Encoding[] { new UTF8Encoding(false), Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.Latin1 };
        var files = new List<AdditionalText>();
        for (var i = 0; i < blobs.Length; i++)
        {
            foreach (var encoding in encodings)
            {
                var text = SourceText.From(new MemoryStream(blobs[i]), encoding, throwIfBinaryDetected: false);
                files.AddRange(ConfigPaths.Select(path => new InMemoryAdditionalText($"/bytes{i}/{encoding.WebName}{path}", text)));
            }
        }

        await AssertCleanAsync(files.ToArray());
    }

    [Fact]
    public async Task ConfigAnalyzerAcceptsUnicodeEncodings()
    {
        var json = "{ \"Binance\": { \"ApiSecret\": \"" + CodeGenerators.PlantedSecrets[2] + "\", \"EnableWithdrawals\": true } }";
        var variants = new (string Name, byte[] Bytes)[]
        {
            ("utf16-bom", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(json)).ToArray()),
            ("utf16-no-bom", Encoding.Unicode.GetBytes(json)),
            ("utf16be-bom", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(json)).ToArray()),
            ("utf8-bom", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray()),
            ("utf8-invalid", Encoding.UTF8.GetBytes(json).Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 }).ToArray()),
        };
        foreach (var (name, bytes) in variants)
        {
            // SourceText.From picks the encoding from a BOM and falls back to UTF-8, as the compiler does.
            var text = SourceText.From(new MemoryStream(bytes), encoding: null, throwIfBinaryDetected: false);
            var result = await AnalyzerRun.RunConfigAsync($"/{name}/appsettings.json", text);
            Assert.True(result.Exceptions.Count == 0, $"{name}: {string.Join("\n", result.Exceptions)}");
            SecretAssert.NoPlantedSecret(result.Diagnostics, name);
        }
    }

    private static AdditionalText[] RandomConfigFiles()
    {
        var texts = CodeGenerators.Sample(CodeGenerators.ConfigLikeText(), FuzzBudget.Cases(40), size: 40, seedOffset: 4);
        return texts.SelectMany((text, i) => ConfigPaths.Select(path =>
            (AdditionalText)new InMemoryAdditionalText($"/case{i}{path}", SourceText.From(text)))).ToArray();
    }

    private static List<ConfigEntry> ReadOrFail(ConfigFileKind kind, string text)
    {
        try
        {
            return ConfigFileReader.Read(kind, text);
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"{kind} reader threw on {Escape(text)}:\n{exception}");
        }
    }

    private static async Task AssertCleanAsync(IReadOnlyList<string> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            var result = await AnalyzerRun.RunAsync(sources[i]);
            Assert.True(
                result.Exceptions.Count == 0,
                $"Case {i} threw:\n{string.Join("\n", result.Exceptions)}\nSource: {Escape(sources[i])}");
            SecretAssert.NoPlantedSecret(result.Diagnostics, $"case {i}");
        }
    }

    private static async Task AssertCleanAsync(AdditionalText[] files)
    {
        var result = await AnalyzerRun.RunAsync("class Program { }", files);
        Assert.True(result.Exceptions.Count == 0, string.Join("\n", result.Exceptions));
        SecretAssert.NoPlantedSecret(result.Diagnostics, "additional files");
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 4000 ? text.Substring(0, 4000) : text)
        {
            builder.Append(c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }
}
