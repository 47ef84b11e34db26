using System.Collections.Generic;

namespace KeyLint.Core.Config;

/// <summary>Line and quote helpers shared by the line-based config readers.</summary>
internal static class LineReader
{
    public readonly struct Line
    {
        public Line(int start, int end)
        {
            Start = start;
            End = end;
        }

        public int Start { get; }

        /// <summary>Offset just past the line's last character, before any '\r' or '\n'.</summary>
        public int End { get; }
    }

    public static IEnumerable<Line> Lines(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            yield return new Line(start, contentEnd);
            if (newline < 0)
            {
                yield break;
            }

            start = newline + 1;
        }
    }

    public static int SkipSpaces(string text, int position, int end)
    {
        while (position < end && text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    /// <summary>Reads a quoted value that starts at <paramref name="position"/>; false when none starts there or it is not closed.</summary>
    public static bool TryReadQuoted(string text, int position, int end, out string value, out int valueEnd)
    {
        value = string.Empty;
        valueEnd = position;
        if (position >= end || text[position] is not ('"' or '\''))
        {
            return false;
        }

        var quote = text[position];
        var builder = new System.Text.StringBuilder();
        for (var i = position + 1; i < end; i++)
        {
            var c = text[i];
            if (c == '\\' && quote == '"' && i + 1 < end)
            {
                var escaped = text[++i];
                builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                continue;
            }

            if (c == quote)
            {
                // YAML writes a single quote inside single quotes as two.
                if (quote == '\'' && i + 1 < end && text[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i++;
                    continue;
                }

                value = builder.ToString();
                valueEnd = i + 1;
                return true;
            }

            builder.Append(c);
        }

        return false;
    }

    /// <summary>Finds where a comment starts after an unquoted value: a comment character preceded by white space.</summary>
    public static int FindInlineComment(string text, int start, int end, string commentCharacters)
    {
        for (var i = start; i < end; i++)
        {
            if (commentCharacters.IndexOf(text[i]) >= 0 && (i == start || text[i - 1] is ' ' or '\t'))
            {
                return i;
            }
        }

        return end;
    }
}
