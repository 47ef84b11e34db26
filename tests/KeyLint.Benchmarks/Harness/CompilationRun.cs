using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>What one run measured: the compiler's own phases, and per analyzer its time, diagnostics and exceptions.</summary>
public sealed class RunResult
{
    public TimeSpan ParseTime { get; init; }

    /// <summary>Binding with all compiler diagnostics, then emitting the assembly to memory.</summary>
    public TimeSpan BindAndEmitTime { get; init; }

    public TimeSpan CompilationTime => ParseTime + BindAndEmitTime;

    /// <summary>
    /// CPU time of the whole process, all threads, during parsing, binding and emitting. The compiler binds on every
    /// core, so this is larger than <see cref="CompilationTime"/> on a machine with more than one.
    /// </summary>
    public TimeSpan CompilationCpuTime { get; init; }

    /// <summary>
    /// Wall time of <c>GetAnalysisResultAsync</c> summed over the passes; each pass binds the compilation again.
    /// </summary>
    public TimeSpan AnalysisWallTime { get; init; }

    public int CompilerErrors { get; init; }

    public IReadOnlyList<string> FirstCompilerErrors { get; init; } = Array.Empty<string>();

    public IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> ExecutionTimes { get; init; } = new Dictionary<DiagnosticAnalyzer, TimeSpan>();

    public IReadOnlyDictionary<DiagnosticAnalyzer, ImmutableArray<Diagnostic>> Diagnostics { get; init; } =
        new Dictionary<DiagnosticAnalyzer, ImmutableArray<Diagnostic>>();

    public IReadOnlyDictionary<DiagnosticAnalyzer, IReadOnlyList<Exception>> Exceptions { get; init; } =
        new Dictionary<DiagnosticAnalyzer, IReadOnlyList<Exception>>();

    /// <summary>
    /// Bytes allocated by the process during each analyzer's pass alone on a fresh compilation, binding included.
    /// The dictionary is empty when the run measured no allocation.
    /// </summary>
    public IReadOnlyDictionary<DiagnosticAnalyzer, long> PassAllocatedBytes { get; init; } = new Dictionary<DiagnosticAnalyzer, long>();
}

/// <summary>
/// Compiles a corpus the way <c>csc</c> does (parse, bind, emit) and then runs a set of analyzers over it with
/// <see cref="CompilationWithAnalyzers"/> and execution-time telemetry.
/// </summary>
public sealed class CompilationRun
{
    /// <summary>The implementation assemblies of the running .NET, loaded once.</summary>
    internal static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    private readonly CorpusInput _corpus;
    private readonly AnalyzerSet _analyzers;
    private readonly ImmutableArray<AdditionalText> _additionalFiles;
    private readonly bool _concurrentAnalysis;

    public CompilationRun(CorpusInput corpus, AnalyzerSet analyzers, bool concurrentAnalysis)
    {
        _corpus = corpus;
        _analyzers = analyzers;
        _concurrentAnalysis = concurrentAnalysis;
        _additionalFiles = analyzers.HasSonar
            ? corpus.AdditionalFiles.Add(SonarRules.ConfigurationFile(corpus.Root))
            : corpus.AdditionalFiles;
    }

    /// <summary>
    /// Compiles the corpus, runs the analyzer passes with execution-time telemetry and, when
    /// <paramref name="measureAllocations"/> is set, then runs each analyzer alone to count its allocation.
    /// </summary>
    public async Task<RunResult> RunAsync(bool measureAllocations, CancellationToken cancellationToken)
    {
        CollectGarbage();
        var process = Process.GetCurrentProcess();
        var parseCpuStart = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var trees = Parse(_corpus, cancellationToken);
        var parseTime = stopwatch.Elapsed;
        process.Refresh();
        var parseCpuTime = process.TotalProcessorTime - parseCpuStart;

        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: true)
            .WithSpecificDiagnosticOptions(SonarRules.DiagnosticOptions());
        var compilation = CSharpCompilation.Create("Corpus", trees, FrameworkReferences.Value, options);
        CollectGarbage();
        process.Refresh();
        var bindCpuStart = process.TotalProcessorTime;
        stopwatch.Restart();
        var compilerDiagnostics = compilation.GetDiagnostics(cancellationToken);
        using (var peStream = new MemoryStream())
        {
            compilation.Emit(peStream, cancellationToken: cancellationToken);
        }

        var bindAndEmitTime = stopwatch.Elapsed;
        process.Refresh();
        var compilationCpuTime = parseCpuTime + (process.TotalProcessorTime - bindCpuStart);
        var errors = compilerDiagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();

        var exceptions = new ConcurrentDictionary<DiagnosticAnalyzer, ConcurrentQueue<Exception>>();
        var executionTimes = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        var diagnostics = new Dictionary<DiagnosticAnalyzer, ImmutableArray<Diagnostic>>();
        var analysisWallTime = TimeSpan.Zero;
        foreach (var pass in _analyzers.Passes())
        {
            // A fresh compilation, so the analyzers pay for their own semantic questions as they do in a build.
            var analyzed = CSharpCompilation.Create("Corpus", trees, FrameworkReferences.Value, options);
            var withAnalyzers = analyzed.WithAnalyzers(
                pass,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(_additionalFiles),
                    (exception, analyzer, _) => exceptions.GetOrAdd(analyzer, _ => new ConcurrentQueue<Exception>()).Enqueue(exception),
                    concurrentAnalysis: _concurrentAnalysis,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));
            CollectGarbage();
            stopwatch.Restart();
            var result = await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
            analysisWallTime += stopwatch.Elapsed;
            foreach (var analyzer in pass)
            {
                executionTimes[analyzer] = result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var info) ? info.ExecutionTime : TimeSpan.Zero;
            }

            foreach (var (analyzer, found) in CollectDiagnostics(result, pass))
            {
                diagnostics[analyzer] = found;
            }
        }

        var passAllocatedBytes = measureAllocations
            ? await MeasureAllocationsAsync(trees, options, cancellationToken).ConfigureAwait(false)
            : new Dictionary<DiagnosticAnalyzer, long>();

        return new RunResult
        {
            ParseTime = parseTime,
            BindAndEmitTime = bindAndEmitTime,
            CompilationCpuTime = compilationCpuTime,
            AnalysisWallTime = analysisWallTime,
            CompilerErrors = errors.Count,
            FirstCompilerErrors = errors.Take(5).Select(error => error.ToString()).ToList(),
            ExecutionTimes = executionTimes,
            Diagnostics = diagnostics,
            Exceptions = exceptions.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<Exception>)pair.Value.ToList()),
            PassAllocatedBytes = passAllocatedBytes,
        };
    }

    /// <summary>
    /// Runs each analyzer alone on a fresh compilation, binding and analysis on one thread, and counts the bytes
    /// the process allocates during <c>GetAnalysisResultAsync</c>. Every pass binds the whole compilation again, so
    /// the analyzer's own allocation is its pass minus its floor's pass. Unlike the execution time, the count does
    /// not depend on the machine's load, but it includes whatever other threads of this process allocate meanwhile.
    /// NOTE: passes that do the same work still differed by up to 1.6 MB out of about 1,514 MB on the default
    /// 2,200-file corpus in three runs, for a reason not yet found, so smaller differences are noise.
    /// </summary>
    private async Task<Dictionary<DiagnosticAnalyzer, long>> MeasureAllocationsAsync(
        IReadOnlyList<SyntaxTree> trees, CSharpCompilationOptions options, CancellationToken cancellationToken)
    {
        var allocated = new Dictionary<DiagnosticAnalyzer, long>();

        // Binding runs on one thread too, so that the count does not depend on how concurrent binding splits the
        // work between threads.
        var sequentialOptions = options.WithConcurrentBuild(false);
        foreach (var measured in _analyzers.Analyzers)
        {
            var withAnalyzers = CSharpCompilation.Create("Corpus", trees, FrameworkReferences.Value, sequentialOptions).WithAnalyzers(
                ImmutableArray.Create(measured.Analyzer),
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(_additionalFiles),
                    onAnalyzerException: null,
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            CollectGarbage();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
            allocated[measured.Analyzer] = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        return allocated;
    }

    /// <summary>Parses the corpus's C# files as C# 12, the language version every run compiles with.</summary>
    internal static List<SyntaxTree> Parse(CorpusInput corpus, CancellationToken cancellationToken)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        return corpus.Sources
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path, cancellationToken))
            .ToList();
    }

    private static Dictionary<DiagnosticAnalyzer, ImmutableArray<Diagnostic>> CollectDiagnostics(
        AnalysisResult result, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var byAnalyzer = analyzers.ToDictionary(analyzer => analyzer, _ => ImmutableArray.CreateBuilder<Diagnostic>());
        void Add(DiagnosticAnalyzer analyzer, ImmutableArray<Diagnostic> diagnostics)
        {
            if (byAnalyzer.TryGetValue(analyzer, out var builder))
            {
                builder.AddRange(diagnostics);
            }
        }

        foreach (var perTree in result.SyntaxDiagnostics.Values.Concat(result.SemanticDiagnostics.Values))
        {
            foreach (var (analyzer, diagnostics) in perTree)
            {
                Add(analyzer, diagnostics);
            }
        }

        foreach (var perFile in result.AdditionalFileDiagnostics.Values)
        {
            foreach (var (analyzer, diagnostics) in perFile)
            {
                Add(analyzer, diagnostics);
            }
        }

        foreach (var (analyzer, diagnostics) in result.CompilationDiagnostics)
        {
            Add(analyzer, diagnostics);
        }

        return byAnalyzer.ToDictionary(pair => pair.Key, pair => pair.Value.ToImmutable());
    }

    // The implementation assemblies of the running .NET. A net10.0 project compiles against reference assemblies
    // with the same public surface.
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
