using System.IO.Compression;
using System.Xml.Linq;

namespace KeyLint.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests(PackageFixture fixture)
{
    private static readonly string[] AnalyzerAssemblies =
    [
        "analyzers/dotnet/cs/KeyLint.Analyzers.dll",
        "analyzers/dotnet/cs/KeyLint.CodeFixes.dll",
        "analyzers/dotnet/cs/KeyLint.Core.dll",
    ];

    [Fact]
    public void Package_HasAssembliesUnderAnalyzersOnly()
    {
        var entries = ReadEntryNames();

        foreach (var assembly in AnalyzerAssemblies)
        {
            Assert.Contains(assembly, entries);
        }

        var assemblies = entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order().ToList();
        Assert.Equal(AnalyzerAssemblies.Order(), assemblies);

        // Anything under lib/ or ref/ would become a reference of the consumer's own assembly.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("ref/", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_HasBuildPropsAndTargets()
    {
        var entries = ReadEntryNames();

        // NuGet imports these files only when they are named after the package id.
        Assert.Contains("build/KeyLint.props", entries);
        Assert.Contains("build/KeyLint.targets", entries);
        Assert.Contains("buildTransitive/KeyLint.props", entries);
        Assert.Contains("buildTransitive/KeyLint.targets", entries);
    }

    [Fact]
    public void Nuspec_IsDevelopmentDependency()
    {
        var metadata = ReadNuspecMetadata();

        Assert.Equal("true", Element(metadata, "developmentDependency")?.Value);
    }

    [Fact]
    public void Nuspec_HasNoDependencies()
    {
        var metadata = ReadNuspecMetadata();
        var dependencies = Element(metadata, "dependencies");

        Assert.True(
            dependencies is null || !dependencies.Descendants().Any(),
            $"Expected no dependencies, found: {dependencies}");
    }

    [Fact]
    public void Nuspec_HasIdVersionAndLinks()
    {
        var metadata = ReadNuspecMetadata();

        Assert.Equal("KeyLint", Element(metadata, "id")?.Value);
        Assert.Equal(fixture.Version, Element(metadata, "version")?.Value);
        Assert.Equal("https://github.com/keylint/KeyLint", Element(metadata, "projectUrl")?.Value);

        var license = Element(metadata, "license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
    }

    [Fact]
    public void Nuspec_ReadmeIsInPackage()
    {
        var metadata = ReadNuspecMetadata();
        var readme = Element(metadata, "readme")?.Value;

        Assert.Equal("README.md", readme);
        using var archive = ZipFile.OpenRead(fixture.PackagePath);
        var entry = archive.GetEntry("README.md");
        Assert.NotNull(entry);

        using var reader = new StreamReader(entry.Open());
        var text = reader.ReadToEnd();
        Assert.StartsWith("# KeyLint", text);
        Assert.Contains("dotnet add package KeyLint", text);
    }

    private List<string> ReadEntryNames()
    {
        using var archive = ZipFile.OpenRead(fixture.PackagePath);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private XElement ReadNuspecMetadata()
    {
        using var archive = ZipFile.OpenRead(fixture.PackagePath);
        var nuspec = archive.Entries.Single(e => e.FullName == "KeyLint.nuspec");
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        return document.Root?.Elements().Single(e => e.Name.LocalName == "metadata")
            ?? throw new InvalidDataException("KeyLint.nuspec has no root element.");
    }

    // The nuspec namespace changes between schema versions, so elements are matched by local name.
    private static XElement? Element(XElement parent, string name) =>
        parent.Elements().SingleOrDefault(e => e.Name.LocalName == name);
}
