using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;

namespace KeyLint.Benchmarks.Micro;

/// <summary>
/// One worst case per catalog entry, at three lengths, to show that time grows linearly with the input: a long run
/// of the characters the pattern accepts after the prefix ("run"), and the prefix repeated over the whole input
/// ("prefixes"). The ns/char column stays flat across lengths when time is linear.
/// </summary>
public class PathologicalBenchmarks : ICharacterCount
{
    private const int Chunk = 1000;

    private string _input = string.Empty;
    private KeyFormat? _format;
    private SecretScanner _scanner = SecretScanner.Default;
    private TargetContext _target = new("apiSecret", null);

    /// <summary>A catalog id and the shape of the input, such as <c>aws-access-key-id/run</c>.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = string.Empty;

    [Params(1_000, 10_000, 100_000)]
    public int Length { get; set; }

    public double CharactersPerOperation => _input.Length;

    public static IEnumerable<string> Cases()
    {
        foreach (var format in KeyFormatCatalog.BuiltIn.Formats)
        {
            yield return format.Id + "/run";
            if (format.Prefixes.Count > 0)
            {
                yield return format.Id + "/prefixes";
            }
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _scanner = SecretScanner.Default;
        var parts = Case.Split('/');
        _format = _scanner.Catalog.Formats.Single(format => format.Id == parts[0]);
        _input = parts[1] == "run" ? Run(_format, Length) : Repeat(_format.Prefixes[0], Length);
    }

    /// <summary>What KeyLint runs on a string: the prefix scan for prefixed formats, the context match for the rest.</summary>
    [Benchmark]
    public bool Scanner() => _format!.Context is null
        ? _scanner.TryMatchFormat(_input, out _)
        : _scanner.TryMatchInContext(_input, _target, out _);

    /// <summary>The format's regular expression alone on the whole input, without the length limits around it.</summary>
    [Benchmark]
    public bool Pattern()
    {
        try
        {
            return _format!.Pattern.IsMatch(_input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // Expands the first must-match example with every {N:class} placeholder stretched to the whole length, so the
    // input is one prefix followed by Length characters of the pattern's own class.
    private static string Run(KeyFormat format, int length)
    {
        var template = format.MatchExamples[0].Template;
        var stretched = Regex.Replace(
            template,
            @"\{[0-9]{1,4}(?:-[0-9]{1,4})?:(?<class>[^{}]+)\}",
            match => string.Concat(Enumerable.Repeat("{" + Chunk + ":" + match.Groups["class"].Value + "}", Math.Max(1, length / Chunk))));
        return ExampleTemplate.Expand(stretched, ExampleTemplate.CreateRandom(format.Id));
    }

    private static string Repeat(string prefix, int length)
    {
        var builder = new StringBuilder(length + prefix.Length);
        while (builder.Length < length)
        {
            builder.Append(prefix);
        }

        return builder.ToString();
    }
}
