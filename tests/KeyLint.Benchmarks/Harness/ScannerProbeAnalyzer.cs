using System.Collections.Immutable;
using KeyLint.Core.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>
/// Runs only the value checks of <c>HardcodedSecretAnalyzer</c> on every string literal and interpolated text
/// (<see cref="SecretScanner.TryMatchFormat"/> and <see cref="SecretScanner.IsContextCandidate"/>), with no semantic
/// model and no target resolution. Its time against the real analyzer's splits the cost into the detection core and
/// the rest: the semantic model, target resolution and reporting.
/// </summary>
public sealed class ScannerProbeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor NeverReported = new(
        "PROBE0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(NeverReported);

    /// <summary>How many values passed <see cref="SecretScanner.IsContextCandidate"/> in the last analysis.</summary>
    public int ContextCandidates;

    /// <summary>How many values of at least <see cref="SecretScanner.MinCandidateLength"/> characters the probe saw.</summary>
    public int Values;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInterpolatedString, SyntaxKind.InterpolatedStringExpression);
    }

    private void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        Check(((LiteralExpressionSyntax)context.Node).Token.ValueText);
    }

    private void AnalyzeInterpolatedString(SyntaxNodeAnalysisContext context)
    {
        foreach (var content in ((InterpolatedStringExpressionSyntax)context.Node).Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                Check(text.TextToken.ValueText);
            }
        }
    }

    private void Check(string value)
    {
        if (value.Length < SecretScanner.MinCandidateLength)
        {
            return;
        }

        System.Threading.Interlocked.Increment(ref Values);
        SecretScanner.Default.TryMatchFormat(value, out _);
        if (SecretScanner.IsContextCandidate(value))
        {
            System.Threading.Interlocked.Increment(ref ContextCandidates);
        }
    }
}
