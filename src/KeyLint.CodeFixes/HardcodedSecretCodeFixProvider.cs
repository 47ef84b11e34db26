using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.CodeFixes;

/// <summary>
/// Replaces a hardcoded key (KL0001, KL0002) with a read from the team's secret provider
/// (<c>keylint.secret_lookup</c>), an environment variable, or an <c>IConfiguration</c> in scope. No fix is offered
/// where C# requires a constant, nor anywhere in a file whose <c>keylint.secret_lookup</c> is invalid (KL9002).
/// </summary>
/// <remarks>
/// <para>
/// Which fix <c>dotnet format analyzers</c> applies is fixed by the order of the actions: it takes the equivalence
/// key of the first action registered for the first diagnostic it meets, or null when none was. The first action is
/// always the default source: the secret provider where <c>keylint.secret_lookup</c> is set, else the environment
/// variable. The configuration read is never first, because whether an <c>IConfiguration</c> is in scope differs
/// from one key to the next, so dotnet format never applies it.
/// </para>
/// <para>
/// All three fixes live in one provider because dotnet format runs every provider of an id, one after another, on
/// the diagnostics it computed before the first one ran (AnalyzerFormatter in dotnet/sdk).
/// </para>
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedSecretCodeFixProvider)), Shared]
public sealed class HardcodedSecretCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the environment-variable fix, whatever the variable name.</summary>
    public const string EnvironmentVariableKey = "KeyLint.ReadFromEnvironmentVariable";

    /// <summary>The equivalence key of the configuration fix, whatever the key and the receiver.</summary>
    public const string ConfigurationKey = "KeyLint.ReadFromConfiguration";

    /// <summary>The equivalence key of the secret-provider fix, whatever the name.</summary>
    public const string SecretProviderKey = "KeyLint.ReadFromSecretProvider";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.KnownKeyFormat, DiagnosticIds.HighEntropySecret);

    /// <summary>
    /// Returns a Fix All provider that fixes every fixable diagnostic it is given, reading each secret from the source
    /// that the equivalence key and each document's options select.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <c>dotnet format analyzers</c> (SolutionCodeFixApplier in dotnet/sdk) calls <see cref="RegisterCodeFixesAsync"/>
    /// for the first diagnostic of an id only, and passes the equivalence key of the action registered there, or
    /// null when none was, into Fix All in Solution scope. <see cref="WellKnownFixAllProviders.BatchFixer"/> keeps
    /// only actions whose key equals that one, so an unfixable leak (an attribute argument) met first would stop
    /// every other fix of the id. This document-based provider never drops a diagnostic for its key: it hands each
    /// document's diagnostics to <see cref="SecretRewriter.FixAsync"/>, which skips the unfixable ones itself.
    /// </para>
    /// <para>
    /// The key selects the source. The configuration key reads from configuration wherever an <c>IConfiguration</c>
    /// is in scope and leaves the other keys alone. The environment-variable key chosen in a file with a secret
    /// provider (where it is the second choice) reads environment variables everywhere. Any other key, null
    /// included, reads from each document's default source. So the result of dotnet format does not depend on which
    /// diagnostic it meets first, even where only some folders set <c>keylint.secret_lookup</c>.
    /// </para>
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => SecretFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var options = FixOptions.Read(document, root.SyntaxTree);
        if (options.HasInvalidSecretLookup)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var site = await SecretReplacementPlanner
                .FindSiteAsync(document, root, model, diagnostic, context.CancellationToken)
                .ConfigureAwait(false);
            if (site is null)
            {
                continue;
            }

            var provider = SecretReplacementPlanner.CreateSource(site, SecretSourceKind.SecretProvider, options, model, context.CancellationToken);
            var environment = SecretReplacementPlanner.CreateSource(site, SecretSourceKind.EnvironmentVariable, options, model, context.CancellationToken);
            var configuration = SecretReplacementPlanner.CreateSource(site, SecretSourceKind.Configuration, options, model, context.CancellationToken);

            // The first action is the one dotnet format applies: see the remarks on the class.
            if (provider is not null)
            {
                Register(context, diagnostic, provider, SecretProviderKey, FixChoice.Default);
            }
            else if (environment is not null)
            {
                Register(context, diagnostic, environment, EnvironmentVariableKey, FixChoice.Default);
            }

            if (configuration is not null)
            {
                Register(context, diagnostic, configuration, ConfigurationKey, FixChoice.Configuration);
            }

            if (provider is not null && environment is not null)
            {
                Register(context, diagnostic, environment, EnvironmentVariableKey, FixChoice.EnvironmentVariable);
            }
        }
    }

    private static void Register(
        CodeFixContext context, Diagnostic diagnostic, SecretSource source, string equivalenceKey, FixChoice choice)
    {
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                source.Title(),
                cancellationToken => SecretRewriter.FixAsync(document, ImmutableArray.Create(diagnostic), choice, cancellationToken),
                equivalenceKey),
            diagnostic);
    }

    /// <summary>
    /// Reads the choice from the context that Fix All starts with, where <see cref="FixAllContext.Document"/> is the
    /// document the fix was triggered in, then fixes each document with that choice.
    /// </summary>
    private sealed class SecretFixAllProvider : FixAllProvider
    {
        public static readonly SecretFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var choice = await ChoiceForFixAllAsync(fixAllContext).ConfigureAwait(false);
            var perDocument = Create(async (context, document, diagnostics) =>
            {
                var fixedDocument = await SecretRewriter.FixAsync(document, diagnostics, choice, context.CancellationToken)
                    .ConfigureAwait(false);
                return fixedDocument == document ? null : fixedDocument;
            });
            return await perDocument.GetFixAsync(fixAllContext).ConfigureAwait(false);
        }

        private static async Task<FixChoice> ChoiceForFixAllAsync(FixAllContext context)
        {
            if (context.CodeActionEquivalenceKey == ConfigurationKey)
            {
                return FixChoice.Configuration;
            }

            if (context.CodeActionEquivalenceKey == EnvironmentVariableKey && context.Document is { } trigger &&
                await trigger.GetSyntaxTreeAsync(context.CancellationToken).ConfigureAwait(false) is { } tree &&
                FixOptions.Read(trigger, tree).SecretLookup is not null)
            {
                return FixChoice.EnvironmentVariable;
            }

            return FixChoice.Default;
        }
    }
}
