namespace KeyLint.PackageTests;

/// <summary>
/// Packs KeyLint once for all package tests into a temporary package source, and builds one consumer of it whose
/// output several tests read. Everything lives in one temporary folder that is deleted at the end.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    /// <summary>Seed of the fake keys. Any fixed value works, and a fixed one makes failures reproducible.</summary>
    public const int KeySeed = 20261204;

    private readonly Lazy<(ConsumerProject Consumer, CommandResult Restore, CommandResult Build)> _builtConsumer;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "keylint-package-tests-" + System.Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        Directory.CreateDirectory(FeedDirectory);

        // Release, as a user's package is built; the Debug build that `dotnet test` made stays untouched.
        PackResult = DotnetCommand.Run(
            RepositoryRoot,
            "pack", Path.Combine(RepositoryRoot, "src", "KeyLint.Package", "KeyLint.Package.csproj"),
            "-c", "Release", "-o", FeedDirectory, "-tl:off", "-nologo");
        if (PackResult.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing KeyLint failed. " + PackResult.Describe());
        }

        var packages = Directory.GetFiles(FeedDirectory, "KeyLint.*.nupkg");
        if (packages.Length != 1)
        {
            throw new InvalidOperationException(
                $"Expected one KeyLint.*.nupkg in {FeedDirectory}, found {packages.Length}. " + PackResult.Describe());
        }

        PackagePath = packages[0];
        var fileName = Path.GetFileNameWithoutExtension(PackagePath);
        Version = fileName.Substring("KeyLint.".Length);

        _builtConsumer = new Lazy<(ConsumerProject, CommandResult, CommandResult)>(() =>
        {
            var consumer = CreateConsumer("built");
            var restore = consumer.Restore();
            var build = consumer.Build();
            return (consumer, restore, build);
        });
    }

    public string RepositoryRoot { get; }

    public string WorkDirectory { get; }

    /// <summary>The folder that the consumers use as their only package source.</summary>
    public string FeedDirectory { get; }

    public CommandResult PackResult { get; }

    public string PackagePath { get; }

    public string Version { get; }

    /// <summary>A consumer that was restored and built once, for the tests that only read its output.</summary>
    public ConsumerProject BuiltConsumer => _builtConsumer.Value.Consumer;

    public CommandResult BuiltConsumerRestore => _builtConsumer.Value.Restore;

    public CommandResult BuiltConsumerBuild => _builtConsumer.Value.Build;

    /// <summary>Creates a consumer in a new folder, with the same fake keys as every other consumer.</summary>
    public ConsumerProject CreateConsumer(string name)
    {
        var source = ConsumerSource.Create(new FakeKeys(KeySeed));
        return ConsumerProject.Create(Path.Combine(WorkDirectory, name), FeedDirectory, Version, source);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; a failed cleanup must not hide the test results.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KeyLint.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"KeyLint.sln not found in {AppContext.BaseDirectory} or any parent folder; run the tests from the repository.");
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>One collection, so that the tests share one pack and never run two <c>dotnet</c> builds at once.</summary>
    public const string Name = "Packed KeyLint";
}
