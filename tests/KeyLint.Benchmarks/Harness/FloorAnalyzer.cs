using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>
/// An analyzer that registers the same syntax kinds or the same additional-file action as one KeyLint analyzer and
/// does nothing in them: the floor that no analyzer visiting those nodes can beat.
/// </summary>
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    // Roslyn skips an analyzer whose supported diagnostics are all disabled, and an analyzer with none counts as
    // such, so the floor declares one that it never reports.
    private static readonly DiagnosticDescriptor NeverReported = new(
        "FLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private readonly ImmutableArray<SyntaxKind> _kinds;
    private readonly bool _additionalFiles;
    private readonly bool _compilation;

    private FloorAnalyzer(string name, ImmutableArray<SyntaxKind> kinds, bool additionalFiles, bool compilation = false)
    {
        Name = name;
        _kinds = kinds;
        _additionalFiles = additionalFiles;
        _compilation = compilation;
    }

    /// <summary>The floor of <c>HardcodedSecretAnalyzer</c>: every kind of string and the + operator.</summary>
    public static FloorAnalyzer ForHardcodedSecret() => new(
        "HardcodedSecretAnalyzer floor",
        ImmutableArray.Create(
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringExpression,
            SyntaxKind.AddExpression),
        additionalFiles: false);

    /// <summary>The floor of <c>BotSettingsAnalyzer</c>: assignments and initializers.</summary>
    public static FloorAnalyzer ForBotSettings() => new(
        "BotSettingsAnalyzer floor",
        ImmutableArray.Create(SyntaxKind.SimpleAssignmentExpression, SyntaxKind.EqualsValueClause),
        additionalFiles: false);

    /// <summary>The floor of <c>ConfigFileAnalyzer</c>: one call per additional file.</summary>
    public static FloorAnalyzer ForConfigFile() =>
        new("ConfigFileAnalyzer floor", ImmutableArray<SyntaxKind>.Empty, additionalFiles: true);

    /// <summary>
    /// The floor of an analyzer with one compilation action, such as <c>CatalogLoadAnalyzer</c> and
    /// <c>SecretLookupOptionAnalyzer</c>: one call per compilation.
    /// </summary>
    public static FloorAnalyzer ForCompilationAction(string analyzerName) =>
        new(analyzerName + " floor", ImmutableArray<SyntaxKind>.Empty, additionalFiles: false, compilation: true);

    public string Name { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(NeverReported);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        if (!_kinds.IsEmpty)
        {
            context.RegisterSyntaxNodeAction(static _ => { }, _kinds);
        }

        if (_additionalFiles)
        {
            context.RegisterAdditionalFileAction(static _ => { });
        }

        if (_compilation)
        {
            context.RegisterCompilationAction(static _ => { });
        }
    }
}
