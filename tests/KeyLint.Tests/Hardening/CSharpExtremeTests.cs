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

    // NOTE: cause not isolated. The test host ended without a result here even with no analyzer (compile only),
    // at depths 50 to 5,000, so the compiler's handling of the shape is suspect before KeyLint's.
    [Fact(Skip = "The test host ends without a result on nested interpolations, also when only compiling.")]
    public async Task FiveThousandNestedInterpolationsAreAnalyzed()
    {
        const int depth = 5_000;
        var open = CodeGenerators.Repeat(depth, _ => "$\"x{");
        var close = CodeGenerators.Repeat(depth, _ => "}\"");
        var source = $"class C {{ string apiKey = {open}\"{Secret}\"{close}; }}";
        await AssertCleanAsync(source);
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
