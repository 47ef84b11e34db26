using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>
/// The <see cref="Linearity"/> check for whole analyzer runs, timed by the analyzer driver itself, so that parsing
/// and binding by the compiler do not count.
/// </summary>
internal static class AnalyzerTiming
{
    public static async Task AssertLinearAsync(string what, int n, Func<int, string> buildSource)
    {
        var small = await AnalyzerRun.CompileAsync(buildSource(n));
        var large = await AnalyzerRun.CompileAsync(buildSource(Linearity.Factor * n));
        await AnalyzerRun.RunAsync(small); // Warm-up: JIT, the catalog and the compilation's bound trees.
        await AnalyzerRun.RunAsync(large);
        var smallTime = await BestOfThreeAsync(small);
        var largeTime = await BestOfThreeAsync(large);
        var ratio = largeTime.TotalMilliseconds / Math.Max(1, smallTime.TotalMilliseconds);
        Assert.True(
            ratio <= Linearity.MaxTimeRatio,
            $"{what}: size {n} took {smallTime.TotalMilliseconds:F1} ms in the analyzers, size {Linearity.Factor * n} took " +
            $"{largeTime.TotalMilliseconds:F1} ms ({ratio:F1} times; linear work takes about {Linearity.Factor} times, " +
            $"at most {Linearity.MaxTimeRatio} is accepted).");
    }

    private static async Task<TimeSpan> BestOfThreeAsync(Compilation compilation)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var result = await AnalyzerRun.RunAsync(compilation);
            Assert.Empty(result.Exceptions);
            if (result.AnalyzerTime < best)
            {
                best = result.AnalyzerTime;
            }
        }

        return best;
    }
}
