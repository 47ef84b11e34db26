using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace KeyLint.Benchmarks.Micro;

/// <summary>
/// Times every pathological case of <see cref="PathologicalBenchmarks"/> at two lengths (1,000 and 100,000
/// characters unless given) with a stopwatch. This takes minutes for the whole catalog, where BenchmarkDotNet would
/// take hours (an estimate: about 740 cases of 10 seconds or more each). Growth is the time ratio divided by the
/// length ratio: 1 for linear time, 100 for quadratic time. The fastest of five rounds counts, which filters out
/// most of the noise of a shared machine.
/// </summary>
public static class LinearityCheck
{
    public static void Run(TextWriter output, int shortLength, int longLength, string? onlyCase)
    {
        output.WriteLine($"| case | Scanner ns/char at {shortLength} | at {longLength} | growth | Pattern ns/char at {shortLength} | at {longLength} | growth |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        var maxGrowth = 0.0;
        var maxCase = string.Empty;
        foreach (var testCase in PathologicalBenchmarks.Cases())
        {
            if (onlyCase is not null && !testCase.StartsWith(onlyCase, StringComparison.Ordinal))
            {
                continue;
            }

            var shortInput = Create(testCase, shortLength);
            var longInput = Create(testCase, longLength);
            var scannerShort = NanosecondsPerCharacter(shortInput, shortInput.Scanner);
            var scannerLong = NanosecondsPerCharacter(longInput, longInput.Scanner);
            var patternShort = NanosecondsPerCharacter(shortInput, shortInput.Pattern);
            var patternLong = NanosecondsPerCharacter(longInput, longInput.Pattern);
            var scannerGrowth = scannerLong / scannerShort;
            var patternGrowth = patternLong / patternShort;
            foreach (var growth in new[] { scannerGrowth, patternGrowth })
            {
                if (growth > maxGrowth)
                {
                    maxGrowth = growth;
                    maxCase = testCase;
                }
            }

            output.WriteLine($"| {testCase} | {Format(scannerShort)} | {Format(scannerLong)} | {Format(scannerGrowth)} | " +
                $"{Format(patternShort)} | {Format(patternLong)} | {Format(patternGrowth)} |");
        }

        output.WriteLine();
        output.WriteLine($"Largest growth: {Format(maxGrowth)} ({maxCase}).");
    }

    private static PathologicalBenchmarks Create(string testCase, int length)
    {
        var benchmark = new PathologicalBenchmarks { Case = testCase, Length = length };
        benchmark.Setup();
        return benchmark;
    }

    // Runs the operation until 20 ms have passed, five times, and returns the fastest round's time per character.
    private static double NanosecondsPerCharacter(ICharacterCount input, Func<bool> operation)
    {
        operation();
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var operations = 0;
            var stopwatch = Stopwatch.StartNew();
            do
            {
                operation();
                operations++;
            }
            while (stopwatch.Elapsed.TotalMilliseconds < 20);

            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds * 1e6 / operations);
        }

        return best / input.CharactersPerOperation;
    }

    private static string Format(double value) => value.ToString(value < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture);
}
