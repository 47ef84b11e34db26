using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.CodeFixes;

/// <summary>
/// Builds a one-project workspace under <c>/src</c> for tests that drive the fixer by hand: which actions it offers,
/// and Fix All the way dotnet format calls it.
/// </summary>
internal static class FixWorkspace
{
    /// <summary>Creates a project with the sources as <c>/src/File0.cs</c>, <c>/src/File1.cs</c>, and so on.</summary>
    public static Task<Solution> CreateSolutionAsync(AdhocWorkspace workspace, string? editorConfig, params string[] sources) =>
        CreateSolutionAsync(workspace, editorConfig, sources.Select((text, i) => ($"/src/File{i}.cs", text)));

    /// <summary>
    /// Creates a project with each source at its path, and with <paramref name="editorConfig"/> as
    /// <c>/src/.editorconfig</c> when it is not null.
    /// </summary>
    public static async Task<Solution> CreateSolutionAsync(
        AdhocWorkspace workspace, string? editorConfig, IEnumerable<(string Path, string Text)> sources)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(projectId, "Bot", "Bot", LanguageNames.CSharp)
            .WithProjectCompilationOptions(projectId, new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp12))
            .AddMetadataReferences(projectId, references);
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), text, filePath: path);
        }

        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
        }

        return solution;
    }

    /// <summary>Runs the analyzer and returns the diagnostics of the id per project, ordered by file path and position.</summary>
    public static async Task<Dictionary<Project, ImmutableArray<Diagnostic>>> GetDiagnosticsAsync(Solution solution, string diagnosticId)
    {
        var result = new Dictionary<Project, ImmutableArray<Diagnostic>>();
        foreach (var project in solution.Projects)
        {
            var compilation = await project.GetCompilationAsync();
            var diagnostics = await compilation!
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
            result[project] = diagnostics
                .Where(d => d.Id == diagnosticId)
                .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray();
        }

        return result;
    }

    /// <summary>Returns the actions the fixer registers for <paramref name="diagnostic"/>, in registration order.</summary>
    public static async Task<List<CodeAction>> GetActionsAsync(Solution solution, Diagnostic diagnostic)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new HardcodedSecretCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>Returns the text of the document at <paramref name="path"/>.</summary>
    public static async Task<string> GetTextAsync(Solution solution, string path)
    {
        var document = solution.Projects.Single().Documents.Single(d => d.FilePath == path);
        return (await document.GetTextAsync()).ToString();
    }
}
