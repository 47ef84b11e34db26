namespace KeyLint.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture fixture)
{
    [Fact]
    public void Restore_TakesKeyLintFromPackageSource()
    {
        var restore = fixture.BuiltConsumerRestore;

        Assert.True(restore.ExitCode == 0, restore.Describe());
        var extracted = Path.Combine(
            fixture.BuiltConsumer.Directory, "packages", "keylint", fixture.Version, "analyzers", "dotnet", "cs",
            "KeyLint.Analyzers.dll");
        Assert.True(File.Exists(extracted), $"{extracted} is missing. " + restore.Describe());
    }

    [Fact]
    public void Restore_KeepsKeyLintFromReferencingProjects()
    {
        // A project that references the consumer must not get KeyLint: PrivateAssets="all" keeps it private.
        var directory = Path.Combine(fixture.WorkDirectory, "referencing");
        Directory.CreateDirectory(directory);
        ConsumerProject.WriteRestoreSettings(directory, fixture.FeedDirectory);
        File.WriteAllText(Path.Combine(directory, "Referencing.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{fixture.BuiltConsumer.ProjectPath}" />
              </ItemGroup>
            </Project>
            """);

        var restore = DotnetCommand.Run(directory, "restore", "Referencing.csproj", "-tl:off");

        Assert.True(restore.ExitCode == 0, restore.Describe());
        var assets = File.ReadAllText(Path.Combine(directory, "obj", "project.assets.json"));
        Assert.Contains("Consumer.csproj", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"KeyLint/", assets, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_ReportsEachLeakAtItsLine()
    {
        var build = fixture.BuiltConsumerBuild;
        Assert.True(build.ExitCode == 0, build.Describe());

        var diagnostics = KeyLintDiagnostics(build.Output);
        foreach (var leak in fixture.BuiltConsumer.Source.Leaks)
        {
            Assert.True(
                diagnostics.Any(d => d.Id == leak.RuleId && d.Line == leak.Line && d.Severity == "warning"),
                $"Expected warning {leak.RuleId} at {ConsumerSource.FileName} line {leak.Line} ({leak.Position}). " +
                build.Describe());
        }
    }

    [Fact]
    public void Build_ReportsNothingElse()
    {
        var build = fixture.BuiltConsumerBuild;
        var source = fixture.BuiltConsumer.Source;
        var leakLines = source.Leaks.Select(l => l.Line).ToHashSet();

        var unexpected = KeyLintDiagnostics(build.Output).Where(d => !leakLines.Contains(d.Line)).ToList();

        Assert.True(
            unexpected.Count == 0,
            $"Unexpected diagnostics (clean lines are {string.Join(", ", source.CleanLines)}):\n" +
            string.Join("\n", unexpected) + "\n" + build.Describe());
    }

    [Fact]
    public void Build_LoadsAnalyzersWithoutFailure()
    {
        var build = fixture.BuiltConsumerBuild;

        // CS8032 and CS8033: an analyzer assembly did not load. AD0001: an analyzer threw, which users see as a
        // warning and which fails their build under -warnaserror.
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8033", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OutputHasNoWholeSecret()
    {
        var build = fixture.BuiltConsumerBuild;

        Assert.NotEmpty(KeyLintDiagnostics(build.Output));
        foreach (var leak in fixture.BuiltConsumer.Source.Leaks)
        {
            Assert.False(
                build.Output.Contains(leak.Value, StringComparison.Ordinal),
                $"The build output contains the whole value planted as the {leak.Position} on line {leak.Line}.");
        }
    }

    [Fact]
    public void BuildWithWarnAsError_Fails()
    {
        var build = fixture.BuiltConsumer.Build("-warnaserror");

        Assert.True(build.ExitCode != 0, build.Describe());
        var diagnostics = KeyLintDiagnostics(build.Output);
        var firstFixable = fixture.BuiltConsumer.Source.Leaks.First(l => l.Fixable);
        Assert.True(
            diagnostics.Any(d => d.Id == firstFixable.RuleId && d.Line == firstFixable.Line && d.Severity == "error"),
            $"Expected error {firstFixable.RuleId} at line {firstFixable.Line}. " + build.Describe());
        foreach (var leak in fixture.BuiltConsumer.Source.Leaks)
        {
            Assert.DoesNotContain(leak.Value, build.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BuildWithWarningsAsErrorsProperty_Fails()
    {
        var build = fixture.BuiltConsumer.Build("-p:WarningsAsErrors=KL0001");

        Assert.True(build.ExitCode != 0, build.Describe());
        var diagnostics = KeyLintDiagnostics(build.Output);
        foreach (var leak in fixture.BuiltConsumer.Source.Leaks)
        {
            var severity = leak.RuleId == "KL0001" ? "error" : "warning";
            Assert.True(
                diagnostics.Any(d => d.Id == leak.RuleId && d.Line == leak.Line && d.Severity == severity),
                $"Expected {severity} {leak.RuleId} at line {leak.Line} ({leak.Position}). " + build.Describe());
        }
    }

    [Fact]
    public void BuildWithEditorConfigSeverity_Fails()
    {
        var consumer = fixture.CreateConsumer("editorconfig");
        File.WriteAllText(
            Path.Combine(consumer.Directory, ".editorconfig"),
            "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0001.severity = error\n");

        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());
        var build = consumer.Build();

        Assert.True(build.ExitCode != 0, build.Describe());
        var diagnostics = KeyLintDiagnostics(build.Output);
        foreach (var leak in consumer.Source.Leaks)
        {
            var severity = leak.RuleId == "KL0001" ? "error" : "warning";
            Assert.True(
                diagnostics.Any(d => d.Id == leak.RuleId && d.Line == leak.Line && d.Severity == severity),
                $"Expected {severity} {leak.RuleId} at line {leak.Line} ({leak.Position}). " + build.Describe());
        }
    }

    [Fact]
    public void TestProject_ExplicitSeverityWins()
    {
        var consumer = fixture.CreateConsumer("test-project");
        File.WriteAllText(
            Path.Combine(consumer.Directory, "Directory.Build.props"),
            File.ReadAllText(Path.Combine(consumer.Directory, "Directory.Build.props"))
                .Replace("</PropertyGroup>", "  <IsTestProject>true</IsTestProject>\n  </PropertyGroup>", StringComparison.Ordinal));
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());

        // In a test project KL0001 and KL0002 default to suggestions, which the build does not print.
        var suggested = consumer.Build();
        File.WriteAllText(
            Path.Combine(consumer.Directory, ".editorconfig"),
            "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0001.severity = error\n");
        var configured = consumer.Build();

        Assert.True(suggested.ExitCode == 0, suggested.Describe());
        Assert.Empty(KeyLintDiagnostics(suggested.Output));
        Assert.True(configured.ExitCode != 0, configured.Describe());
        var diagnostics = KeyLintDiagnostics(configured.Output);
        foreach (var leak in consumer.Source.Leaks)
        {
            var expected = leak.RuleId == "KL0001";
            Assert.True(
                diagnostics.Any(d => d.Id == leak.RuleId && d.Line == leak.Line && d.Severity == "error") == expected,
                $"Expected {(expected ? "an" : "no")} error {leak.RuleId} at line {leak.Line} ({leak.Position}). " +
                configured.Describe());
        }

        Assert.DoesNotContain(diagnostics, d => d.Id == "KL0002");
    }

    [Fact]
    public void Build_ReportsConfigFileAddedByPackage()
    {
        var consumer = fixture.CreateConsumer("config-file");
        File.WriteAllText(
            Path.Combine(consumer.Directory, "appsettings.json"),
            "{\n  \"Binance\": {\n    \"EnableWithdrawals\": true\n  }\n}\n");
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());

        var build = consumer.Build();
        var optedOut = consumer.Build("-p:KeyLintAddConfigFiles=false");

        // The package's build/KeyLint.props passes appsettings*.json to the compiler, so no AdditionalFiles item
        // in the project is needed for KL0003 to see the withdrawal permission on line 3.
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Contains(
            ConsumerProject.ParseDiagnostics(build.Output),
            d => d.Id == "KL0003" && Path.GetFileName(d.File) == "appsettings.json" && d.Line == 3);
        Assert.True(optedOut.ExitCode == 0, optedOut.Describe());
        Assert.DoesNotContain(ConsumerProject.ParseDiagnostics(optedOut.Output), d => d.Id == "KL0003");
    }

    private static List<BuildDiagnostic> KeyLintDiagnostics(string output) =>
        ConsumerProject.ParseDiagnostics(output)
            .Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal))
            .Where(d => Path.GetFileName(d.File) == ConsumerSource.FileName)
            .ToList();
}
