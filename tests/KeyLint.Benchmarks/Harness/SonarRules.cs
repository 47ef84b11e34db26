using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>
/// Loads the credential rules of SonarAnalyzer.CSharp 9.32.0.97167 (LGPL-3.0) from the package folder that restore
/// filled, the way a build loads an analyzer assembly. Only the analyzers that report one of <see cref="RuleIds"/>
/// take part.
/// </summary>
public static class SonarRules
{
    /// <summary>
    /// S2068 hard-coded credentials, a security hotspot that SonarAnalyzer runs only when its SonarLint.xml lists it.
    /// Version 9.32 has no S6418 (hard-coded secrets), and its S6781 (JWT secret keys) runs inside the symbolic
    /// execution engine together with 14 unrelated rules, so neither takes part.
    /// </summary>
    public static readonly ImmutableArray<string> RuleIds = ImmutableArray.Create("S2068");

    /// <summary>The SonarLint.xml additional file that turns the rules on, with SonarAnalyzer's default parameters.</summary>
    public static AdditionalText ConfigurationFile(string folder)
    {
        var rules = string.Concat(RuleIds.Select(id => $"    <Rule><Key>{id}</Key></Rule>\n"));
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AnalysisInput>\n  <Settings />\n  <Rules>\n" + rules +
            "  </Rules>\n  <Files />\n</AnalysisInput>\n";
        return new CorpusInput.FileText(Path.Combine(folder, "SonarLint.xml"), xml);
    }

    /// <summary>
    /// Loads the analyzers, or returns an empty list and the reason when the package is not restored or does not load.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> Load(out string? problem)
    {
        problem = null;
        var packageFolder = typeof(SonarRules).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "SonarAnalyzerPath")?.Value;
        if (string.IsNullOrEmpty(packageFolder))
        {
            problem = "the SonarAnalyzer.CSharp package path is missing from the build";
            return ImmutableArray<DiagnosticAnalyzer>.Empty;
        }

        var analyzerFolder = Path.Combine(packageFolder, "analyzers");
        var assemblyPath = Path.Combine(analyzerFolder, "SonarAnalyzer.CSharp.dll");
        if (!File.Exists(assemblyPath))
        {
            problem = $"'{assemblyPath}' was not found; restore the benchmark project";
            return ImmutableArray<DiagnosticAnalyzer>.Empty;
        }

        var loader = new FolderLoader(analyzerFolder);
        var reference = new AnalyzerFileReference(assemblyPath, loader);
        var failures = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => failures.Add(e.Message);
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp)
            .Where(analyzer => analyzer.SupportedDiagnostics.Any(descriptor => RuleIds.Contains(descriptor.Id)))
            .ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            problem = failures.Count > 0
                ? "SonarAnalyzer.CSharp failed to load: " + string.Join("; ", failures)
                : "SonarAnalyzer.CSharp has no analyzer for " + string.Join(", ", RuleIds);
        }

        return analyzers;
    }

    /// <summary>Turns the rules on in the compilation, since SonarAnalyzer ships hotspot rules disabled.</summary>
    public static ImmutableDictionary<string, ReportDiagnostic> DiagnosticOptions() =>
        RuleIds.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

    // Loads the analyzer assembly and the assemblies beside it (SonarAnalyzer.dll, Google.Protobuf.dll, ...) into
    // the default context, which already contains this process's Roslyn.
    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly string _folder;

        public FolderLoader(string folder)
        {
            _folder = folder;
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                var candidate = Path.Combine(_folder, name.Name + ".dll");
                return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
            };
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
