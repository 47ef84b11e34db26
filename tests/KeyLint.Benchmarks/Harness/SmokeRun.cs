using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Benchmarks.Corpus;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>
/// Checks that the harness still works, on a small generated code base and one run: the code base compiles, every
/// analyzer runs without an exception, KeyLint reports the planted leaks, the floor reports nothing, and each
/// analyzer other than Sonar's has an execution time and an allocation count. One replay pass then checks that
/// the replay runs too. It checks no time and no allocation size.
/// </summary>
public static class SmokeRun
{
    public const int Files = 60;

    /// <summary>Runs the check and returns what failed; an empty list means the harness works.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(TextWriter output, bool includeSonar, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var root = Path.Combine(Path.GetTempPath(), "keylint-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            var generated = new CorpusGenerator(seed: 7).Generate(root, Files);
            var corpus = CorpusInput.Load(root);
            var sonar = ImmutableArray<DiagnosticAnalyzer>.Empty;
            if (includeSonar)
            {
                sonar = SonarRules.Load(out var problem);
                if (problem is not null)
                {
                    output.WriteLine($"SonarAnalyzer.CSharp left out: {problem}.");
                }
            }

            var analyzers = AnalyzerSet.Create(sonar);
            var result = await new CompilationRun(corpus, analyzers, concurrentAnalysis: true).RunAsync(measureAllocations: true, cancellationToken).ConfigureAwait(false);
            var report = new Report(analyzers, new[] { result });
            report.WriteTimings(output);
            report.WriteFindings(output, corpus.Root, generated.Leaks.Select(leak => leak.File).Distinct().ToList());

            if (corpus.Sources.Count != Files)
            {
                failures.Add($"expected {Files} C# files in the generated code base, found {corpus.Sources.Count}");
            }

            if (result.CompilerErrors > 0)
            {
                failures.Add($"the generated code base has {result.CompilerErrors} compiler errors: " + string.Join(" | ", result.FirstCompilerErrors));
            }

            foreach (var group in new[] { AnalyzerGroup.Floor, AnalyzerGroup.KeyLint, AnalyzerGroup.Sonar })
            {
                foreach (var exception in report.Exceptions(group).Take(3))
                {
                    failures.Add($"a {group} analyzer threw {exception.GetType().Name}: {exception.Message}");
                }
            }

            if (report.GroupDiagnostics(AnalyzerGroup.Floor) != 0)
            {
                failures.Add("the floor analyzers reported diagnostics");
            }

            var reported = report.KeyLintDiagnostics()
                .Select(diagnostic => Path.GetRelativePath(corpus.Root, diagnostic.Location.GetLineSpan().Path).Replace('\\', '/'))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var leak in generated.Leaks.Where(leak => !reported.Contains(leak.File)))
            {
                failures.Add($"KeyLint reported nothing in {leak.File}, which holds a planted leak: {leak.Description}");
            }

            foreach (var measured in analyzers.Analyzers.Where(measured => measured.Group != AnalyzerGroup.Sonar))
            {
                if (!result.ExecutionTimes.ContainsKey(measured.Analyzer))
                {
                    failures.Add($"no execution time was recorded for {measured.Name}");
                }

                if (!result.PassAllocatedBytes.TryGetValue(measured.Analyzer, out var allocated) || allocated <= 0)
                {
                    failures.Add($"no allocation was recorded for {measured.Name}");
                }
            }

            // One replay pass: every replayed analyzer runs, and HardcodedSecretAnalyzer reports the planted strings.
            var replay = new ReplayRun(corpus, analyzers).Run(warmup: 0, passes: 1, output, cancellationToken);
            if (!replay.Any(analyzer => analyzer.Name == nameof(KeyLint.Analyzers.HardcodedSecretAnalyzer) && analyzer.Diagnostics > 0))
            {
                failures.Add("the replay of HardcodedSecretAnalyzer reported nothing");
            }

            foreach (var analyzer in replay.Where(analyzer => analyzer.MedianMilliseconds <= 0))
            {
                failures.Add($"the replay recorded no time for {analyzer.Name}");
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return failures;
    }
}
