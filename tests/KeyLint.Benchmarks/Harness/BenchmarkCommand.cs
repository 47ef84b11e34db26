using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Benchmarks.Corpus;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>Generates or loads a corpus, runs the measured runs and prints the report.</summary>
public static class BenchmarkCommand
{
    /// <summary>Runs the benchmark and returns the process exit code: 0, or 1 when a KeyLint analyzer threw.</summary>
    public static async Task<int> RunAsync(BenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        WriteMachine(output);
        string root;
        GeneratedCorpus? generated = null;
        string? temporary = null;
        if (options.Corpus is { } corpusFolder)
        {
            root = corpusFolder;
        }
        else
        {
            root = options.Out ?? (temporary = Path.Combine(Path.GetTempPath(), "keylint-corpus-" + Guid.NewGuid().ToString("N")));
            var stopwatch = Stopwatch.StartNew();
            generated = new CorpusGenerator(options.Seed).Generate(root, options.Files);
            output.WriteLine($"Generated {generated.SourceFiles} C# files ({generated.SourceLines} lines), " +
                $"{generated.ConfigFiles} config files and {generated.Leaks.Count} planted leaks from seed {options.Seed} " +
                $"in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        }

        try
        {
            var corpus = CorpusInput.Load(root);
            output.WriteLine($"Corpus: {corpus.Sources.Count} C# files, {corpus.SourceLines} lines, " +
                $"{corpus.SourceChars / 1_000_000.0:0.0} M characters, {corpus.AdditionalFiles.Length} config files.");
            var sonar = ImmutableArray<DiagnosticAnalyzer>.Empty;
            if (options.Sonar && !options.Replay)
            {
                sonar = SonarRules.Load(out var problem);
                output.WriteLine(problem is null
                    ? $"SonarAnalyzer.CSharp 9.32.0.97167: {sonar.Length} analyzers for {string.Join(", ", SonarRules.RuleIds)}."
                    : $"SonarAnalyzer.CSharp left out: {problem}.");
            }

            var analyzers = AnalyzerSet.Create(sonar);
            if (options.Replay)
            {
                new ReplayRun(corpus, analyzers).Run(options.Warmup, options.Runs, output, cancellationToken);
                return 0;
            }

            var run = new CompilationRun(corpus, analyzers, options.Concurrent);
            var runs = new List<RunResult>();
            for (var i = 0; i < options.Warmup + options.Runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var measured = i >= options.Warmup;

                // Warm-up runs skip the allocation passes, since their figures are not reported.
                var result = await run.RunAsync(measureAllocations: measured, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"{(measured ? "Run" : "Warm-up run")} {i + 1} took {stopwatch.Elapsed.TotalSeconds:0.0} s; " +
                    $"compilation {result.CompilationTime.TotalMilliseconds:0} ms, analysis {result.AnalysisWallTime.TotalMilliseconds:0} ms.");
                if (measured)
                {
                    runs.Add(result);
                }
            }

            output.WriteLine();
            var report = new Report(analyzers, runs);
            if (report.Last.CompilerErrors > 0)
            {
                output.WriteLine($"The corpus has {report.Last.CompilerErrors} compiler errors; the first ones:");
                foreach (var error in report.Last.FirstCompilerErrors)
                {
                    output.WriteLine("  " + error);
                }

                output.WriteLine();
            }

            report.WriteTimings(output);
            report.WriteFindings(output, corpus.Root, generated?.Leaks.Select(leak => leak.File).Distinct().ToList());
            if (analyzers.Analyzers.Select(measured => measured.Analyzer).OfType<ScannerProbeAnalyzer>().FirstOrDefault() is { } probe)
            {
                // The probe runs once in every run and once more in the allocation pass of every measured run.
                var passes = options.Warmup + (2 * options.Runs);
                output.WriteLine($"Values of 8 or more characters per run: {probe.Values / passes}; " +
                    $"of these, context candidates (which HardcodedSecretAnalyzer resolves a target for): {probe.ContextCandidates / passes}.");
            }

            var keyLintExceptions = report.ExceptionCount(AnalyzerGroup.KeyLint);
            output.WriteLine($"KeyLint analyzer exceptions: {keyLintExceptions}; KeyLint diagnostics: {report.GroupDiagnostics(AnalyzerGroup.KeyLint)}.");
            foreach (var exception in report.Exceptions(AnalyzerGroup.KeyLint).Take(3))
            {
                output.WriteLine(exception.ToString());
            }

            return keyLintExceptions == 0 ? 0 : 1;
        }
        finally
        {
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static void WriteMachine(TextWriter output)
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        output.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {cpu}, {RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}.");
    }
}
