using System;
using System.IO;
using System.Linq;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KeyLint.Tests.Analyzers;

/// <summary>Every diagnostic links to its page under rules/, and the page exists, with the descriptor's title.</summary>
public class RulePagesTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Descriptors().Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RulePageMatchesDescriptor(string id)
    {
        var descriptor = Descriptors().First(d => d.Id == id);
        var page = Path.Combine(RepositoryRoot(), "rules", id + ".md");

        Assert.Equal(DiagnosticIds.HelpLink(id), descriptor.HelpLinkUri);
        Assert.True(File.Exists(page), $"{page} is missing.");
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", File.ReadAllText(page).Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeListsEveryRule()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (var id in Descriptors().Select(d => d.Id).Distinct())
        {
            Assert.Contains($"| [{id}](rules/{id}.md) |", readme, StringComparison.Ordinal);
        }
    }

    private static System.Collections.Generic.IEnumerable<Microsoft.CodeAnalysis.DiagnosticDescriptor> Descriptors()
    {
        return typeof(HardcodedSecretAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KeyLint.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KeyLint.sln not found above the test output.");
    }
}
