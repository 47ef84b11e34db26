using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KeyLint.Tests.Support;

/// <summary>
/// Runs the analyzer outside the test harness and checks every diagnostic it reports: neither the message nor a
/// property may contain the string value at the diagnostic's location.
/// </summary>
internal static class SecretLeakCheck
{
    public static async Task AssertNoSecretInDiagnosticsAsync(string source)
    {
        var (compilation, diagnostics) = await DiagnosticRunner.CompileAndAnalyzeAsync(source);
        var tree = compilation.SyntaxTrees.Single();
        foreach (var diagnostic in diagnostics)
        {
            var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var secret = node switch
            {
                LiteralExpressionSyntax literal => literal.Token.ValueText,
                InterpolatedStringTextSyntax text => text.TextToken.ValueText,
                ExpressionSyntax expression => compilation.GetSemanticModel(tree).GetConstantValue(expression).Value as string,
                _ => null,
            };
            Assert.False(string.IsNullOrEmpty(secret), $"{diagnostic.Id} at {diagnostic.Location} is not on a string.");
            var message = diagnostic.GetMessage();
            Assert.DoesNotContain(secret, message);
            Assert.All(diagnostic.Properties.Values, value => Assert.DoesNotContain(secret, value ?? string.Empty));
        }
    }
}
