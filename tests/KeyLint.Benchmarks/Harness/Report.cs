using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KeyLint.Benchmarks.Harness;

/// <summary>Summarizes repeated runs as Markdown tables: median and spread (min to max) of every figure.</summary>
public sealed class Report
{
    private readonly AnalyzerSet _analyzers;
    private readonly IReadOnlyList<RunResult> _runs;

    public Report(AnalyzerSet analyzers, IReadOnlyList<RunResult> runs)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("A report needs at least one run.", nameof(runs));
        }

        _analyzers = analyzers;
        _runs = runs;
    }

    public RunResult Last => _runs[^1];

    public void WriteTimings(TextWriter output)
    {
        output.WriteLine($"Runs measured: {_runs.Count}. Times in ms: median [min-max].");
        output.WriteLine();
        output.WriteLine("| phase | time |");
        output.WriteLine("| --- | --- |");
        output.WriteLine($"| parse | {Spread(run => run.ParseTime.TotalMilliseconds)} |");
        output.WriteLine($"| bind + emit | {Spread(run => run.BindAndEmitTime.TotalMilliseconds)} |");
        output.WriteLine($"| compilation (parse + bind + emit) | {Spread(run => run.CompilationTime.TotalMilliseconds)} |");
        output.WriteLine($"| compilation, CPU time of all threads | {Spread(run => run.CompilationCpuTime.TotalMilliseconds)} |");
        output.WriteLine($"| analysis wall time (all passes; each binds again) | {Spread(run => run.AnalysisWallTime.TotalMilliseconds)} |");
        output.WriteLine();
        output.WriteLine(
            "| analyzer | execution time | x its floor | % of compilation | diagnostics | exceptions | " +
            "pass allocation (MB) | allocated above its floor (MB) |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var measured in _analyzers.Analyzers)
        {
            var ratio = measured.Floor is { } floor
                ? Spread(run => Ratio(Time(run, measured), Time(run, floor)), "0.0")
                : "";
            output.WriteLine(
                $"| {measured.Name} | {Spread(run => Time(run, measured))} | {ratio} | " +
                $"{Spread(run => 100 * Time(run, measured) / run.CompilationTime.TotalMilliseconds, "0.000")} | " +
                $"{Last.Diagnostics[measured.Analyzer].Length} | {ExceptionCount(measured)} | " +
                $"{AllocationSpread(run => Megabytes(run.PassAllocatedBytes[measured.Analyzer]))} | " +
                $"{AboveFloorSpread(measured)} |");
        }

        output.WriteLine($"| **KeyLint total** | {Spread(run => Total(run, AnalyzerGroup.KeyLint))} | " +
            $"{Spread(run => Ratio(Total(run, AnalyzerGroup.KeyLint), Total(run, AnalyzerGroup.Floor)), "0.0")} | " +
            $"{Spread(run => 100 * Total(run, AnalyzerGroup.KeyLint) / run.CompilationTime.TotalMilliseconds, "0.000")} | " +
            $"{GroupDiagnostics(AnalyzerGroup.KeyLint)} | {GroupExceptions(AnalyzerGroup.KeyLint)} | | " +
            $"{AllocationSpread(run => TotalAboveFloor(run, AnalyzerGroup.KeyLint))} |");
        output.WriteLine($"| floor total | {Spread(run => Total(run, AnalyzerGroup.Floor))} | 1.0 | " +
            $"{Spread(run => 100 * Total(run, AnalyzerGroup.Floor) / run.CompilationTime.TotalMilliseconds, "0.000")} | " +
            $"{GroupDiagnostics(AnalyzerGroup.Floor)} | {GroupExceptions(AnalyzerGroup.Floor)} | | |");
        if (_analyzers.HasSonar)
        {
            output.WriteLine($"| Sonar credential rules total | {Spread(run => Total(run, AnalyzerGroup.Sonar))} | | " +
                $"{Spread(run => 100 * Total(run, AnalyzerGroup.Sonar) / run.CompilationTime.TotalMilliseconds, "0.000")} | " +
                $"{GroupDiagnostics(AnalyzerGroup.Sonar)} | {GroupExceptions(AnalyzerGroup.Sonar)} | | " +
                $"{AllocationSpread(run => TotalAboveFloor(run, AnalyzerGroup.Sonar))} |");
            output.WriteLine();
            output.WriteLine($"Sonar credential rules / KeyLint total: " +
                $"{Spread(run => Ratio(Total(run, AnalyzerGroup.Sonar), Total(run, AnalyzerGroup.KeyLint)), "0.0")}x");
        }

        // The analyzers run on one thread and the compiler on all cores, so the share of its CPU time is the fairer
        // comparison on a machine with more than one.
        output.WriteLine();
        output.WriteLine("KeyLint total, % of the compilation's CPU time: " +
            $"{Spread(run => 100 * Total(run, AnalyzerGroup.KeyLint) / run.CompilationCpuTime.TotalMilliseconds, "0.000")}");
        WriteValueReadingFloorRatios(output);
        output.WriteLine();
        output.WriteLine(
            "Pass allocation: bytes the process allocated while the analyzer ran alone on one thread on a fresh " +
            "compilation, binding included. Allocated above its floor: that pass minus its floor's pass in the same run " +
            "(for Sonar, minus the HardcodedSecretAnalyzer floor's pass). MB are 10^6 bytes.");
        output.WriteLine();
    }

    // The execution-time ratios of KeyLint to the value-reading floor, next to the ratios to the floor above.
    private void WriteValueReadingFloorRatios(TextWriter output)
    {
        var valueFloor = _analyzers.Analyzers.FirstOrDefault(measured => measured.Analyzer is ValueReadingFloorAnalyzer);
        if (valueFloor?.Floor is not { } secretFloor ||
            _analyzers.Analyzers.FirstOrDefault(measured => measured.Floor == secretFloor && measured.Group == AnalyzerGroup.KeyLint) is not { } secret)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{secret.Name} / value-reading floor: " +
            $"{Spread(run => Ratio(Time(run, secret), Time(run, valueFloor)), "0.0")}x");

        // The floor total with the value-reading floor in place of the floor that it extends.
        double FloorTotalWithValueReading(RunResult run) =>
            Total(run, AnalyzerGroup.Floor) - Time(run, secretFloor) + Time(run, valueFloor);
        output.WriteLine("KeyLint total / floor total with the value-reading floor in place of the " +
            $"{secretFloor.Name}: {Spread(run => Ratio(Total(run, AnalyzerGroup.KeyLint), FloorTotalWithValueReading(run)), "0.0")}x");
    }

    /// <summary>Lists KeyLint's diagnostics against the planted leaks: which leaks it found, and what else it reported.</summary>
    public void WriteFindings(TextWriter output, string root, IReadOnlyCollection<string>? plantedFiles)
    {
        var diagnostics = KeyLintDiagnostics().ToList();
        var byId = diagnostics.GroupBy(diagnostic => diagnostic.Id).OrderBy(group => group.Key, StringComparer.Ordinal);
        output.WriteLine("KeyLint diagnostics by id: " + string.Join(", ", byId.Select(group => $"{group.Key} {group.Count()}")));
        if (plantedFiles is null)
        {
            output.WriteLine();
            return;
        }

        var reportedFiles = diagnostics.Select(diagnostic => RelativePath(root, diagnostic)).ToHashSet(StringComparer.Ordinal);
        var found = plantedFiles.Count(reportedFiles.Contains);
        output.WriteLine($"Planted leak files reported: {found} of {plantedFiles.Count}.");
        foreach (var missed in plantedFiles.Where(file => !reportedFiles.Contains(file)))
        {
            output.WriteLine($"  not reported: {missed}");
        }

        var planted = plantedFiles.ToHashSet(StringComparer.Ordinal);
        var elsewhere = diagnostics.Where(diagnostic => !planted.Contains(RelativePath(root, diagnostic))).ToList();
        output.WriteLine($"Diagnostics outside the planted leak files: {elsewhere.Count}.");
        foreach (var diagnostic in elsewhere.Take(10))
        {
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
            output.WriteLine($"  {diagnostic.Id} {RelativePath(root, diagnostic)}:{line}");
        }

        output.WriteLine();
    }

    public int ExceptionCount(AnalyzerGroup group) =>
        _runs.Sum(run => _analyzers.Analyzers.Where(measured => measured.Group == group)
            .Sum(measured => run.Exceptions.TryGetValue(measured.Analyzer, out var list) ? list.Count : 0));

    public IEnumerable<Exception> Exceptions(AnalyzerGroup group) =>
        _runs.SelectMany(run => _analyzers.Analyzers.Where(measured => measured.Group == group)
            .SelectMany(measured => run.Exceptions.TryGetValue(measured.Analyzer, out var list) ? list : Array.Empty<Exception>()));

    public IEnumerable<Diagnostic> KeyLintDiagnostics() =>
        _analyzers.Analyzers.Where(measured => measured.Group == AnalyzerGroup.KeyLint)
            .SelectMany(measured => Last.Diagnostics[measured.Analyzer]);

    public int GroupDiagnostics(AnalyzerGroup group) =>
        _analyzers.Analyzers.Where(measured => measured.Group == group).Sum(measured => Last.Diagnostics[measured.Analyzer].Length);

    private int GroupExceptions(AnalyzerGroup group) => ExceptionCount(group);

    private int ExceptionCount(MeasuredAnalyzer measured) =>
        _runs.Sum(run => run.Exceptions.TryGetValue(measured.Analyzer, out var list) ? list.Count : 0);

    private static string RelativePath(string root, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        return string.IsNullOrEmpty(path) ? "(no file)" : Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    private static double Time(RunResult run, MeasuredAnalyzer measured) => run.ExecutionTimes[measured.Analyzer].TotalMilliseconds;

    private double Total(RunResult run, AnalyzerGroup group) =>
        _analyzers.Analyzers.Where(measured => measured.Group == group).Sum(measured => Time(run, measured));

    private string AboveFloorSpread(MeasuredAnalyzer measured) =>
        _analyzers.AllocationBaseline(measured) is { } baseline
            ? AllocationSpread(run => AboveFloor(run, measured, baseline))
            : "";

    private static double AboveFloor(RunResult run, MeasuredAnalyzer measured, MeasuredAnalyzer baseline) =>
        Megabytes(run.PassAllocatedBytes[measured.Analyzer] - run.PassAllocatedBytes[baseline.Analyzer]);

    private double TotalAboveFloor(RunResult run, AnalyzerGroup group) =>
        _analyzers.Analyzers.Where(measured => measured.Group == group)
            .Sum(measured => AboveFloor(run, measured, _analyzers.AllocationBaseline(measured)!));

    private static double Megabytes(long bytes) => bytes / 1_000_000.0;

    // An empty cell when the runs measured no allocation.
    private string AllocationSpread(Func<RunResult, double> figure) =>
        _runs.All(run => run.PassAllocatedBytes.Count > 0) ? Spread(figure, "0.00") : "";

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;

    private string Spread(Func<RunResult, double> figure, string format = "0.0") =>
        Harness.Spread.Format(_runs.Select(figure), format);
}
