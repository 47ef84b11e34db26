using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Harness;

/// <summary>Which side of the comparison an analyzer is on.</summary>
public enum AnalyzerGroup
{
    Floor,
    KeyLint,
    Sonar,

    /// <summary>A part of KeyLint's work run alone, to split its cost; not counted in any total.</summary>
    Probe,

    /// <summary>A reference floor that does a little of the work every analyzer of its kinds must do. It is not counted in any total.</summary>
    Reference,
}

/// <summary>An analyzer under measurement, with its group, display name and, for KeyLint's, its floor.</summary>
public sealed record MeasuredAnalyzer(DiagnosticAnalyzer Analyzer, AnalyzerGroup Group, string Name, MeasuredAnalyzer? Floor);

/// <summary>The analyzers that one run executes, split into passes.</summary>
public sealed class AnalyzerSet
{
    private readonly MeasuredAnalyzer _secretFloor;

    private AnalyzerSet(IReadOnlyList<MeasuredAnalyzer> analyzers, MeasuredAnalyzer secretFloor)
    {
        Analyzers = analyzers;
        _secretFloor = secretFloor;
    }

    public IReadOnlyList<MeasuredAnalyzer> Analyzers { get; }

    public ImmutableArray<DiagnosticAnalyzer> All => Analyzers.Select(measured => measured.Analyzer).ToImmutableArray();

    public bool HasSonar => Analyzers.Any(measured => measured.Group == AnalyzerGroup.Sonar);

    /// <summary>
    /// Returns the analyzer whose allocation pass is subtracted from this one's: its floor, or for a Sonar analyzer,
    /// which has no floor of its own, the floor of <c>HardcodedSecretAnalyzer</c>. Floors have none.
    /// </summary>
    public MeasuredAnalyzer? AllocationBaseline(MeasuredAnalyzer measured) =>
        measured.Floor ?? (measured.Group == AnalyzerGroup.Sonar ? _secretFloor : null);

    /// <summary>
    /// Splits the analyzers into passes that each run on a fresh compilation. The semantic model caches what it
    /// binds, so the first analyzer to ask about a method pays for binding it. Sonar runs in a pass of its own so
    /// that KeyLint and Sonar each pay for their own questions. The floor and the probe never ask.
    /// </summary>
    public IReadOnlyList<ImmutableArray<DiagnosticAnalyzer>> Passes()
    {
        var passes = new List<ImmutableArray<DiagnosticAnalyzer>>
        {
            Analyzers.Where(measured => measured.Group != AnalyzerGroup.Sonar).Select(measured => measured.Analyzer).ToImmutableArray(),
        };
        if (HasSonar)
        {
            passes.Add(Analyzers.Where(measured => measured.Group == AnalyzerGroup.Sonar).Select(measured => measured.Analyzer).ToImmutableArray());
        }

        return passes;
    }

    /// <summary>
    /// Creates KeyLint's five analyzers, a floor for each, the probe, the value-reading floor and the given Sonar
    /// analyzers.
    /// </summary>
    public static AnalyzerSet Create(IEnumerable<DiagnosticAnalyzer> sonarAnalyzers)
    {
        var list = new List<MeasuredAnalyzer>();
        var secretFloor = Floor(FloorAnalyzer.ForHardcodedSecret());
        var settingsFloor = Floor(FloorAnalyzer.ForBotSettings());
        var configFloor = Floor(FloorAnalyzer.ForConfigFile());
        list.Add(secretFloor);
        list.Add(settingsFloor);
        list.Add(configFloor);
        list.Add(new MeasuredAnalyzer(new HardcodedSecretAnalyzer(), AnalyzerGroup.KeyLint, nameof(HardcodedSecretAnalyzer), secretFloor));
        list.Add(new MeasuredAnalyzer(new BotSettingsAnalyzer(), AnalyzerGroup.KeyLint, nameof(BotSettingsAnalyzer), settingsFloor));
        list.Add(new MeasuredAnalyzer(new ConfigFileAnalyzer(), AnalyzerGroup.KeyLint, nameof(ConfigFileAnalyzer), configFloor));

        // The two analyzers with one compilation action each: the catalog-load check and the secret-lookup option check.
        foreach (var (analyzer, name) in new (DiagnosticAnalyzer, string)[]
                 {
                     (new CatalogLoadAnalyzer(), nameof(CatalogLoadAnalyzer)),
                     (new SecretLookupOptionAnalyzer(), nameof(SecretLookupOptionAnalyzer)),
                 })
        {
            var floor = Floor(FloorAnalyzer.ForCompilationAction(name));
            list.Add(floor);
            list.Add(new MeasuredAnalyzer(analyzer, AnalyzerGroup.KeyLint, name, floor));
        }

        list.Add(new MeasuredAnalyzer(new ScannerProbeAnalyzer(), AnalyzerGroup.Probe, "probe: value checks of HardcodedSecretAnalyzer only", secretFloor));
        list.Add(new MeasuredAnalyzer(new ValueReadingFloorAnalyzer(), AnalyzerGroup.Reference, ValueReadingFloorAnalyzer.Name, secretFloor));
        foreach (var analyzer in sonarAnalyzers)
        {
            var ids = string.Join("/", analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).Distinct());
            list.Add(new MeasuredAnalyzer(analyzer, AnalyzerGroup.Sonar, $"Sonar {analyzer.GetType().Name} ({ids})", null));
        }

        return new AnalyzerSet(list, secretFloor);
    }

    private static MeasuredAnalyzer Floor(FloorAnalyzer analyzer) => new(analyzer, AnalyzerGroup.Floor, analyzer.Name, null);
}
