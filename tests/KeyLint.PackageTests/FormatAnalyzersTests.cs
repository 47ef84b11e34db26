namespace KeyLint.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class FormatAnalyzersTests(PackageFixture fixture)
{
    [Fact]
    public void FormatAnalyzers_FixesEveryFixableLeak()
    {
        var consumer = fixture.CreateConsumer("format");
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());

        var format = consumer.FormatAnalyzers();

        Assert.True(format.ExitCode == 0, format.Describe());
        var fixedSource = consumer.ReadSource();
        foreach (var leak in consumer.Source.Leaks)
        {
            Assert.DoesNotContain(leak.Value, format.Output, StringComparison.Ordinal);
            if (leak.Fixable)
            {
                Assert.False(
                    fixedSource.Contains(leak.Value, StringComparison.Ordinal),
                    $"The {leak.Position} on line {leak.Line} was not fixed. Source after the fix:\n{fixedSource}\n" +
                    format.Describe());
            }
            else
            {
                // No fix exists where C# requires a constant, so the value stays and is still reported.
                Assert.Contains(leak.Value, fixedSource, StringComparison.Ordinal);
            }
        }

        var fixableCount = consumer.Source.Leaks.Count(l => l.Fixable);
        var lookups = fixedSource.Split("Environment.GetEnvironmentVariable(").Length - 1;
        Assert.True(
            lookups >= fixableCount,
            $"Expected at least {fixableCount} environment lookups, found {lookups}:\n{fixedSource}");
        Assert.DoesNotContain("const string StripeKey", fixedSource, StringComparison.Ordinal);
        Assert.Contains($"\"{ConsumerSource.BackupUrlStart}\" + (", fixedSource, StringComparison.Ordinal);
        Assert.Contains($") + \"{ConsumerSource.BackupUrlEnd}\"", fixedSource, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatAnalyzers_ResultBuildsWithoutNewWarnings()
    {
        var consumer = fixture.CreateConsumer("format-build");
        var restore = consumer.Restore();
        Assert.True(restore.ExitCode == 0, restore.Describe());
        var format = consumer.FormatAnalyzers();
        Assert.True(format.ExitCode == 0, format.Describe());

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, $"Source after the fix:\n{consumer.ReadSource()}\n" + build.Describe());
        var diagnostics = ConsumerProject.ParseDiagnostics(build.Output);
        var leftLines = consumer.Source.Leaks.Where(l => !l.Fixable).Select(l => l.Line).ToHashSet();
        var unexpected = diagnostics
            .Where(d => !(d.Id.StartsWith("KL", StringComparison.Ordinal) && leftLines.Contains(d.Line)))
            .ToList();
        Assert.True(
            unexpected.Count == 0,
            "Diagnostics other than the leaks that cannot be fixed:\n" + string.Join("\n", unexpected) +
            $"\nSource after the fix:\n{consumer.ReadSource()}");
    }
}
