using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KeyLint.Benchmarks.Micro;

/// <summary>
/// The BenchmarkDotNet configuration: allocation counts, 5 warm-up and 10 measured iterations, all inside this
/// process. BenchmarkDotNet's default builds a project per benchmark type, which exceeded its 2-minute build timeout
/// on a loaded 2-core machine. The pathological cases number about eight per catalog entry, so run them filtered by case, or use
/// <see cref="LinearityCheck"/> for the whole catalog.
/// </summary>
public static class MicroConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new ThroughputColumn(), new NanosecondsPerCharacterColumn())
        .WithOptions(ConfigOptions.JoinSummary);
}

/// <summary>Benchmarks that scan a known number of characters per operation.</summary>
public interface ICharacterCount
{
    /// <summary>Characters scanned by one operation; the text is ASCII, so this is also its size in UTF-8 bytes.</summary>
    double CharactersPerOperation { get; }
}

/// <summary>MB/s: characters scanned per operation divided by the mean time of one operation.</summary>
public sealed class ThroughputColumn : CharacterColumn
{
    public override string Id => "MBps";

    public override string ColumnName => "MB/s";

    protected override string Format(double characters, double nanoseconds) =>
        (characters / (nanoseconds / 1e9) / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Mean time per character, which stays flat as the input grows when time is linear in its length.</summary>
public sealed class NanosecondsPerCharacterColumn : CharacterColumn
{
    public override string Id => "NsPerChar";

    public override string ColumnName => "ns/char";

    protected override string Format(double characters, double nanoseconds) =>
        (nanoseconds / characters).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A column computed from a benchmark's characters per operation and its mean time.</summary>
public abstract class CharacterColumn : IColumn
{
    public abstract string Id { get; }

    public abstract string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "see the column name";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var characters = CharactersOf(benchmarkCase);
        return statistics is null || characters <= 0 ? "-" : Format(characters, statistics.Mean);
    }

    protected abstract string Format(double characters, double nanoseconds);

    // Creates the benchmark object with the case's parameters, runs its seeded setup and reads the count.
    private static double CharactersOf(BenchmarkCase benchmarkCase)
    {
        var type = benchmarkCase.Descriptor.Type;
        if (!typeof(ICharacterCount).IsAssignableFrom(type))
        {
            return 0;
        }

        var instance = System.Activator.CreateInstance(type)!;
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            type.GetProperty(parameter.Name)?.SetValue(instance, parameter.Value);
            type.GetField(parameter.Name)?.SetValue(instance, parameter.Value);
        }

        benchmarkCase.Descriptor.GlobalSetupMethod?.Invoke(instance, null);
        return ((ICharacterCount)instance).CharactersPerOperation;
    }
}
