using System;
using System.Diagnostics;
using Xunit;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>
/// Checks that work grows about linearly with input size by running sizes N and 8N. Linear code takes about 8 times
/// as long and allocates about 8 times as much; quadratic code 64 times. Two bounds apply: bytes allocated, which
/// does not depend on the machine, at most <see cref="MaxAllocationRatio"/> times; and time, over the best of three
/// runs after a full garbage collection, at most <see cref="MaxTimeRatio"/> times, generous so that a busy 2-core
/// machine does not fail it.
/// </summary>
internal static class Linearity
{
    /// <summary>How many times larger the second input is.</summary>
    public const int Factor = 8;

    public const double MaxTimeRatio = 24;

    public const double MaxAllocationRatio = 12;

    /// <summary>How many times the time bound is measured before the check fails.</summary>
    public const int MaxTimeAttempts = 3;

    /// <summary>Runs <paramref name="run"/> on inputs built for sizes n and 8n, and fails if the larger one costs too much.</summary>
    public static void AssertLinear<T>(string what, int n, Func<int, T> build, Action<T> run)
    {
        var small = build(n);
        var large = build(Factor * n);
        run(small); // Warm-up: JIT and lazy catalogs are not part of the measurement.
        var (smallTime, smallBytes) = BestOfThree(() => run(small));
        var (largeTime, largeBytes) = BestOfThree(() => run(large));

        var allocationRatio = (double)largeBytes / Math.Max(1024, smallBytes);
        Assert.True(
            allocationRatio <= MaxAllocationRatio,
            $"{what}: size {n} allocated {smallBytes / 1024} KiB, size {Factor * n} allocated {largeBytes / 1024} KiB " +
            $"({allocationRatio:F1} times; linear work allocates about {Factor} times, at most {MaxAllocationRatio} is accepted).");

        // Below a millisecond the timer measures noise; treat the small run as at least that long. Another process can
        // stall one measurement on a busy machine, so a time over the bound is measured again, up to MaxTimeAttempts
        // times in all. Quadratic work stays over the bound on every attempt.
        var timeRatio = largeTime.TotalMilliseconds / Math.Max(1, smallTime.TotalMilliseconds);
        for (var attempt = 1; attempt < MaxTimeAttempts && timeRatio > MaxTimeRatio; attempt++)
        {
            (smallTime, _) = BestOfThree(() => run(small));
            (largeTime, _) = BestOfThree(() => run(large));
            timeRatio = largeTime.TotalMilliseconds / Math.Max(1, smallTime.TotalMilliseconds);
        }

        Assert.True(
            timeRatio <= MaxTimeRatio,
            $"{what}: size {n} took {smallTime.TotalMilliseconds:F1} ms, size {Factor * n} took {largeTime.TotalMilliseconds:F1} ms " +
            $"({timeRatio:F1} times; linear work takes about {Factor} times, at most {MaxTimeRatio} is accepted).");
    }

    /// <summary>Returns the shortest time of three runs and the bytes the first run allocated on this thread.</summary>
    public static (TimeSpan Time, long Bytes) BestOfThree(Action action)
    {
        var best = TimeSpan.MaxValue;
        long bytes = -1;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            if (bytes < 0)
            {
                bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            if (stopwatch.Elapsed < best)
            {
                best = stopwatch.Elapsed;
            }
        }

        return (best, bytes);
    }
}
