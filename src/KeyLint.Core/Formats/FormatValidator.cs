using System;
using System.Text;
using System.Text.RegularExpressions;
using KeyLint.Core.Detection;

namespace KeyLint.Core.Formats;

/// <summary>
/// Checks a user's key format before it is used. Its examples must behave as written, so that it finds its own keys,
/// and its pattern must finish quickly on a long hostile input, so that it cannot stall a build.
/// </summary>
public static class FormatValidator
{
    /// <summary>Length of the hostile input every pattern must finish on within <see cref="KeyFormat.MatchTimeout"/>.</summary>
    public const int HostileInputLength = 64 * 1024;

    /// <summary>Returns what is wrong with <paramref name="format"/>, or null when it is sound.</summary>
    public static string? Validate(KeyFormat format)
    {
        var scanner = new SecretScanner(KeyFormatCatalog.FromFormats(new[] { format }));
        var random = ExampleTemplate.CreateRandom(format.Id);
        try
        {
            for (var i = 0; i < format.MatchExamples.Count; i++)
            {
                var example = format.MatchExamples[i];
                var value = ExampleTemplate.Expand(example.Template, random);
                if (!Find(scanner, format, example, value))
                {
                    return $"match example #{i + 1} ('{example.Template}') is not found by the pattern.";
                }
            }

            for (var i = 0; i < format.NoMatchExamples.Count; i++)
            {
                var example = format.NoMatchExamples[i];
                var value = ExampleTemplate.Expand(example.Template, random);
                if (Find(scanner, format, example, value))
                {
                    return $"noMatch example #{i + 1} ('{example.Template}') is found by the pattern.";
                }
            }
        }
        catch (FormatException exception)
        {
            return $"an example template is invalid: {exception.Message}";
        }

        try
        {
            format.Pattern.Matches(HostileInput(format)).Count.ToString();
        }
        catch (RegexMatchTimeoutException)
        {
            return $"the pattern takes longer than {KeyFormat.MatchTimeout.TotalMilliseconds} ms on a " +
                $"{HostileInputLength / 1024} KB input; write it without nested or overlapping repetitions.";
        }

        return null;
    }

    private static bool Find(SecretScanner scanner, KeyFormat format, FormatExample example, string value)
    {
        return format.Context is null
            ? scanner.TryMatchFormat(value, out _)
            : scanner.TryMatchInContext(value, new TargetContext(example.Target, null), out _);
    }

    // Prefixes followed by long runs of one character the examples use, then prefixes followed by random key
    // characters: the inputs that make a backtracking pattern such as "(a+)+b" retry the most.
    private static string HostileInput(KeyFormat format)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.:;@";
        var random = new Random(1);
        var builder = new StringBuilder(HostileInputLength + 4096);
        var exampleRandom = ExampleTemplate.CreateRandom(format.Id);
        var characters = new System.Collections.Generic.HashSet<char>();
        foreach (var example in format.MatchExamples)
        {
            foreach (var c in ExampleTemplate.Expand(example.Template, exampleRandom))
            {
                characters.Add(c);
            }
        }

        foreach (var c in characters)
        {
            if (builder.Length >= HostileInputLength / 2)
            {
                break;
            }

            AppendPrefix(builder, format, random);
            builder.Append(c, 2048);
        }

        while (builder.Length < HostileInputLength)
        {
            AppendPrefix(builder, format, random);
            var run = random.Next(1, 200);
            for (var i = 0; i < run; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return builder.ToString();
    }

    private static void AppendPrefix(StringBuilder builder, KeyFormat format, Random random)
    {
        if (format.Prefixes.Count > 0)
        {
            builder.Append(format.Prefixes[random.Next(format.Prefixes.Count)]);
        }
    }
}
