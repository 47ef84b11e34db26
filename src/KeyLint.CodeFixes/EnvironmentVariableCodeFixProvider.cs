using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.CodeFixes;

/// <summary>
/// Replaces a hardcoded key (KL0001, KL0002) with <c>Environment.GetEnvironmentVariable("NAME")</c>, where the
/// analyzer chose <c>NAME</c>. The fix is not offered where C# requires a constant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnvironmentVariableCodeFixProvider)), Shared]
public sealed class EnvironmentVariableCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of every action this provider registers, whatever the variable name.</summary>
    public const string EquivalenceKey = "KeyLint.ReadFromEnvironmentVariable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.KnownKeyFormat, DiagnosticIds.HighEntropySecret);

    /// <summary>
    /// Returns a Fix All provider that ignores the equivalence key and fixes every fixable diagnostic it is given.
    /// </summary>
    /// <remarks>
    /// <c>dotnet format analyzers</c> (SolutionCodeFixApplier in dotnet/sdk) calls <see cref="RegisterCodeFixesAsync"/>
    /// for the first diagnostic of an id only, and passes the equivalence key of the action registered there, or
    /// null when none was, into Fix All in Solution scope. <see cref="WellKnownFixAllProviders.BatchFixer"/> keeps
    /// only actions whose key equals that one, so an unfixable leak (an attribute argument) met first would stop
    /// every other fix of the id. <see cref="FixAllProvider.Create(System.Func{FixAllContext, Document, ImmutableArray{Diagnostic}, Task{Document}})"/>
    /// builds a document-based provider that never reads the key: it hands each document's diagnostics to
    /// <see cref="SecretRewriter.FixAsync"/>, which skips the unfixable ones itself.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (fixAllContext, document, diagnostics) =>
        {
            var fixedDocument = await SecretRewriter.FixAsync(document, diagnostics, fixAllContext.CancellationToken)
                .ConfigureAwait(false);
            return fixedDocument == document ? null : fixedDocument;
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var replacement = await SecretReplacementPlanner
                .PlanAsync(document, root, model, diagnostic, context.CancellationToken)
                .ConfigureAwait(false);
            if (replacement is null)
            {
                continue;
            }

            var fixedDiagnostic = diagnostic;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read '{replacement.VariableName}' from an environment variable",
                    cancellationToken => SecretRewriter.FixAsync(document, ImmutableArray.Create(fixedDiagnostic), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
