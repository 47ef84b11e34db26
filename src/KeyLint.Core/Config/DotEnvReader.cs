using System;
using System.Collections.Generic;
using System.Threading;

namespace KeyLint.Core.Config;

/// <summary>
/// Reads <c>.env</c> files: <c>KEY=value</c> lines, an optional <c>export</c>, single or double quotes, and <c>#</c>
/// comments on their own line or after an unquoted value.
/// </summary>
public static class DotEnvReader
{
    /// <summary>Reads every setting; a long file checks <paramref name="cancellationToken"/> every 4,096 lines.</summary>
    public static List<ConfigEntry> Read(string text, CancellationToken cancellationToken = default)
    {
        var lineCount = 0;
        var entries = new List<ConfigEntry>();
        foreach (var line in LineReader.Lines(text))
        {
            if ((++lineCount & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var position = LineReader.SkipSpaces(text, line.Start, line.End);
            if (position >= line.End || text[position] == '#')
            {
                continue;
            }

            if (string.CompareOrdinal(text, position, "export ", 0, 7) == 0)
            {
                position = LineReader.SkipSpaces(text, position + 7, line.End);
            }

            var equals = text.IndexOf('=', position, line.End - position);
            if (equals <= position)
            {
                continue;
            }

            var key = text.Substring(position, equals - position).Trim();
            if (key.Length == 0 || key.IndexOf(' ') >= 0)
            {
                continue;
            }

            var valueStart = LineReader.SkipSpaces(text, equals + 1, line.End);
            if (LineReader.TryReadQuoted(text, valueStart, line.End, out var quoted, out var quotedEnd))
            {
                entries.Add(new ConfigEntry(key, key, quoted, valueStart, quotedEnd - valueStart));
                continue;
            }

            var valueEnd = LineReader.FindInlineComment(text, valueStart, line.End, "#");
            var value = text.Substring(valueStart, valueEnd - valueStart).TrimEnd();
            entries.Add(new ConfigEntry(key, key, value, valueStart, value.Length));
        }

        return entries;
    }
}
