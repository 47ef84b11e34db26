using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>
/// A reference floor for <c>HardcodedSecretAnalyzer</c>: registered on the same syntax kinds as
/// <see cref="FloorAnalyzer.ForHardcodedSecret"/>, it reads the <c>ValueText</c> of each string literal and does
/// nothing else. Interpolated strings and the + operator get an empty callback, as in the floor.
/// </summary>
public sealed class ValueReadingFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor NeverReported = new(
        "VALUEFLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private long _characters;

    public const string Name = "value-reading floor of HardcodedSecretAnalyzer (reference)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(NeverReported);

    /// <summary>
    /// The characters of all literal values read since this instance was created. The sum keeps the JIT from
    /// dropping the read.
    /// </summary>
    public long Characters => Interlocked.Read(ref _characters);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            ReadLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
        context.RegisterSyntaxNodeAction(
            static _ => { }, SyntaxKind.InterpolatedStringExpression, SyntaxKind.AddExpression);
    }

    private void ReadLiteral(SyntaxNodeAnalysisContext context)
    {
        Interlocked.Add(ref _characters, ((LiteralExpressionSyntax)context.Node).Token.ValueText.Length);
    }
}
