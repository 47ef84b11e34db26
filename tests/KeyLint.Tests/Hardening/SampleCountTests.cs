using FsCheck.Fluent;
using KeyLint.Tests.Hardening.Support;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>The random tests run the number of cases that <see cref="FuzzBudget"/> sets, each of the requested size.</summary>
public class SampleCountTests
{
    [Fact]
    public void SampleReturnsRequestedCount()
    {
        var samples = CodeGenerators.Sample(Gen.Constant(0), count: 7, size: 3);

        Assert.Equal(7, samples.Length);
    }

    [Fact]
    public void SampleUsesRequestedSize()
    {
        var sizes = CodeGenerators.Sample(Gen.Sized(Gen.Constant), count: 2, size: 5);

        Assert.All(sizes, size => Assert.Equal(5, size));
    }
}
