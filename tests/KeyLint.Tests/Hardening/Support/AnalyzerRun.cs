using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>What one analyzer run produced: diagnostics, analyzer exceptions, and the analyzers' own execution time.</summary>
internal sealed record AnalyzerRunResult(
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyList<string> Exceptions,
    TimeSpan AnalyzerTime);

/// <summary>
/// Runs KeyLint's analyzers through <see cref="CompilationWithAnalyzers"/> with concurrent execution, collects every
/// analyzer exception (what a build reports as AD0001), and measures the time spent inside the analyzers only.
/// </summary>
internal static class AnalyzerRun
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References =
        new(() => ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new HardcodedSecretAnalyzer(), new BotSettingsAnalyzer(), new ConfigFileAnalyzer(), new CatalogLoadAnalyzer());

    public static async Task<CSharpCompilation> CompileAsync(params string[] sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, options, path: $"/src/File{i}.cs"));
        return CSharpCompilation.Create(
            "Hardening",
            trees,
            await References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static async Task<AnalyzerRunResult> RunAsync(
        string source,
        IEnumerable<AdditionalText>? additionalFiles = null,
        ImmutableArray<DiagnosticAnalyzer> analyzers = default,
        CancellationToken cancellationToken = default)
    {
        var compilation = await CompileAsync(source);
        return await RunAsync(compilation, additionalFiles, analyzers, cancellationToken);
    }

    public static async Task<AnalyzerRunResult> RunAsync(
        Compilation compilation,
        IEnumerable<AdditionalText>? additionalFiles = null,
        ImmutableArray<DiagnosticAnalyzer> analyzers = default,
        CancellationToken cancellationToken = default)
    {
        analyzers = analyzers.IsDefault ? AllAnalyzers() : analyzers;
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles?.ToImmutableArray() ?? ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        var time = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            time += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken)).ExecutionTime;
        }

        // AD0001 is how the driver reports an exception when no callback takes it; count those too.
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(diagnostic.ToString());
        }

        return new AnalyzerRunResult(diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToArray(), time);
    }

    /// <summary>Runs only the config-file analyzer over one additional file next to an empty class.</summary>
    public static Task<AnalyzerRunResult> RunConfigAsync(
        string path, Microsoft.CodeAnalysis.Text.SourceText text, CancellationToken cancellationToken = default)
    {
        return RunAsync(
            "class Program { }",
            new[] { new InMemoryAdditionalText(path, text) },
            ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()),
            cancellationToken);
    }

    public static Task<AnalyzerRunResult> RunConfigAsync(string path, string text, CancellationToken cancellationToken = default) =>
        RunConfigAsync(path, Microsoft.CodeAnalysis.Text.SourceText.From(text), cancellationToken);
}
