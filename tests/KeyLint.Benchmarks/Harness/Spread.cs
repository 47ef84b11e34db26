using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KeyLint.Benchmarks.Harness;

/// <summary>The median and the spread (min to max) that the reports print for repeated measurements.</summary>
public static class Spread
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Formats the values as "median [min-max]", or as the value alone when there is one.</summary>
    public static string Format(IEnumerable<double> values, string format)
    {
        var sorted = values.OrderBy(value => value).ToList();
        var median = Median(sorted);
        var culture = CultureInfo.InvariantCulture;
        return sorted.Count == 1
            ? median.ToString(format, culture)
            : $"{median.ToString(format, culture)} [{sorted[0].ToString(format, culture)}-{sorted[^1].ToString(format, culture)}]";
    }
}
