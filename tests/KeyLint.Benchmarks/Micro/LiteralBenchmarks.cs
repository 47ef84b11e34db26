using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using KeyLint.Benchmarks.Corpus;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;

namespace KeyLint.Benchmarks.Micro;

/// <summary>
/// The per-literal hot path over the values a trading back end's code contains (log templates, URLs, SQL, hashes,
/// GUIDs, base64, ...). Every value here is rejected, so the allocation column is the allocation per rejected
/// literal. Times are per literal.
/// </summary>
public class TypicalLiteralBenchmarks : ICharacterCount
{
    private const int Count = 10_000;

    private string[] _values = Array.Empty<string>();
    private SecretScanner _scanner = SecretScanner.Default;

    /// <summary>An operation is one value, so this is the average value length.</summary>
    public double CharactersPerOperation => _values.Average(value => value.Length);

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = new Vocabulary(new Random(42));
        _values = Enumerable.Range(0, Count).Select(_ => vocabulary.TypicalLiteral()).ToArray();
        _scanner = SecretScanner.Default;
        var matched = _values.FirstOrDefault(value => _scanner.TryMatchFormat(value, out _));
        if (matched is not null)
        {
            throw new InvalidOperationException($"A typical value matched a key format, so the set is not all rejected: {matched.Length} characters.");
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TryMatchFormat()
    {
        var matches = 0;
        foreach (var value in _values)
        {
            if (_scanner.TryMatchFormat(value, out _))
            {
                matches++;
            }
        }

        return matches;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int IsContextCandidate()
    {
        var candidates = 0;
        foreach (var value in _values)
        {
            if (SecretScanner.IsContextCandidate(value))
            {
                candidates++;
            }
        }

        return candidates;
    }
}

/// <summary>
/// The gate that decides whether a positional argument's parameter name is worth a question to the semantic model,
/// over the typical values that pass <see cref="SecretScanner.IsContextCandidate"/>: it runs the context formats'
/// patterns on a value that no random-value check lets through. Times are per value.
/// </summary>
public class ContextGateBenchmarks : ICharacterCount
{
    private const int Count = 2_000;

    private string[] _values = Array.Empty<string>();
    private SecretScanner _scanner = SecretScanner.Default;

    /// <summary>An operation is one value, so this is the average value length.</summary>
    public double CharactersPerOperation => _values.Average(value => value.Length);

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = new Vocabulary(new Random(42));
        _scanner = SecretScanner.Default;
        _values = Enumerable.Range(0, 100 * Count)
            .Select(_ => vocabulary.TypicalLiteral())
            .Where(SecretScanner.IsContextCandidate)
            .Take(Count)
            .ToArray();
        if (_values.Length < Count)
        {
            throw new InvalidOperationException($"Only {_values.Length} typical values are context candidates, expected {Count}.");
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int CouldMatchInContext()
    {
        var passed = 0;
        foreach (var value in _values)
        {
            if (_scanner.CouldMatchInContext(value, ScannerOptions.Default))
            {
                passed++;
            }
        }

        return passed;
    }
}

/// <summary>
/// Rejected values that contain a catalog prefix, so the prefilter lets them through to the pattern: the catalog's
/// own must-not-match examples, expanded from a fixed seed. One operation scans all of them; divide its time and
/// allocation by <see cref="ValueCount"/>.
/// </summary>
public class PrefixHitBenchmarks : ICharacterCount
{
    private string[] _values = Array.Empty<string>();
    private SecretScanner _scanner = SecretScanner.Default;

    /// <summary>One operation scans every value once.</summary>
    public double CharactersPerOperation => _values.Sum(value => value.Length);

    [GlobalSetup]
    public void Setup()
    {
        _scanner = SecretScanner.Default;
        _values = _scanner.Catalog.Formats
            .Where(format => format.Prefixes.Count > 0)
            .SelectMany(format => format.NoMatchExamples.Select(example =>
                ExampleTemplate.Expand(example.Template, ExampleTemplate.CreateRandom(format.Id))))
            .Where(value => !_scanner.TryMatchFormat(value, out _) && _scanner.Catalog.Formats
                .Any(format => format.Prefixes.Any(prefix => value.IndexOf(prefix, StringComparison.OrdinalIgnoreCase) >= 0)))
            .ToArray();
        if (_values.Length == 0)
        {
            throw new InvalidOperationException("The catalog has no must-not-match example that contains a prefix.");
        }
    }

    [Benchmark]
    public int TryMatchFormat()
    {
        var matches = 0;
        foreach (var value in _values)
        {
            if (_scanner.TryMatchFormat(value, out _))
            {
                matches++;
            }
        }

        return matches;
    }

    /// <summary>Returns the number of values that one <see cref="TryMatchFormat"/> operation scans.</summary>
    [Benchmark]
    public int ValueCount() => _values.Length;
}
