using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KeyLint.PackageTests;

/// <summary>
/// The baseline as users run it: `dotnet build -p:KeyLintUpdateBaseline=true` writes keylint.baseline.json, the next
/// build accepts every listed finding, and later builds report new leaks and stale entries.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BaselineTests(PackageFixture fixture)
{
    private const string BaselineFileName = "keylint.baseline.json";

    [Fact]
    public void UpdateBaseline_AcceptsLeaksAndReportsChanges()
    {
        // '#' starts a comment in the .editorconfig that MSBuild generates for the analyzers, which cuts paths there.
        var consumer = fixture.CreateConsumer("C#-baseline");
        var baselinePath = Path.Combine(consumer.Directory, BaselineFileName);

        // An error severity must not keep the baseline from being written, nor the accepted findings from building.
        File.WriteAllText(
            Path.Combine(consumer.Directory, ".editorconfig"),
            "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0001.severity = error\n");
        File.WriteAllText(
            Path.Combine(consumer.Directory, "appsettings.json"),
            "{\n  \"Binance\": {\n    \"EnableWithdrawals\": true\n  }\n}\n");
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());

        var update = consumer.Build("-p:KeyLintUpdateBaseline=true");

        Assert.True(update.ExitCode == 0, update.Describe());
        Assert.Empty(KeyLintWarningsAndErrors(update.Output));
        Assert.True(File.Exists(baselinePath), "No baseline was written. " + update.Describe());
        var baselineText = File.ReadAllText(baselinePath);
        var entries = ReadEntries(baselineText);
        foreach (var leak in consumer.Source.Leaks)
        {
            Assert.DoesNotContain(leak.Value, baselineText, StringComparison.Ordinal);
            Assert.Contains((leak.RuleId, ConsumerSource.FileName, FingerprintOf(leak.Value)), entries);
        }

        Assert.Contains(entries, e => e.Rule == "KL0003" && e.Path == "appsettings.json");
        Assert.Equal(consumer.Source.Leaks.Count + 1, entries.Count);
        Assert.Contains($"KeyLint wrote {entries.Count} findings of Consumer to {baselinePath}", update.Output, StringComparison.Ordinal);

        var accepted = consumer.Build();

        Assert.True(accepted.ExitCode == 0, accepted.Describe());
        Assert.Empty(KeyLintWarningsAndErrors(accepted.Output));

        // One leak is fixed and a new one is added in another file.
        var fixedLeak = consumer.Source.Leaks.First(l => l.Position == "property initializer");
        File.WriteAllText(consumer.SourcePath, consumer.ReadSource().Replace(fixedLeak.Value, "YOUR_GITHUB_TOKEN", StringComparison.Ordinal));
        var newKey = new FakeKeys(PackageFixture.KeySeed + 1).StripeLiveSecretKey();
        File.WriteAllText(
            Path.Combine(consumer.Directory, "Payments.cs"),
            $"namespace Consumer;\n\npublic static class Payments\n{{\n    public static readonly string Key = \"{newKey}\";\n}}\n");

        var changed = consumer.Build();

        Assert.True(changed.ExitCode != 0, "The new leak is an error under the .editorconfig. " + changed.Describe());
        var diagnostics = KeyLintWarningsAndErrors(changed.Output);
        Assert.Contains(diagnostics, d => d.Id == "KL0001" && d.Severity == "error" && Path.GetFileName(d.File) == "Payments.cs" && d.Line == 5);
        var stale = Assert.Single(diagnostics, d => d.Id == "KL9004");
        Assert.Equal(BaselineFileName, Path.GetFileName(stale.File));
        Assert.Contains($"KL0001 in '{ConsumerSource.FileName}'", stale.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostics.Count);
        Assert.DoesNotContain(newKey, changed.Output, StringComparison.Ordinal);

        var refresh = consumer.Build("-p:KeyLintUpdateBaseline=true");
        var refreshed = consumer.Build();

        Assert.True(refresh.ExitCode == 0, refresh.Describe());
        Assert.True(refreshed.ExitCode == 0, refreshed.Describe());
        Assert.Empty(KeyLintWarningsAndErrors(refreshed.Output));
        var refreshedEntries = ReadEntries(File.ReadAllText(baselinePath));
        Assert.Contains(("KL0001", "Payments.cs", FingerprintOf(newKey)), refreshedEntries);
        Assert.DoesNotContain(("KL0001", ConsumerSource.FileName, FingerprintOf(fixedLeak.Value)), refreshedEntries);
    }

    [Fact]
    public void UpdateBaseline_CreatesConfiguredFolder()
    {
        // The metadata that marks the baseline survives the '#', which cuts a path passed as a property.
        var consumer = fixture.CreateConsumer("C#-configured");
        File.WriteAllText(
            Path.Combine(consumer.Directory, "Directory.Build.props"),
            File.ReadAllText(Path.Combine(consumer.Directory, "Directory.Build.props")).Replace(
                "</PropertyGroup>",
                "  <KeyLintBaselineFile>ci/baselines/$(MSBuildProjectName).json</KeyLintBaselineFile>\n  </PropertyGroup>",
                StringComparison.Ordinal));
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());

        var update = consumer.Build("-p:KeyLintUpdateBaseline=true");
        var accepted = consumer.Build();

        var baselinePath = Path.Combine(consumer.Directory, "ci", "baselines", "Consumer.json");
        Assert.True(update.ExitCode == 0, update.Describe());
        Assert.True(File.Exists(baselinePath), "No baseline was written. " + update.Describe());
        Assert.Contains(ReadEntries(File.ReadAllText(baselinePath)), e => e.Path == "../../" + ConsumerSource.FileName);
        Assert.True(accepted.ExitCode == 0, accepted.Describe());
        Assert.Empty(KeyLintWarningsAndErrors(accepted.Output));
    }

    [Fact]
    public void UpdateBaseline_ReadsOwnConfigurationLog()
    {
        var consumer = fixture.CreateConsumer("baseline-configurations");
        var debugOnlyKey = new FakeKeys(PackageFixture.KeySeed + 2).StripeLiveSecretKey();
        File.WriteAllText(
            Path.Combine(consumer.Directory, "DebugKeys.cs"),
            $"namespace Consumer;\n\npublic static class DebugKeys\n{{\n#if DEBUG\n    public static readonly string Key = \"{debugOnlyKey}\";\n#endif\n}}\n");
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());
        var baselinePath = Path.Combine(consumer.Directory, BaselineFileName);

        var release = consumer.Build("-c", "Release", "-p:KeyLintUpdateBaseline=true");
        var releaseEntries = ReadEntries(File.ReadAllText(baselinePath));
        var debug = consumer.Build("-c", "Debug", "-p:KeyLintUpdateBaseline=true");
        var debugEntries = ReadEntries(File.ReadAllText(baselinePath));

        // An incremental Release update right after the Debug one must compile again and read its own log, not the
        // Debug log or an older one.
        var releaseAgain = DotnetCommand.Run(
            consumer.Directory, "build", consumer.ProjectPath, "--no-restore", "-tl:off", "-nologo", "-c", "Release",
            "-p:KeyLintUpdateBaseline=true");
        var releaseAgainEntries = ReadEntries(File.ReadAllText(baselinePath));

        Assert.True(debug.ExitCode == 0, debug.Describe());
        Assert.True(release.ExitCode == 0, release.Describe());
        Assert.True(releaseAgain.ExitCode == 0, releaseAgain.Describe());
        Assert.Contains(("KL0001", "DebugKeys.cs", FingerprintOf(debugOnlyKey)), debugEntries);
        Assert.DoesNotContain(("KL0001", "DebugKeys.cs", FingerprintOf(debugOnlyKey)), releaseEntries);
        Assert.Equal(debugEntries.Count - 1, releaseEntries.Count);
        Assert.Equal(releaseEntries, releaseAgainEntries);
    }

    [Fact]
    public void UpdateBaseline_RejectsAnalyzersOff()
    {
        var consumer = fixture.CreateConsumer("baseline-analyzers-off");
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());

        var update = consumer.Build("-p:KeyLintUpdateBaseline=true", "-p:RunAnalyzersDuringBuild=false");

        Assert.True(update.ExitCode != 0, update.Describe());
        Assert.Contains("KeyLint cannot write the baseline while analyzers are off", update.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(consumer.Directory, BaselineFileName)));
    }

    [Fact]
    public void UpdateBaseline_WithoutFindingsWritesNoFile()
    {
        var consumer = fixture.CreateConsumer("baseline-clean");
        File.WriteAllText(consumer.SourcePath, "namespace Consumer;\n\npublic static class Clean\n{\n}\n");
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());

        var update = consumer.Build("-p:KeyLintUpdateBaseline=true");

        Assert.True(update.ExitCode == 0, update.Describe());
        Assert.Contains("KeyLint found nothing to record in Consumer", update.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(consumer.Directory, BaselineFileName)));
    }

    // The documented fingerprint: the first 16 hexadecimal digits of the SHA-256 of the value's UTF-8 bytes.
    private static string FingerprintOf(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16].ToLowerInvariant();

    private static List<(string Rule, string Path, string Fingerprint)> ReadEntries(string baselineText)
    {
        using var document = JsonDocument.Parse(baselineText);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(e => (e.GetProperty("rule").GetString()!, e.GetProperty("path").GetString()!, e.GetProperty("fingerprint").GetString()!))
            .ToList();
    }

    private static List<BuildDiagnostic> KeyLintWarningsAndErrors(string output) =>
        ConsumerProject.ParseDiagnostics(output).Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal)).ToList();
}
