using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KeyLint.Tests.CodeFixes;

/// <summary>
/// Fix All driven the way <c>dotnet format analyzers</c> drives it (SolutionCodeFixApplier in dotnet/sdk): code
/// actions are asked for the first diagnostic of the id only, and that action's equivalence key, null when none was
/// registered, goes into a Solution-scope <see cref="FixAllContext"/>.
/// </summary>
public class DotnetFormatFixAllTests
{
    private static readonly string AwsKey = FakeKeys.AwsAccessKeyId;
    private static readonly string Secret = FakeKeys.ExchangeSecret;

    [Fact]
    public async Task UnfixableFirstDiagnosticDoesNotBlockOthers()
    {
        var bot = $$"""
            class TradingBot
            {
                [System.Obsolete("{{AwsKey}}")]
                void Legacy() { }

                string apiSecret = "{{Secret}}";

                public int Length => apiSecret.Length;
            }
            """;
        var aws = $$"""
            class AwsClient
            {
                const string AccessKeyId = "{{AwsKey}}";

                public int Length => AccessKeyId.Length;
            }
            """;
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(workspace, null, bot, aws);
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);
        var first = diagnostics.Values.SelectMany(d => d).First();
        Assert.Equal(FixProperties.NotFixable, first.Properties[FixProperties.Fix]);
        Assert.Equal(3, diagnostics.Values.Sum(d => d.Length));

        var (fixedSolution, equivalenceKey) = await FixAllLikeDotnetFormatAsync(solution, diagnostics, DiagnosticIds.KnownKeyFormat);

        Assert.Null(equivalenceKey);

        var remaining = await FixWorkspace.GetDiagnosticsAsync(fixedSolution, DiagnosticIds.KnownKeyFormat);
        var left = Assert.Single(remaining.Values.SelectMany(d => d));
        Assert.Equal(FixProperties.NotFixable, left.Properties[FixProperties.Fix]);
        var fixedBot = (await fixedSolution.Projects.Single().Documents.First().GetTextAsync()).ToString();
        var fixedAws = (await fixedSolution.Projects.Single().Documents.Last().GetTextAsync()).ToString();
        Assert.Contains("System.Environment.GetEnvironmentVariable(\"API_SECRET\")", fixedBot);
        Assert.Contains("static readonly string AccessKeyId = System.Environment.GetEnvironmentVariable(\"AWS_ACCESS_KEY_ID\")", fixedAws);
        Assert.DoesNotContain(Secret, fixedBot);
        Assert.DoesNotContain(AwsKey, fixedAws);
        var compilation = await fixedSolution.Projects.Single().GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task BatchFixerStopsAtUnfixableFirstDiagnostic()
    {
        // Why the provider does not use WellKnownFixAllProviders.BatchFixer: with the null equivalence key that
        // dotnet format passes here, the batch fixer finds no action to apply.
        var bot = $$"""
            class TradingBot
            {
                [System.Obsolete("{{AwsKey}}")]
                void Legacy() { }

                string apiSecret = "{{Secret}}";
            }
            """;
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(workspace, null, bot);
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);
        var fixer = new HardcodedSecretCodeFixProvider();
        var context = CreateFixAllContext(solution, diagnostics, DiagnosticIds.KnownKeyFormat, fixer, equivalenceKey: null);

        var action = await WellKnownFixAllProviders.BatchFixer.GetFixAsync(context);

        Assert.Null(action);
    }

    private const string SecretsClient = """
        namespace MyCompany.Secrets
        {
            public static class Secrets
            {
                public static string Get(string name) => name;
            }
        }
        """;

    [Fact]
    public async Task ConfiguredProviderIsApplied()
    {
        var bot = $$"""
            class TradingBot
            {
                string apiSecret = "{{Secret}}";

                public int Length => apiSecret.Length;
            }
            """;
        var aws = $$"""
            using System;

            class AwsClient
            {
                string accessKeyId = "{{AwsKey}}";

                public int Length => accessKeyId.Length;
            }
            """;
        var editorConfig = "root = true\n\n[*.cs]\nkeylint.secret_lookup = Secrets.Get({name})\nkeylint.secret_lookup_using = MyCompany.Secrets\n";
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(workspace, editorConfig, bot, aws, SecretsClient);
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);

        var (fixedSolution, equivalenceKey) = await FixAllLikeDotnetFormatAsync(solution, diagnostics, DiagnosticIds.KnownKeyFormat);

        Assert.Equal(HardcodedSecretCodeFixProvider.SecretProviderKey, equivalenceKey);
        var fixedBot = await FixWorkspace.GetTextAsync(fixedSolution, "/src/File0.cs");
        var fixedAws = await FixWorkspace.GetTextAsync(fixedSolution, "/src/File1.cs");
        Assert.StartsWith("using MyCompany.Secrets;", fixedBot);
        Assert.Contains("string apiSecret = Secrets.Get(\"API_SECRET\");", fixedBot);
        Assert.StartsWith("using System;\nusing MyCompany.Secrets;\n", fixedAws.Replace("\r\n", "\n"));
        Assert.Contains("string accessKeyId = Secrets.Get(\"AWS_ACCESS_KEY_ID\");", fixedAws);
        await AssertCompilesWithoutWarningsAsync(fixedSolution);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PerFolderProviderIgnoresOrder(bool providerFileFirst)
    {
        var plain = $$"""
            class PlainClient
            {
                string? apiSecret = "{{Secret}}";
            }
            """;
        var bot = $$"""
            class BotClient
            {
                string? apiSecret = "{{Secret}}";
            }
            """;
        var editorConfig = "root = true\n\n[*.cs]\nkeylint.secret_lookup = Vault.Read({name})\n\n[Plain/*.cs]\nkeylint.secret_lookup =\n";
        var vault = "static class Vault { public static string? Read(string name) => name; }";
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(
            workspace,
            editorConfig,
            new[] { ("/src/Bot/BotClient.cs", bot), ("/src/Plain/PlainClient.cs", plain), ("/src/Vault.cs", vault) });
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);
        var project = diagnostics.Keys.Single();
        Assert.Equal(2, diagnostics[project].Length);
        if (!providerFileFirst)
        {
            diagnostics[project] = diagnostics[project].Reverse().ToImmutableArray();
        }

        var (fixedSolution, equivalenceKey) = await FixAllLikeDotnetFormatAsync(solution, diagnostics, DiagnosticIds.KnownKeyFormat);

        var expectedKey = providerFileFirst
            ? HardcodedSecretCodeFixProvider.SecretProviderKey
            : HardcodedSecretCodeFixProvider.EnvironmentVariableKey;
        Assert.Equal(expectedKey, equivalenceKey);
        var fixedBot = await FixWorkspace.GetTextAsync(fixedSolution, "/src/Bot/BotClient.cs");
        var fixedPlain = await FixWorkspace.GetTextAsync(fixedSolution, "/src/Plain/PlainClient.cs");
        Assert.Contains("string? apiSecret = Vault.Read(\"API_SECRET\");", fixedBot);
        Assert.Contains("string? apiSecret = System.Environment.GetEnvironmentVariable(\"API_SECRET\");", fixedPlain);
        await AssertCompilesWithoutWarningsAsync(fixedSolution);
    }

    [Fact]
    public async Task InvalidTemplateChangesNothing()
    {
        var bot = $$"""
            class TradingBot
            {
                string? apiSecret = "{{Secret}}";
            }
            """;
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(
            workspace, "root = true\n\n[*.cs]\nkeylint.secret_lookup = Secrets.Get()\n", bot);
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);
        var fixer = new HardcodedSecretCodeFixProvider();
        Assert.Empty(await FixWorkspace.GetActionsAsync(solution, diagnostics.Values.Single().Single()));

        var context = CreateFixAllContext(solution, diagnostics, DiagnosticIds.KnownKeyFormat, fixer, equivalenceKey: null);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);

        if (action is not null)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            Assert.Empty(changed.GetChanges(solution).GetProjectChanges());
        }
    }

    private static async Task AssertCompilesWithoutWarningsAsync(Solution solution)
    {
        var compilation = await solution.Projects.Single().GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    /// <summary>
    /// Applies Fix All as dotnet format does, and returns the fixed solution with the equivalence key it used: that of
    /// the first action registered for the first diagnostic, or null.
    /// </summary>
    internal static async Task<(Solution Solution, string? EquivalenceKey)> FixAllLikeDotnetFormatAsync(
        Solution solution, Dictionary<Project, ImmutableArray<Diagnostic>> diagnostics, string diagnosticId)
    {
        var fixer = new HardcodedSecretCodeFixProvider();
        var fixAllProvider = fixer.GetFixAllProvider();
        Assert.Contains(FixAllScope.Solution, fixAllProvider.GetSupportedFixAllScopes());

        var first = diagnostics.Values.SelectMany(d => d).First();
        var document = solution.GetDocument(first.Location.SourceTree)!;
        CodeAction? registered = null;
        var codeFixContext = new CodeFixContext(document, first, (action, _) => registered ??= action, CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(codeFixContext);

        var fixAllContext = CreateFixAllContext(solution, diagnostics, diagnosticId, fixer, registered?.EquivalenceKey);
        var fixAllAction = await fixAllProvider.GetFixAsync(fixAllContext);
        Assert.NotNull(fixAllAction);

        var operations = await fixAllAction!.GetOperationsAsync(CancellationToken.None);
        return (operations.OfType<ApplyChangesOperation>().Single().ChangedSolution, registered?.EquivalenceKey);
    }

    private static FixAllContext CreateFixAllContext(
        Solution solution,
        Dictionary<Project, ImmutableArray<Diagnostic>> diagnostics,
        string diagnosticId,
        CodeFixProvider fixer,
        string? equivalenceKey)
    {
        var first = diagnostics.Values.SelectMany(d => d).First();
        var document = solution.GetDocument(first.Location.SourceTree)!;
        return new FixAllContext(
            document,
            fixer,
            FixAllScope.Solution,
            equivalenceKey!,
            new[] { diagnosticId },
            new ProjectDiagnosticProvider(diagnostics),
            CancellationToken.None);
    }

    /// <summary>Serves precomputed diagnostics per project, as dotnet format's own provider does.</summary>
    private sealed class ProjectDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly Dictionary<Project, ImmutableArray<Diagnostic>> _diagnostics;

        public ProjectDiagnosticProvider(Dictionary<Project, ImmutableArray<Diagnostic>> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            GetProjectDiagnosticsAsync(project, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var diagnostics = await GetProjectDiagnosticsAsync(document.Project, cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var diagnostics = _diagnostics.FirstOrDefault(pair => pair.Key.Id == project.Id).Value;
            return Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.IsDefault ? Enumerable.Empty<Diagnostic>() : diagnostics);
        }
    }
}
