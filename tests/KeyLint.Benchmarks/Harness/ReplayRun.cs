using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>
/// Calls the syntax-node callbacks of each analyzer directly, on one thread, over every node of the kinds it
/// registers, and times each pass with the thread's CPU time. It has no driver, and it binds each method body only
/// once, in the first pass, because the semantic models are kept between passes. So it measures the analyzer's own
/// work on a warm compilation, which the driver's wall-clock telemetry cannot separate from the machine's load. It
/// leaves out what the driver adds, such as binding on the first semantic question, reporting a diagnostic, and
/// callbacks of other kinds.
/// </summary>
public sealed class ReplayRun
{
    private readonly CorpusInput _corpus;
    private readonly IReadOnlyList<MeasuredAnalyzer> _analyzers;

    public ReplayRun(CorpusInput corpus, AnalyzerSet analyzers)
    {
        _corpus = corpus;

        // Sonar is left out. An analyzer without nodes to replay, such as the config-file analyzer, is dropped in Run.
        _analyzers = analyzers.Analyzers.Where(measured => measured.Group != AnalyzerGroup.Sonar).ToList();
    }

    /// <summary>Tells whether the pass times are thread CPU time (on Linux) or wall time (elsewhere).</summary>
    public static bool UsesThreadCpuTime => OperatingSystem.IsLinux();

    /// <summary>
    /// Runs <paramref name="warmup"/> unmeasured and <paramref name="passes"/> measured passes of every analyzer,
    /// one analyzer after the other within each pass, writes the table and returns each analyzer's name, median
    /// time per pass in ms, and diagnostics in the last pass.
    /// </summary>
    public IReadOnlyList<(string Name, double MedianMilliseconds, int Diagnostics)> Run(
        int warmup, int passes, TextWriter output, CancellationToken cancellationToken)
    {
        var trees = CompilationRun.Parse(_corpus, cancellationToken);
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            CompilationRun.FrameworkReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var models = trees.Select(tree => compilation.GetSemanticModel(tree)).ToList();
        var options = new AnalyzerOptions(_corpus.AdditionalFiles);

        var replayed = _analyzers
            .Select(measured => new Replayed(measured, compilation, options, trees, models))
            .Where(analyzer => analyzer.NodeCount > 0)
            .ToList();
        var warmupPasses = WarmUp(replayed, warmup, cancellationToken);
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var analyzer in replayed)
            {
                analyzer.RunPass(measured: true, cancellationToken);
            }
        }

        if (replayed.Count == 0)
        {
            output.WriteLine("Replay: no analyzer has syntax nodes to replay in this corpus.");
            return Array.Empty<(string, double, int)>();
        }

        var extra = warmupPasses > warmup ? $" ({warmup} asked for, then until the JIT compiled no method for {QuietJitTime.TotalSeconds:0} s)" : "";
        output.WriteLine($"Replay: {warmupPasses} warm-up{extra} and {passes} measured {(passes == 1 ? "pass" : "passes")}, " +
            $"{(UsesThreadCpuTime ? "thread CPU time" : "wall time")} per pass in ms: median [min-max].");
        output.WriteLine();
        output.WriteLine("| analyzer | nodes per pass | time per pass | above its floor | x its floor | diagnostics per pass | " +
            "allocated per pass (MB) | allocated above its floor (MB) |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var analyzer in replayed)
        {
            var floor = replayed.FirstOrDefault(other => other.Measured == analyzer.Measured.Floor);
            string aboveFloor = "", ratio = "", allocatedAboveFloor = "";
            if (floor is not null)
            {
                var measuredPasses = Enumerable.Range(0, passes).ToList();
                aboveFloor = Spread.Format(measuredPasses.Select(pass => analyzer.Times[pass] - floor.Times[pass]), "0.0");
                ratio = Spread.Format(measuredPasses.Select(pass => analyzer.Times[pass] / floor.Times[pass]), "0.0");
                // The replay allocates for every node it calls, so only a floor over the same nodes cancels that out.
                if (floor.NodeCount == analyzer.NodeCount)
                {
                    allocatedAboveFloor = Spread.Format(measuredPasses.Select(pass => (analyzer.Allocated[pass] - floor.Allocated[pass]) / 1_000_000.0), "0.000");
                }
            }

            output.WriteLine($"| {analyzer.Measured.Name} | {analyzer.NodeCount} | {Spread.Format(analyzer.Times, "0.0")} | {aboveFloor} | {ratio} | " +
                $"{analyzer.LastDiagnostics} | {Spread.Format(analyzer.Allocated.Select(bytes => bytes / 1_000_000.0), "0.000")} | {allocatedAboveFloor} |");
        }

        output.WriteLine();
        output.WriteLine("Above its floor and x its floor: the median of the differences and of the ratios, each taken " +
            "within one pass. The replay's own cost per node (creating the context, calling the delegate) is in every " +
            "analyzer's time and allocation, floors included, so compare the figures above the floor, not the ratios " +
            "to the driver's.");
        return replayed.Select(analyzer => (analyzer.Measured.Name, Spread.Median(analyzer.Times), analyzer.LastDiagnostics)).ToList();
    }

    // Tiered compilation moves the methods that run often to optimized code in the background, some time after they
    // first ran, and a pass then takes about half as long. In one scratch replay that happened at the 23rd pass. The
    // runtime starts counting calls only after a delay since the last method it compiled (the call-counting delay,
    // 100 ms by default in coreclr), so one pass without a compiled method proves nothing when passes are short. After the passes asked for, warm-up goes on until the JIT
    // compiled no method for QuietJitTime of wall time and at least two passes, for at most MaxExtraWarmupPasses
    // more passes.
    private static readonly TimeSpan QuietJitTime = TimeSpan.FromSeconds(1);
    private const int MaxExtraWarmupPasses = 500;

    // Returns the number of warm-up passes run. With none asked for, as in the smoke run, there are none.
    private static int WarmUp(List<Replayed> replayed, int warmup, CancellationToken cancellationToken)
    {
        if (warmup == 0)
        {
            return 0;
        }

        var pass = 0;
        var quietPasses = 0;
        var quiet = Stopwatch.StartNew();
        while (pass < warmup + MaxExtraWarmupPasses)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            foreach (var analyzer in replayed)
            {
                analyzer.RunPass(measured: false, cancellationToken);
            }

            pass++;
            if (JitInfo.GetCompiledMethodCount() != compiled)
            {
                quietPasses = 0;
                quiet.Restart();
            }
            else
            {
                quietPasses++;
            }

            if (pass >= warmup && quietPasses >= 2 && quiet.Elapsed >= QuietJitTime)
            {
                break;
            }
        }

        return pass;
    }

    private static readonly string[] GeneratedFileSuffixes = { ".designer.cs", ".generated.cs", ".g.cs", ".g.i.cs" };

    // Tells whether the whole file is generated code: by the usual generated-file names, or by an <auto-generated>
    // comment before its first token. NOTE: the driver also skips members marked [GeneratedCode] and files that
    // .editorconfig marks generated_code = true, and the replay does not.
    private static bool IsGeneratedFile(SyntaxTree tree)
    {
        var name = Path.GetFileName(tree.FilePath);
        if (name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase) ||
            GeneratedFileSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var trivia in tree.GetRoot().GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                var text = trivia.ToString();
                if (text.Contains("<auto-generated", StringComparison.Ordinal) || text.Contains("<autogenerated", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // One analyzer's callbacks and the nodes they run on, with the figures of its measured passes.
    private sealed class Replayed
    {
        private readonly DiagnosticAnalyzer _analyzer;
        private readonly RecordingContext _recorder = new();
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly List<(SyntaxNode Node, SemanticModel Model)> _nodes = new();
        private readonly Func<Diagnostic, bool> _isSupported = static _ => true;
        private int _diagnostics;

        public Replayed(
            MeasuredAnalyzer measured,
            Compilation compilation,
            AnalyzerOptions options,
            IReadOnlyList<SyntaxTree> trees,
            IReadOnlyList<SemanticModel> models)
        {
            Measured = measured;
            _analyzer = measured.Analyzer;
            _compilation = compilation;
            _options = options;
            _analyzer.Initialize(_recorder);

            // The kinds come from a first compilation start, because KeyLint registers the same kinds in every one.
            var kinds = StartCompilation().Keys.ToHashSet();
            var skipsGeneratedCode = (_recorder.GeneratedCode & GeneratedCodeAnalysisFlags.Analyze) == 0;
            for (var i = 0; i < trees.Count; i++)
            {
                if (skipsGeneratedCode && IsGeneratedFile(trees[i]))
                {
                    continue;
                }

                foreach (var node in trees[i].GetRoot().DescendantNodes())
                {
                    if (kinds.Contains(node.Kind()))
                    {
                        _nodes.Add((node, models[i]));
                    }
                }
            }
        }

        public MeasuredAnalyzer Measured { get; }

        public int NodeCount => _nodes.Count;

        public List<double> Times { get; } = new();

        public List<long> Allocated { get; } = new();

        public int LastDiagnostics { get; private set; }

        /// <summary>Starts a new compilation, as the driver does for each build, then calls every callback once.</summary>
        public void RunPass(bool measured, CancellationToken cancellationToken)
        {
            var actions = StartCompilation();
            var report = new Action<Diagnostic>(_ => _diagnostics++);
            _diagnostics = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = ThreadTime.Now();
            foreach (var (node, model) in _nodes)
            {
                // Roslyn marks this constructor obsolete so that analyzers run through CompilationWithAnalyzers. The
                // replay leaves the driver out on purpose.
#pragma warning disable CS0618
                var context = new SyntaxNodeAnalysisContext(node, null, model, _options, report, _isSupported, cancellationToken);
#pragma warning restore CS0618
                foreach (var action in actions[node.Kind()])
                {
                    action(context);
                }
            }

            var elapsed = ThreadTime.Now() - started;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (measured)
            {
                Times.Add(elapsed.TotalMilliseconds);
                Allocated.Add(allocated);
                LastDiagnostics = _diagnostics;
            }
        }

        private Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> StartCompilation()
        {
            var start = new RecordingStartContext(_compilation, _options);
            foreach (var action in _recorder.StartActions)
            {
                action(start);
            }

            var actions = new Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>>();
            foreach (var (kinds, action) in _recorder.NodeActions.Concat(start.NodeActions))
            {
                foreach (var kind in kinds)
                {
                    if (!actions.TryGetValue(kind, out var list))
                    {
                        actions[kind] = list = new List<Action<SyntaxNodeAnalysisContext>>();
                    }

                    list.Add(action);
                }
            }

            return actions;
        }
    }

    // Records what an analyzer registers in Initialize. Only compilation-start and syntax-node actions are replayed.
    private sealed class RecordingContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

        public List<(ImmutableArray<SyntaxKind> Kinds, Action<SyntaxNodeAnalysisContext> Action)> NodeActions { get; } = new();

        // What the analyzer does with generated code. The driver analyzes it and reports in it when an analyzer
        // configures nothing.
        public GeneratedCodeAnalysisFlags GeneratedCode { get; private set; } =
            GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            NodeActions.Add((syntaxKinds.Select(kind => (SyntaxKind)(object)kind).ToImmutableArray(), action));

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }
    }

    private sealed class RecordingStartContext : CompilationStartAnalysisContext
    {
        public RecordingStartContext(Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None)
        {
        }

        public List<(ImmutableArray<SyntaxKind> Kinds, Action<SyntaxNodeAnalysisContext> Action)> NodeActions { get; } = new();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            NodeActions.Add((syntaxKinds.Select(kind => (SyntaxKind)(object)kind).ToImmutableArray(), action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }
    }

    // The CPU time of the calling thread on Linux (CLOCK_THREAD_CPUTIME_ID), so that time the thread spends waiting
    // for a core does not count. In a virtual machine, time the host takes the virtual CPU away may still count.
    // Elsewhere it falls back to wall time.
    private static class ThreadTime
    {
        private const int ClockThreadCpuTimeId = 3;

        public static TimeSpan Now()
        {
            if (!UsesThreadCpuTime)
            {
                return Stopwatch.GetElapsedTime(0);
            }

            return clock_gettime(ClockThreadCpuTimeId, out var time) == 0
                ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
                : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
