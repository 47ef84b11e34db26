using Xunit;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>
/// Test classes that compare timings run one at a time, never beside other tests, so that a neighbour's work on the
/// machine's few cores does not distort a ratio.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
