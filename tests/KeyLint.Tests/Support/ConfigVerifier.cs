using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests.Support;

/// <summary>Runs <see cref="ConfigFileAnalyzer"/> over one additional file whose diagnostics are marked with spans.</summary>
internal static class ConfigVerifier
{
    public static Task VerifyAsync(string path, string markup, string? editorConfig = null, string? globalConfig = null)
    {
        var test = new CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
        {
            TestCode = "class Program { }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add((path, markup));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        return test.RunAsync();
    }
}
