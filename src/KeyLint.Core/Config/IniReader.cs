using System.Collections.Generic;
using System.Threading;

namespace KeyLint.Core.Config;

/// <summary>Reads INI files: <c>[section]</c> headers, <c>key = value</c> or <c>key: value</c>, <c>;</c> and <c>#</c> comments.</summary>
public static class IniReader
{
    /// <summary>Reads every setting; a long file checks <paramref name="cancellationToken"/> every 4,096 lines.</summary>
    public static List<ConfigEntry> Read(string text, CancellationToken cancellationToken = default)
    {
        var lineCount = 0;
        var entries = new List<ConfigEntry>();
        ConfigPath? section = null;
        foreach (var line in LineReader.Lines(text))
        {
            if ((++lineCount & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var position = LineReader.SkipSpaces(text, line.Start, line.End);
            if (position >= line.End || text[position] is ';' or '#')
            {
                continue;
            }

            if (text[position] == '[')
            {
                var close = text.IndexOf(']', position, line.End - position);
                if (close > position)
                {
                    // Its keys share one path object. Keys under a section with an empty name sit at the top level.
                    var name = text.Substring(position + 1, close - position - 1).Trim();
                    section = name.Length == 0 ? null : ConfigPath.Create(null, name);
                }

                continue;
            }

            var separator = IndexOfSeparator(text, position, line.End);
            if (separator <= position)
            {
                continue;
            }

            var key = text.Substring(position, separator - position).Trim();
            var valueStart = LineReader.SkipSpaces(text, separator + 1, line.End);
            if (LineReader.TryReadQuoted(text, valueStart, line.End, out var quoted, out var quotedEnd))
            {
                entries.Add(new ConfigEntry(section, key, key, quoted, valueStart, quotedEnd - valueStart));
                continue;
            }

            var valueEnd = LineReader.FindInlineComment(text, valueStart, line.End, ";#");
            var value = text.Substring(valueStart, valueEnd - valueStart).TrimEnd();
            entries.Add(new ConfigEntry(section, key, key, value, valueStart, value.Length));
        }

        return entries;
    }

    private static int IndexOfSeparator(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is '=' or ':')
            {
                return i;
            }
        }

        return -1;
    }
}
