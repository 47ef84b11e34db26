using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests.Support;

/// <summary>Compiles one source file against .NET 8 and returns KeyLint's diagnostics in source order.</summary>
internal static class DiagnosticRunner
{
    public static async Task<Diagnostic[]> GetDiagnosticsAsync(string source)
    {
        var (_, diagnostics) = await CompileAndAnalyzeAsync(source);
        return diagnostics;
    }

    /// <summary>Compiles <paramref name="source"/> and runs the hardcoded-secret analyzer over it.</summary>
    public static async Task<(CSharpCompilation Compilation, Diagnostic[] Diagnostics)> CompileAndAnalyzeAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, default);
        var compilation = CSharpCompilation.Create(
            "Run",
            new[] { tree },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return (compilation, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray());
    }
}
