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
        var solution = await CreateSolutionAsync(workspace, bot, aws);
        var diagnostics = await GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);
        var first = diagnostics.Values.SelectMany(d => d).First();
        Assert.Equal(FixProperties.NotFixable, first.Properties[FixProperties.Fix]);
        Assert.Equal(3, diagnostics.Values.Sum(d => d.Length));

        var fixedSolution = await FixAllLikeDotnetFormatAsync(solution, diagnostics, DiagnosticIds.KnownKeyFormat);

        var remaining = await GetDiagnosticsAsync(fixedSolution, DiagnosticIds.KnownKeyFormat);
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
        var solution = await CreateSolutionAsync(workspace, bot);
        var diagnostics = await GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);
        var fixer = new EnvironmentVariableCodeFixProvider();
        var context = CreateFixAllContext(solution, diagnostics, DiagnosticIds.KnownKeyFormat, fixer, equivalenceKey: null);

        var action = await WellKnownFixAllProviders.BatchFixer.GetFixAsync(context);

        Assert.Null(action);
    }

    private static async Task<Solution> FixAllLikeDotnetFormatAsync(
        Solution solution, Dictionary<Project, ImmutableArray<Diagnostic>> diagnostics, string diagnosticId)
    {
        var fixer = new EnvironmentVariableCodeFixProvider();
        var fixAllProvider = fixer.GetFixAllProvider();
        Assert.Contains(FixAllScope.Solution, fixAllProvider.GetSupportedFixAllScopes());

        var first = diagnostics.Values.SelectMany(d => d).First();
        var document = solution.GetDocument(first.Location.SourceTree)!;
        CodeAction? registered = null;
        var codeFixContext = new CodeFixContext(document, first, (action, _) => registered ??= action, CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(codeFixContext);
        Assert.Null(registered);

        var fixAllContext = CreateFixAllContext(solution, diagnostics, diagnosticId, fixer, registered?.EquivalenceKey);
        var fixAllAction = await fixAllProvider.GetFixAsync(fixAllContext);
        Assert.NotNull(fixAllAction);

        var operations = await fixAllAction!.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
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

    private static async Task<Solution> CreateSolutionAsync(AdhocWorkspace workspace, params string[] sources)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(projectId, "Bot", "Bot", LanguageNames.CSharp)
            .WithProjectCompilationOptions(projectId, new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp12))
            .AddMetadataReferences(projectId, references);
        for (var i = 0; i < sources.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"File{i}.cs", sources[i], filePath: $"/src/File{i}.cs");
        }

        return solution;
    }

    private static async Task<Dictionary<Project, ImmutableArray<Diagnostic>>> GetDiagnosticsAsync(Solution solution, string diagnosticId)
    {
        var result = new Dictionary<Project, ImmutableArray<Diagnostic>>();
        foreach (var project in solution.Projects)
        {
            var compilation = await project.GetCompilationAsync();
            var diagnostics = await compilation!
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            result[project] = diagnostics
                .Where(d => d.Id == diagnosticId)
                .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray();
        }

        return result;
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
