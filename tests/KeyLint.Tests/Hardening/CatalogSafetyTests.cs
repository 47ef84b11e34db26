using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;
using KeyLint.Tests.Hardening.Support;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>
/// Every catalog pattern must run in linear time. Each built-in format is matched against long runs of the
/// characters its pattern accepts, after each of its prefixes, since those are the inputs that make a backtracking
/// matcher retry the most.
/// </summary>
[Collection(TimingCollection.Name)]
public class CatalogSafetyTests
{
    public static TheoryData<string> FormatIds()
    {
        var data = new TheoryData<string>();
        foreach (var format in KeyFormatCatalog.BuiltIn.Formats)
        {
            data.Add(format.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatIds))]
    public void PatternScalesLinearlyOnAcceptedRuns(string id)
    {
        var format = KeyFormatCatalog.BuiltIn.Formats.Single(f => f.Id == id);
        var scanner = SecretScanner.Default;
        var alphabet = AcceptedCharacters(format.Pattern);
        var prefixes = format.Prefixes.Count > 0 ? format.Prefixes.ToArray() : new[] { string.Empty };
        Linearity.AssertLinear(
            $"{id} on runs of accepted characters",
            20_000,
            n => BuildRun(prefixes, alphabet, n),
            value =>
            {
                scanner.TryMatchFormat(value, out _);
                format.Pattern.Match(value);
            });
    }

    [Theory]
    [MemberData(nameof(FormatIds))]
    public void PatternDoesNotTimeOutOnLongRun(string id)
    {
        // A timeout counts as no match, so a pattern that times out hides keys; none may come near its limit.
        var format = KeyFormatCatalog.BuiltIn.Formats.Single(f => f.Id == id);
        var value = BuildRun(
            format.Prefixes.Count > 0 ? format.Prefixes.ToArray() : new[] { string.Empty },
            AcceptedCharacters(format.Pattern),
            1_000_000);
        var match = format.Pattern.Match(value);
        Assert.NotNull(match);
    }

    [Fact]
    public void CatastrophicCustomPatternIsRejected()
    {
        // .NET makes "(a+)+b" atomic on its own, so the slow pattern here overlaps in an alternation instead.
        const string catalog = """
            { "formats": [ {
              "id": "slow", "name": "Slow key", "provider": "Slow", "prefixes": ["sl_"],
              "pattern": "sl_(a|aa)+b",
              "examples": { "match": ["sl_aaaaaaab"], "noMatch": ["sl_xxxxxxxx"] }
            } ] }
            """;
        var format = Assert.Single(KeyFormatCatalog.Parse(catalog).Formats);

        var problem = FormatValidator.Validate(format);

        Assert.NotNull(problem);
        Assert.Contains("takes longer than", problem);
    }

    // Builds prefix, run, prefix, run, ... with runs of accepted characters; prefixes recur so that every start is retried.
    private static string BuildRun(string[] prefixes, string alphabet, int length)
    {
        var builder = new StringBuilder(length + 64);
        var random = new System.Random(FuzzBudget.Seed);
        var i = 0;
        while (builder.Length < length)
        {
            builder.Append(prefixes[i++ % prefixes.Length]);
            var run = random.Next(1, 200);
            for (var j = 0; j < run; j++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }
        }

        return builder.ToString();
    }

    // The printable ASCII characters that some part of the pattern accepts: those that match the pattern's character
    // classes, found by testing each character against each class in the pattern text.
    private static string AcceptedCharacters(Regex pattern)
    {
        var classes = Regex.Matches(pattern.ToString(), @"\[(?:\\.|[^\]])+\]").Select(m => new Regex(m.Value)).ToArray();
        var accepted = new StringBuilder();
        for (var c = ' '; c < '\u007F'; c++)
        {
            if (classes.Any(cls => cls.IsMatch(c.ToString())))
            {
                accepted.Append(c);
            }
        }

        return accepted.Length > 0 ? accepted.ToString() : "A";
    }
}
