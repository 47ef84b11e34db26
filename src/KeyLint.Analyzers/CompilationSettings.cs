using System;
using System.Collections.Concurrent;
using KeyLint.Core.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers;

/// <summary>
/// KeyLint's settings for one compilation: its key formats, whether it is a test project, and the <c>keylint.*</c> options of each
/// syntax tree, read once per tree on first need.
/// </summary>
internal sealed class CompilationSettings
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly bool _isTestProject;

    // Options differ per file through .editorconfig sections; the cache is per compilation, so it never outlives an edit.
    private readonly ConcurrentDictionary<SyntaxTree, (ScannerOptions Scanner, bool LowerSeverity)> _trees = new();
    private readonly Func<SyntaxTree, (ScannerOptions Scanner, bool LowerSeverity)> _readTree;

    public CompilationSettings(
        Compilation compilation, AnalyzerOptions options, SecretScanner scanner, System.Threading.CancellationToken cancellationToken)
    {
        _provider = options.AnalyzerConfigOptionsProvider;
        _isTestProject = IsTestProject(compilation, _provider.GlobalOptions);
        Scanner = scanner;
        Baseline = BaselineMatcher.Create(compilation, options, cancellationToken);
        _readTree = ReadTree;
    }

    /// <summary>The project's baseline, or null when it has none and is not writing one.</summary>
    public BaselineMatcher? Baseline { get; }

    /// <summary>The scanner over the built-in formats and the project's own, if it has a formats file.</summary>
    public SecretScanner Scanner { get; }

    /// <summary>What target resolution reuses across the strings of this compilation.</summary>
    public ResolverCaches Caches { get; } = new();

    public ScannerOptions ScannerOptions(SyntaxTree tree) => ForTree(tree).Scanner;

    /// <summary>Tells whether KL0001 and KL0002 in this tree are reported as suggestions (test projects).</summary>
    public bool IsLowerSeverity(SyntaxTree tree) => _isTestProject && ForTree(tree).LowerSeverity;

    // Called for every string, so the lookup must not allocate: the factory delegate is created once.
    private (ScannerOptions Scanner, bool LowerSeverity) ForTree(SyntaxTree tree) =>
        _trees.TryGetValue(tree, out var settings) ? settings : _trees.GetOrAdd(tree, _readTree);

    private (ScannerOptions Scanner, bool LowerSeverity) ReadTree(SyntaxTree tree)
    {
        var options = _provider.GetOptions(tree);
        return (KeyLintOptions.ReadScannerOptions(options), !KeyLintOptions.ReportTestProjectsNormally(options));
    }

    // MSBuild sets IsTestProject in test projects (the package makes it visible to analyzers); projects built
    // without it are recognized by their assembly name.
    private static bool IsTestProject(Compilation compilation, AnalyzerConfigOptions globalOptions)
    {
        if (globalOptions.TryGetValue("build_property.IsTestProject", out var value) && value.Length > 0)
        {
            return value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        var name = compilation.AssemblyName ?? string.Empty;
        return name.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".Test", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".UnitTests", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".IntegrationTests", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".Specs", StringComparison.OrdinalIgnoreCase);
    }
}
