using System.Text.RegularExpressions;

namespace KeyLint.PackageTests;

/// <summary>One diagnostic line of MSBuild or compiler output, such as <c>File.cs(7,14): warning KL0001: ...</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message);

/// <summary>
/// A library project in its own folder that consumes KeyLint the way users do: a <c>PackageReference</c> restored
/// from a package source, with a packages folder of its own so that no earlier KeyLint of the same version is reused.
/// </summary>
public sealed class ConsumerProject
{
    public const string ProjectFileName = "Consumer.csproj";

    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d+): (?<message>.*)$",
        RegexOptions.CultureInvariant);

    private ConsumerProject(string directory, ConsumerSource source)
    {
        Directory = directory;
        Source = source;
    }

    public string Directory { get; }

    public ConsumerSource Source { get; }

    public string SourcePath => Path.Combine(Directory, ConsumerSource.FileName);

    public string ProjectPath => Path.Combine(Directory, ProjectFileName);

    /// <summary>Writes the project, its source, and restore settings whose only package source is <paramref name="feed"/>.</summary>
    public static ConsumerProject Create(string directory, string feed, string keyLintVersion, ConsumerSource source)
    {
        System.IO.Directory.CreateDirectory(directory);

        // The form that `dotnet add package KeyLint` writes for a development dependency.
        File.WriteAllText(Path.Combine(directory, ProjectFileName), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KeyLint" Version="{keyLintVersion}">
                  <PrivateAssets>all</PrivateAssets>
                  <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
                </PackageReference>
              </ItemGroup>
            </Project>
            """);

        WriteRestoreSettings(directory, feed);
        File.WriteAllText(Path.Combine(directory, ConsumerSource.FileName), source.Text);
        return new ConsumerProject(directory, source);
    }

    /// <summary>
    /// Writes the files that make a project in <paramref name="directory"/> restore only from <paramref name="feed"/>
    /// into a packages folder of its own, and ignore the build and editor settings of the parent folders.
    /// </summary>
    public static void WriteRestoreSettings(string directory, string feed)
    {
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="keylint-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // RestorePackagesPath, unlike globalPackagesFolder in nuget.config, also wins over a NUGET_PACKAGES variable
        // that a CI machine may set, which would share one packages folder across runs.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <RestorePackagesPath>$(MSBuildThisFileDirectory)packages/</RestorePackagesPath>
              </PropertyGroup>
            </Project>
            """);

        // An empty Directory.Build.targets and a root .editorconfig keep those of the parent folders, which belong to
        // whatever machine runs the tests, out of the build.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n");
    }

    public CommandResult Restore() => DotnetCommand.Run(Directory, "restore", ProjectPath, "-tl:off");

    /// <summary>Compiles the project from scratch, so that every analyzer runs and reports again.</summary>
    public CommandResult Build(params string[] extraArguments) =>
        DotnetCommand.Run(
            Directory,
            ["build", ProjectPath, "--no-restore", "--no-incremental", "-tl:off", "-nologo", .. extraArguments]);

    /// <summary>Runs the KeyLint fixes over the whole project with the command that the README gives users.</summary>
    public CommandResult FormatAnalyzers() =>
        DotnetCommand.Run(
            Directory,
            "format", "analyzers", ProjectPath, "--diagnostics", "KL0001", "KL0002", "--no-restore",
            "--verbosity", "diagnostic");

    public string ReadSource() => File.ReadAllText(SourcePath);

    /// <summary>Returns the distinct diagnostics in <paramref name="output"/>, which MSBuild prints twice each.</summary>
    public static IReadOnlyList<BuildDiagnostic> ParseDiagnostics(string output)
    {
        var diagnostics = new List<BuildDiagnostic>();
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticLine.Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["column"].Value),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value);
            if (!diagnostics.Contains(diagnostic))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return diagnostics;
    }
}
