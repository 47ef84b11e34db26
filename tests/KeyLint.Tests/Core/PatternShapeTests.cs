using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using KeyLint.Core.Formats;
using Xunit;

namespace KeyLint.Tests.Core;

/// <summary>
/// The pattern shape turns values away before a format's regular expression runs, so it must never turn away a value
/// that the expression matches. These tests hold it against .NET's own matcher: on the built-in catalog, and on
/// random patterns built from the syntax the shape reader follows.
/// </summary>
public class PatternShapeTests
{
    private const RegexOptions CatalogOptions = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [Fact]
    public void EveryBuiltInPatternHasAShape()
    {
        var unread = KeyFormatCatalog.BuiltIn.Formats.Where(format => format.Shape is null).Select(format => format.Id).ToList();

        Assert.Empty(unread);
    }

    [Fact]
    public void BuiltInShapesAcceptPatternMatches()
    {
        var random = new Random(20261204);
        int matched = 0, turnedAway = 0;
        foreach (var format in KeyFormatCatalog.BuiltIn.Formats)
        {
            var shape = format.Shape!;
            foreach (var value in ValuesFor(format, random))
            {
                var accepted = format.Context is null ? shape.MayMatchWithin(value) : shape.MayMatch(value);
                if (format.Pattern.IsMatch(value))
                {
                    matched++;
                    Assert.True(accepted, $"The shape of '{format.Id}' turned away a value of length {value.Length} that its pattern matches.");
                }
                else if (!accepted)
                {
                    turnedAway++;
                }
            }
        }

        // Every match example matches, and most random text is turned away. Otherwise this test would prove nothing.
        Assert.True(matched >= 300, $"Only {matched} values matched.");
        Assert.True(turnedAway >= 5000, $"Only {turnedAway} values were turned away.");
    }

    [Fact]
    public void RandomShapesAcceptPatternMatches()
    {
        var random = new Random(4242);
        int patterns = 0, read = 0, matched = 0, turnedAway = 0;
        while (patterns < 1500)
        {
            var node = RandomNode(random, depth: 0);
            var options = CatalogOptions | (random.Next(4) == 0 ? RegexOptions.IgnoreCase : RegexOptions.None);
            var text = node.Pattern;
            patterns++;
            var anchored = new Regex("^(?:" + text + ")$", options, TimeSpan.FromSeconds(2));
            var anywhere = new Regex(text, options, TimeSpan.FromSeconds(2));
            var wholeShape = PatternShape.TryCreate(anchored.ToString(), options);
            var partShape = PatternShape.TryCreate(text, options);
            Assert.NotNull(wholeShape);
            Assert.NotNull(partShape);
            read++;

            for (var i = 0; i < 40; i++)
            {
                var value = i < 25 ? node.Sample(random) : Noise(random, random.Next(0, 40));
                if (random.Next(3) == 0)
                {
                    value = Mutate(value, random);
                }

                var embedded = Noise(random, random.Next(0, 6)) + value + Noise(random, random.Next(0, 6));
                if (anchored.IsMatch(value))
                {
                    matched++;
                    Assert.True(wholeShape!.MayMatch(value), $"The shape of /{text}/ ({options}) turned away \"{value}\".");
                }
                else if (!wholeShape!.MayMatch(value))
                {
                    turnedAway++;
                }

                if (anywhere.IsMatch(embedded))
                {
                    Assert.True(partShape!.MayMatchWithin(embedded), $"The shape of /{text}/ ({options}) turned away \"{embedded}\" within.");
                }
            }
        }

        Assert.Equal(patterns, read);
        Assert.True(matched >= 10000, $"Only {matched} values matched.");
        Assert.True(turnedAway >= 5000, $"Only {turnedAway} values were turned away.");
    }

    [Theory]
    [InlineData("[A-Za-z0-9]{32}", 32, 32)]
    [InlineData("[0-9a-f]{8}-[0-9a-f]{4}", 13, 13)]
    [InlineData("(?=[^0-9]{0,31}[0-9])[\\x21-\\x7E]{8,32}", 8, 32)]
    [InlineData("ab|cdef", 2, 4)]
    [InlineData("a+b*", 1, int.MaxValue)]
    [InlineData("(?<secret>x{2,3}){2}", 4, 6)]
    [InlineData("^(?:ab?)$", 1, 2)]
    public void ReadsLengthBounds(string pattern, int min, int max)
    {
        var shape = PatternShape.TryCreate(pattern, CatalogOptions)!;

        Assert.Equal(min, shape.MinLength);
        Assert.Equal(max, shape.MaxLength);
    }

    [Fact]
    public void RejectsWrongLengthOrCharacter()
    {
        var shape = PatternShape.TryCreate("^(?:[A-Za-z0-9]{32})$", CatalogOptions)!;

        Assert.True(shape.MayMatch(new string('a', 32)));
        Assert.False(shape.MayMatch(new string('a', 31)));
        Assert.False(shape.MayMatch(new string('a', 33)));
        Assert.False(shape.MayMatch(new string('a', 31) + " "));
        Assert.False(shape.MayMatch(new string('a', 31) + "é"));
    }

    [Fact]
    public void AcceptsFinalLineFeed()
    {
        // "$" matches before a final line feed, so the pattern matches this value although "\n" is not in its class.
        var pattern = "^(?:[a-z]{8})$";
        var value = "abcdefgh\n";

        Assert.Matches(new Regex(pattern, CatalogOptions), value);
        Assert.True(PatternShape.TryCreate(pattern, CatalogOptions)!.MayMatch(value));
    }

    [Fact]
    public void RequiresCharactersOfEveryMatch()
    {
        var url = PatternShape.TryCreate("://[^@]{0,8}:(?<secret>[a-z]{1,8})@[a-z]{1,8}", CatalogOptions)!;
        var either = PatternShape.TryCreate("a@|b@c", CatalogOptions)!;
        var optional = PatternShape.TryCreate("a@?", CatalogOptions)!;

        Assert.True(url.MayMatchWithin("https://user:secret@host"));
        Assert.False(url.MayMatchWithin("https://api.example.com:443/v1/orders"));
        Assert.True(either.MayMatchWithin("xb@cx"));
        Assert.False(either.MayMatchWithin("abc"));
        Assert.True(optional.MayMatchWithin("a"));
    }

    [Fact]
    public void IgnoreCaseAcceptsOtherLetters()
    {
        const RegexOptions options = CatalogOptions | RegexOptions.IgnoreCase;
        var shape = PatternShape.TryCreate("^(?:key-[a-f]{4})$", options)!;

        Assert.True(shape.MayMatch("KEY-ABCD"));
        Assert.True(shape.MayMatch("key-abcd"));

        // The Kelvin sign matches "k" when case is ignored.
        Assert.Matches(new Regex("^(?:key-[a-f]{4})$", options), "\u212Aey-abcd");
        Assert.True(shape.MayMatch("\u212Aey-abcd"));
    }

    [Theory]
    [InlineData("(a)\\1")]
    [InlineData("(?<n>a)\\k<n>")]
    [InlineData("(?i)abc")]
    [InlineData("(?i:abc)")]
    [InlineData("a(?#comment)b")]
    [InlineData("(?(a)b|c)")]
    [InlineData("[a-z-[aeiou]]")]
    [InlineData("\\0")]
    [InlineData("a{2")]
    public void NoShapeForUnsupportedSyntax(string pattern)
    {
        Assert.Null(PatternShape.TryCreate(pattern, CatalogOptions));
    }

    [Theory]
    [InlineData("[!-[b]]", "!")]
    [InlineData("[A-[B]]x", "Ax")]
    [InlineData("[0-9:-[5]]", ":")]
    public void AcceptsMatchOfSubtractionAfterRange(string pattern, string value)
    {
        // .NET reads "[" after a range's "-" as the start of a subtracted class, not as the range's end.
        var anchored = new Regex("^(?:" + pattern + ")$", CatalogOptions);
        Assert.Matches(anchored, value);

        var shape = PatternShape.TryCreate(anchored.ToString(), CatalogOptions);
        Assert.True(shape is null || shape.MayMatch(value), $"The shape of /{pattern}/ turned away \"{value}\".");
    }

    [Theory]
    [InlineData("\\u212A", "k")]
    [InlineData("\\u212A", "K")]
    [InlineData("[\\u2100-\\u2200]{2}", "kK")]
    public void IgnoreCaseAcceptsAsciiLetterOfKelvinSign(string pattern, string value)
    {
        // With IgnoreCase, .NET pairs the Kelvin sign (U+212A) with "k" and "K".
        const RegexOptions options = CatalogOptions | RegexOptions.IgnoreCase;
        var anchored = new Regex("^(?:" + pattern + ")$", options);
        Assert.Matches(anchored, value);

        var whole = PatternShape.TryCreate(anchored.ToString(), options);
        var within = PatternShape.TryCreate(pattern, options);
        Assert.True(whole is null || whole.MayMatch(value), $"The shape of /{pattern}/ turned away \"{value}\".");
        Assert.True(within is null || within.MayMatchWithin("=" + value + "="), $"The shape of /{pattern}/ turned away \"{value}\" within.");
    }

    [Theory]
    [InlineData(RegexOptions.Multiline)]
    [InlineData(RegexOptions.IgnorePatternWhitespace)]
    [InlineData(RegexOptions.RightToLeft)]
    public void NoShapeForUnsupportedOptions(RegexOptions options)
    {
        Assert.Null(PatternShape.TryCreate("^(?:[a-z]{8})$", CatalogOptions | options));
    }

    private static IEnumerable<string> ValuesFor(KeyFormat format, Random random)
    {
        var examples = ExampleTemplate.CreateRandom(format.Id);
        var values = format.MatchExamples.Concat(format.NoMatchExamples)
            .Select(example => ExampleTemplate.Expand(example.Template, examples))
            .ToList();
        foreach (var value in values.ToList())
        {
            values.Add(Mutate(value, random));
            values.Add(Noise(random, 5) + value + Noise(random, 5));
            values.Add(value + "\n");
            values.Add(value.ToUpperInvariant());
        }

        for (var i = 0; i < 100; i++)
        {
            values.Add(Noise(random, random.Next(0, 120)));
        }

        return values;
    }

    private const string Alphabet = "abcxyzKLMN0189@:/.-_+= \"'\\\u00e9\u212a";

    private static string Noise(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Mutate(string value, Random random)
    {
        if (value.Length == 0)
        {
            return Noise(random, 1);
        }

        var position = random.Next(value.Length);
        return random.Next(3) switch
        {
            0 => value.Remove(position, 1),
            1 => value.Insert(position, Noise(random, 1)),
            _ => value.Substring(0, position) + Noise(random, 1) + value.Substring(position + 1),
        };
    }

    private static Node RandomNode(Random random, int depth)
    {
        var choice = depth > 3 ? random.Next(5) : random.Next(11);
        switch (choice)
        {
            case 0 or 1:
                var c = "abcxyzK019@:/.-_ +="[random.Next(19)];
                return new Node(Regex.Escape(c.ToString()), r => c.ToString());
            case 2:
                return ClassNode(random);
            case 3:
                var escapes = new[] { ("\\d", "0123456789"), ("\\w", "abcXYZ019_"), ("\\s", " \t"), ("\\.", "."), ("\\x41", "A") };
                var (escape, members) = escapes[random.Next(escapes.Length)];
                return new Node(escape, r => members[r.Next(members.Length)].ToString());
            case 4:
                return new Node(".", r => Alphabet[r.Next(Alphabet.Length)].ToString());
            case 5 or 6:
                var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomNode(random, depth + 1)).ToList();
                return new Node(string.Concat(parts.Select(p => p.Pattern)), r => string.Concat(parts.Select(p => p.Sample(r))));
            case 7:
                var branches = Enumerable.Range(0, random.Next(2, 4)).Select(_ => RandomNode(random, depth + 1)).ToList();
                var open = random.Next(3) switch { 0 => "(?:", 1 => "(?<g" + depth + ">", _ => "(" };
                return new Node(open + string.Join("|", branches.Select(b => b.Pattern)) + ")", r => branches[r.Next(branches.Count)].Sample(r));
            case 8:
                return QuantifiedNode(random, RandomNode(random, depth + 1));
            case 9:
                var inner = RandomNode(random, depth + 1);
                var look = new[] { "(?=", "(?!", "(?<=", "(?<!" }[random.Next(4)];
                return new Node(look + inner.Pattern + ")", r => string.Empty);
            default:
                var anchor = new[] { "^", "$", "\\b", "\\B" }[random.Next(4)];
                return new Node(anchor, r => string.Empty);
        }
    }

    private static Node ClassNode(Random random)
    {
        var ranges = new[] { "a-f", "A-Z", "0-9", "@", ":", "/", "\\-", "_", "\\x21-\\x2F", "\\d", "\\s", " " };
        var picked = Enumerable.Range(0, random.Next(1, 4)).Select(_ => ranges[random.Next(ranges.Length)]).Distinct().ToList();
        var negated = random.Next(5) == 0;
        var pattern = "[" + (negated ? "^" : string.Empty) + string.Concat(picked) + "]";
        var regex = new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
        var members = Enumerable.Range(32, 95).Select(code => ((char)code).ToString()).Where(s => regex.IsMatch(s)).ToList();
        if (members.Count == 0)
        {
            members.Add("a");
        }

        return new Node(pattern, r => members[r.Next(members.Count)]);
    }

    private static Node QuantifiedNode(Random random, Node inner)
    {
        var atom = "(?:" + inner.Pattern + ")";
        int min, max;
        string quantifier;
        switch (random.Next(6))
        {
            case 0:
                (min, max, quantifier) = (0, 3, "*");
                break;
            case 1:
                (min, max, quantifier) = (1, 3, "+");
                break;
            case 2:
                (min, max, quantifier) = (0, 1, "?");
                break;
            case 3:
                min = max = random.Next(0, 5);
                quantifier = "{" + min + "}";
                break;
            case 4:
                min = random.Next(0, 4);
                max = min + 3;
                quantifier = "{" + min + ",}";
                break;
            default:
                min = random.Next(0, 4);
                max = min + random.Next(0, 4);
                quantifier = "{" + min + "," + max + "}";
                break;
        }

        if (random.Next(4) == 0)
        {
            quantifier += "?";
        }

        return new Node(atom + quantifier, r =>
        {
            var builder = new StringBuilder();
            var count = r.Next(min, max + 1);
            for (var i = 0; i < count; i++)
            {
                builder.Append(inner.Sample(r));
            }

            return builder.ToString();
        });
    }

    private sealed class Node
    {
        private readonly Func<Random, string> _sample;

        public Node(string pattern, Func<Random, string> sample)
        {
            Pattern = pattern;
            _sample = sample;
        }

        public string Pattern { get; }

        public string Sample(Random random) => _sample(random);
    }
}
