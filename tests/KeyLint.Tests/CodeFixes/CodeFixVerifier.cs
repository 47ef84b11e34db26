using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests.CodeFixes;

/// <summary>
/// Runs the analyzer and the fixer over C# sources with markup spans (<c>{|KL0001:...|}</c>)
/// against .NET 8 references with nullable reference types enabled.
/// </summary>
/// <remarks>
/// Compiler warnings count, so a fixed source that compiles with a new nullable warning fails the test. The harness
/// applies the fix one diagnostic at a time and through Fix All in document, project and solution scope, and
/// checks each result.
/// </remarks>
internal static class CodeFixVerifier
{
    /// <summary>Checks that fixing every marked diagnostic of <paramref name="source"/> gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource) => Create(source, fixedSource).RunAsync();

    /// <summary>Checks that the marked diagnostics stay and that no fix is offered for any of them.</summary>
    public static Task VerifyNoFixAsync(string source) => Create(source, source).RunAsync();

    public static Test Create(string source, string fixedSource) => new()
    {
        TestCode = source,
        FixedCode = fixedSource,
    };

    /// <summary>
    /// Creates a test whose <c>[*.cs]</c> section of <c>/.editorconfig</c> contains <paramref name="editorConfig"/>, and
    /// whose project also contains <paramref name="supportSources"/>, which the fix leaves unchanged.
    /// </summary>
    public static Test Create(string source, string fixedSource, string editorConfig, params string[] supportSources)
    {
        var test = new Test();
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(fixedSource);
        foreach (var support in supportSources)
        {
            test.TestState.Sources.Add(support);
            test.FixedState.Sources.Add(support);
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        return test;
    }

    /// <summary>
    /// Minimal <c>IConfiguration</c>, <c>IConfigurationSection</c> and <c>IConfigurationRoot</c> with the indexer of
    /// Microsoft.Extensions.Configuration.Abstractions, so tests need no package.
    /// </summary>
    public const string ConfigurationTypes = """
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; set; }
            }

            public interface IConfigurationSection : IConfiguration
            {
                string Key { get; }
            }

            public interface IConfigurationRoot : IConfiguration
            {
            }
        }
        """;

    public sealed class Test : CSharpCodeFixTest<HardcodedSecretAnalyzer, HardcodedSecretCodeFixProvider, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            CompilerDiagnostics = CompilerDiagnostics.Warnings;

            // Fixed sources default to MarkupMode.IgnoreFixable, which would drop the markup of leaks left unfixed.
            FixedState.MarkupHandling = MarkupMode.Allow;

            // Values that are assigned and never read, and public members without documentation, are normal in
            // these small sources.
            DisabledDiagnostics.AddRange(new[] { "CS0169", "CS0219", "CS0414", "CS1591" });
            SolutionTransforms.Add((solution, _) =>
            {
                foreach (var project in solution.Projects)
                {
                    var options = (CSharpCompilationOptions)project.CompilationOptions!;
                    solution = solution.WithProjectCompilationOptions(
                        project.Id, options.WithNullableContextOptions(NullableContextOptions.Enable));
                }

                return solution;
            });
        }
    }
}
