using System;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Tests.Hardening.Support;
using KeyLint.Tests.Support;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>Extreme C# shapes: huge literals, long concatenations, deep nesting, and files of many literals.</summary>
[Collection(TimingCollection.Name)]
public class CSharpExtremeTests
{
    private static readonly string Secret = FakeKeys.StripeLiveKey;

    [Fact]
    public async Task TenMegabyteLiteralIsScanned()
    {
        var filler = new string('A', 5 * 1024 * 1024);
        var source = $"class C {{ string apiKey = \"{filler}/{Secret}/{filler}\"; }}";
        var result = await AssertCleanAsync(source);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0001");
    }

    [Fact]
    public async Task TenThousandTermConcatenationIsAnalyzed()
    {
        var terms = CodeGenerators.Repeat(10_000, i => $"\"t{i:D5}\" + ");
        var source = $"class C {{ const string ApiSecret = {terms}\"{Secret}\"; }}";
        var result = await AssertCleanAsync(source);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0001");
    }

    [Fact]
    public async Task FiveThousandNestedParenthesesAreAnalyzed()
    {
        const int depth = 5_000;
        var source = $"class C {{ string apiKey = {new string('(', depth)}\"{Secret}\"{new string(')', depth)}; }}";
        await AssertCleanAsync(source);
    }

    // The compiler, not KeyLint, limits this shape. Its time to bind interpolated strings nested in holes roughly
    // doubles per level, with no analyzer at all. Compiling one field took 1.4 s at depth 20, 5.4 s at 22
    // and 13 s at 24 with Microsoft.CodeAnalysis.CSharp 4.8.0, the version these tests use. The csc of the .NET SDK
    // 10.0.401 (Roslyn 5.9.0) took 2.9 s, 4.0 s, 16 s and 86 s at depths 20, 22, 24 and 26, and parsing alone did not
    // end within 2 minutes at depth 5,000. KeyLint's analyzers spent under 1 ms at every depth up to 24 once warm.
    // Measured on a 2-core machine shared with other builds. The test uses a depth the compiler binds in milliseconds.
    [Fact]
    public async Task TwelveNestedInterpolationsAreAnalyzed()
    {
        const int depth = 12;
        var open = CodeGenerators.Repeat(depth, _ => "$\"x{");
        var close = CodeGenerators.Repeat(depth, _ => "}\"");
        var source = $"class C {{ string apiKey = {open}\"{Secret}\"{close}; }}";
        var result = await AssertCleanAsync(source);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0001");
    }

    [Fact]
    public async Task HundredThousandLiteralsAreAnalyzed()
    {
        // 100,000 literals take about 15 s here, so the default run uses a fifth of them.
        var literals = CodeGenerators.Repeat(FuzzBudget.Scale > 1 ? 100_000 : 20_000, i => $"\"v{i:D6}-{FakeKeys.RandomHex.Substring(0, 12)}\",\n");
        var source = $"class C {{ string[] apiSecrets = {{ {literals} \"{Secret}\" }}; }}";
        var result = await AssertCleanAsync(source);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "KL0001");
    }

    [Fact]
    public async Task LiteralCountScalesLinearly()
    {
        await AnalyzerTiming.AssertLinearAsync(
            "secret-named fields, one literal each",
            500,
            n => $"class C {{ {CodeGenerators.Repeat(n, i => $"string apiSecret{i} = \"{FakeKeys.RandomHex}{i}\";\n")} }}");
    }

    [Fact]
    public async Task ConcatenationLengthScalesLinearly()
    {
        await AnalyzerTiming.AssertLinearAsync(
            "concatenation terms",
            500,
            n => $"class C {{ const string ApiSecret = {CodeGenerators.Repeat(n, i => $"\"t{i:D5}\" + ")}\"{Secret}\"; }}");
    }

    [Fact]
    public async Task DoublyParenthesizedConcatenationScalesLinearly()
    {
        await AnalyzerTiming.AssertLinearAsync(
            "right-nested concatenation in double parentheses",
            150,
            n => $"class C {{ const string ApiSecret = {CodeGenerators.Repeat(n, i => $"\"t{i:D5}\" + ((")}\"x\"{new string(')', 2 * n)}; }}");
    }

    [Fact]
    public async Task TextAroundKeyScalesLinearly()
    {
        // Before the fix may keep the text around a key, the analyzer checks that text, here many words in front of it.
        await AnalyzerTiming.AssertLinearAsync(
            "words of text in front of a key in one literal",
            2_000,
            n => $"class C {{ string M() => \"{CodeGenerators.Repeat(n, i => $"w{i % 7} ")}key={FakeKeys.AwsAccessKeyId} end\"; }}");
    }

    [Fact]
    public async Task NestedConditionalScalesLinearly()
    {
        await AnalyzerTiming.AssertLinearAsync(
            "nested conditional with a secret in every branch",
            200,
            n => $"class C {{ string M(int k) {{ string apiSecret = {CodeGenerators.Repeat(n, i => $"k == {i} ? \"{FakeKeys.RandomHex}{i}\" : ")}\"\"; return apiSecret; }} }}");
    }

    private static async Task<AnalyzerRunResult> AssertCleanAsync(string source)
    {
        var result = await AnalyzerRun.RunAsync(source);
        Assert.True(result.Exceptions.Count == 0, string.Join("\n", result.Exceptions.Select(e => e.Length > 2000 ? e.Substring(0, 2000) : e)));
        SecretAssert.NoPlantedSecret(result.Diagnostics, "source");
        return result;
    }
}
