using System;
using System.Globalization;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>
/// Sizes of the hardening runs. The default keeps the whole suite fast on a 2-core CI machine; set the environment
/// variable <c>KEYLINT_FUZZ_SCALE</c> to a whole number above 1 (say 20) to multiply the random cases per property
/// and to raise large config files from 8 Mi to 50 Mi characters.
/// </summary>
internal static class FuzzBudget
{
    public const string ScaleVariable = "KEYLINT_FUZZ_SCALE";

    public static int Scale { get; } = ReadScale();

    /// <summary>The seed every random run starts from, so that a failure replays exactly.</summary>
    public const int Seed = 20261204;

    public static int Cases(int defaultCount) => defaultCount * Scale;

    /// <summary>Characters in each large config file: 8 Mi by default, 50 Mi when the scale is raised.</summary>
    public static int LargeFileChars => (Scale > 1 ? 50 : 8) * 1024 * 1024;

    private static int ReadScale()
    {
        var text = Environment.GetEnvironmentVariable(ScaleVariable);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale > 1 ? scale : 1;
    }
}
