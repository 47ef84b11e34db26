using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace KeyLint.Core.Formats;

/// <summary>
/// Expands catalog example templates into values of a real key's shape. The catalog and the tests then contain no
/// key at all, only its shape, and the same seed always yields the same values.
/// </summary>
public static class ExampleTemplate
{
    private static readonly Regex Placeholder = new(
        @"\{(?<min>[0-9]{1,4})(?:-(?<max>[0-9]{1,4}))?:(?<class>[^{}]+)\}",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>Replaces every <c>{N:class}</c> placeholder with characters drawn by <paramref name="random"/>.</summary>
    /// <exception cref="FormatException">A character class is empty or a range is reversed.</exception>
    public static string Expand(string template, Random random)
    {
        return Placeholder.Replace(template, match =>
        {
            var min = int.Parse(match.Groups["min"].Value);
            var max = match.Groups["max"].Success ? int.Parse(match.Groups["max"].Value) : min;
            if (max < min)
            {
                throw new FormatException($"The length range {min}-{max} in '{match.Value}' is reversed.");
            }

            var alphabet = ParseClass(match.Groups["class"].Value);
            var length = random.Next(min, max + 1);
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return builder.ToString();
        });
    }

    /// <summary>Creates the random source for the examples of one format, seeded from the format's id.</summary>
    public static Random CreateRandom(string formatId)
    {
        // A string hash that is the same in every process, unlike string.GetHashCode on .NET Core.
        var seed = 17;
        foreach (var c in formatId)
        {
            seed = unchecked((seed * 31) + c);
        }

        return new Random(seed);
    }

    private static string ParseClass(string body)
    {
        var characters = new List<char>();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                characters.Add(body[++i]);
            }
            else if (i + 2 < body.Length && body[i + 1] == '-')
            {
                var last = body[i + 2];
                if (last < c)
                {
                    throw new FormatException($"The character range '{c}-{last}' is reversed.");
                }

                for (var x = c; x <= last; x++)
                {
                    characters.Add(x);
                }

                i += 2;
            }
            else
            {
                characters.Add(c);
            }
        }

        if (characters.Count == 0)
        {
            throw new FormatException("A character class in an example template is empty.");
        }

        return new string(characters.ToArray());
    }
}
