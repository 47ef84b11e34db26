using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Text;

namespace KeyLint.Core.Config;

/// <summary>
/// Reads the settings of YAML config files: block mappings and sequences, single-line flow lists and maps
/// (<c>[trade, withdraw]</c>, <c>{ key: v }</c>), quoted and plain scalars, <c>|</c> and <c>&gt;</c> block scalars, and
/// comments. It is a small reader of KeyLint's own rather than YamlDotNet because it must locate every value's
/// offset, keep going after a malformed line, and ship inside the analyzer without a dependency the compiler host
/// might load in another version.
/// </summary>
/// <remarks>
/// NOTE: anchors and tags are skipped, aliases are not resolved, and flow collections that span lines are read only
/// on their first line. Those forms are rare in bot configs; a value they hide is missed, never misreported.
/// </remarks>
public static class YamlReader
{
    private const int MaxDepth = 256;

    /// <summary>Reads every setting; a long file checks <paramref name="cancellationToken"/> every 4,096 lines.</summary>
    public static List<ConfigEntry> Read(string text, CancellationToken cancellationToken = default)
    {
        var lineCount = 0;
        var entries = new List<ConfigEntry>();
        var stack = new List<Frame>();
        BlockScalar? block = null;
        foreach (var line in LineReader.Lines(text))
        {
            if ((++lineCount & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var indent = LineReader.SkipSpaces(text, line.Start, line.End) - line.Start;
            var contentStart = line.Start + indent;
            var isBlank = contentStart >= line.End;
            if (block is not null)
            {
                if (isBlank || indent > block.Indent)
                {
                    block.Add(text, line);
                    continue;
                }

                entries.Add(block.ToEntry());
                block = null;
            }

            if (isBlank || text[contentStart] == '#')
            {
                continue;
            }

            if (indent == 0 && (StartsWith(text, contentStart, "---") || StartsWith(text, contentStart, "...")))
            {
                stack.Clear();
                continue;
            }

            var position = contentStart;
            var keyIndent = indent;
            var isItem = text[position] == '-' && (position + 1 == line.End || text[position + 1] == ' ');

            // A sequence may sit at its key's own indentation ("permissions:" then "- trade"), so an item line keeps a
            // mapping key of the same indentation as its parent.
            while (stack.Count > 0 && (stack[stack.Count - 1].Indent > indent ||
                (stack[stack.Count - 1].Indent == indent && (!isItem || stack[stack.Count - 1].IsItem))))
            {
                stack.RemoveAt(stack.Count - 1);
            }

            if (isItem)
            {
                var parent = stack.Count > 0 ? stack[stack.Count - 1] : null;
                var index = (parent is null ? 0 : parent.NextIndex++).ToString(CultureInfo.InvariantCulture);
                var parentKey = parent?.Key ?? string.Empty;
                position = LineReader.SkipSpaces(text, position + 1, line.End);
                if (position >= line.End || text[position] == '#')
                {
                    Push(stack, new Frame(indent, ConfigPath.Create(parent?.Path, index), parentKey, isItem: true));
                    continue;
                }

                var itemColon = FindKeyColon(text, position, line.End);
                if (itemColon < 0)
                {
                    ReadScalarOrFlow(text, position, line.End, parent?.Path, index, parentKey, true, entries);
                    continue;
                }

                // "- key: value": the item is a mapping whose keys sit where "key" starts.
                Push(stack, new Frame(indent, ConfigPath.Create(parent?.Path, index), parentKey, isItem: true));
                keyIndent = position - line.Start;
            }

            var colon = FindKeyColon(text, position, line.End);
            if (colon < 0)
            {
                continue;
            }

            var key = Unquote(text.Substring(position, colon - position).Trim());
            var keyParent = stack.Count > 0 ? stack[stack.Count - 1].Path : null;
            var valueStart = LineReader.SkipSpaces(text, colon + 1, line.End);
            if (valueStart >= line.End || text[valueStart] == '#')
            {
                Push(stack, new Frame(keyIndent, ConfigPath.Create(keyParent, key), key));
                continue;
            }

            valueStart = SkipPropertiesOfNode(text, valueStart, line.End);
            if (valueStart < line.End && text[valueStart] is '|' or '>')
            {
                block = new BlockScalar(keyParent, key, keyIndent, text[valueStart] == '|');
                continue;
            }

            ReadScalarOrFlow(text, valueStart, line.End, keyParent, key, key, false, entries);
        }

        if (block is not null)
        {
            entries.Add(block.ToEntry());
        }

        return entries;
    }

    // The value's path is parent, ':' and name, or the name alone when there is no parent.
    private static void ReadScalarOrFlow(
        string text, int start, int end, ConfigPath? parent, string name, string key, bool isListItem, List<ConfigEntry> entries)
    {
        start = SkipPropertiesOfNode(text, start, end);
        if (start >= end)
        {
            return;
        }

        if (text[start] == '[')
        {
            var count = entries.Count;
            ReadFlowItems(text, start + 1, end, ']', ConfigPath.Create(parent, name), key, entries);
            var close = text.IndexOf(']', start, end - start);
            if (entries.Count == count && close > start && close < end)
            {
                entries.Add(new ConfigEntry(parent, name, key, JsonConfigReader.EmptyList, start, close - start + 1, isListItem));
            }

            return;
        }

        if (text[start] == '{')
        {
            ReadFlowItems(text, start + 1, end, '}', ConfigPath.Create(parent, name), key, entries);
            return;
        }

        if (text[start] == '*')
        {
            return;
        }

        if (LineReader.TryReadQuoted(text, start, end, out var quoted, out var quotedEnd))
        {
            entries.Add(new ConfigEntry(parent, name, key, quoted, start, quotedEnd - start, isListItem));
            return;
        }

        var valueEnd = LineReader.FindInlineComment(text, start, end, "#");
        var value = text.Substring(start, valueEnd - start).TrimEnd();
        entries.Add(new ConfigEntry(parent, name, key, value, start, value.Length, isListItem));
    }

    // Reads "a, 'b', c" up to the closing bracket; in a flow map each item is "key: value".
    private static void ReadFlowItems(string text, int position, int end, char close, ConfigPath path, string key, List<ConfigEntry> entries)
    {
        var index = 0;
        while (position < end)
        {
            position = LineReader.SkipSpaces(text, position, end);
            if (position >= end || text[position] == close || text[position] == '#')
            {
                return;
            }

            var itemKey = key;
            var itemName = index.ToString(CultureInfo.InvariantCulture);
            if (close == '}')
            {
                var colon = FindKeyColon(text, position, end);
                if (colon < 0)
                {
                    return;
                }

                itemKey = Unquote(text.Substring(position, colon - position).Trim());
                itemName = itemKey;
                position = LineReader.SkipSpaces(text, colon + 1, end);
            }

            int itemEnd;
            string value;
            var valueStart = position;
            if (LineReader.TryReadQuoted(text, position, end, out var quoted, out var quotedEnd))
            {
                value = quoted;
                itemEnd = quotedEnd;
            }
            else
            {
                itemEnd = position;
                while (itemEnd < end && text[itemEnd] != ',' && text[itemEnd] != close)
                {
                    itemEnd++;
                }

                value = text.Substring(position, itemEnd - position).TrimEnd();
            }

            if (value.Length > 0 || itemEnd > valueStart)
            {
                entries.Add(new ConfigEntry(path, itemName, itemKey, value, valueStart, itemEnd - valueStart, close == ']'));
            }

            index++;
            position = itemEnd;
            while (position < end && text[position] is ' ' or '\t')
            {
                position++;
            }

            if (position < end && text[position] == ',')
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    // Finds the ':' that ends a mapping key: followed by a space or the end of the line, outside quotes.
    private static int FindKeyColon(string text, int start, int end)
    {
        var position = start;
        if (position < end && text[position] is '"' or '\'')
        {
            if (!LineReader.TryReadQuoted(text, position, end, out _, out var quotedEnd))
            {
                return -1;
            }

            position = quotedEnd;
        }

        for (var i = position; i < end; i++)
        {
            var c = text[i];
            if (c == '#' && i > start && text[i - 1] is ' ' or '\t')
            {
                return -1;
            }

            if (c == ':' && (i + 1 == end || text[i + 1] is ' ' or '\t'))
            {
                return i;
            }

            if (i == start && c is '[' or '{')
            {
                return -1;
            }
        }

        return -1;
    }

    // Skips an anchor (&name) and a tag (!tag, !!str) before a value.
    private static int SkipPropertiesOfNode(string text, int position, int end)
    {
        while (position < end && text[position] is '&' or '!')
        {
            while (position < end && text[position] != ' ')
            {
                position++;
            }

            position = LineReader.SkipSpaces(text, position, end);
        }

        return position;
    }

    private static string Unquote(string key)
    {
        return key.Length >= 2 && (key[0] == '"' || key[0] == '\'') && key[key.Length - 1] == key[0]
            ? key.Substring(1, key.Length - 2)
            : key;
    }

    private static bool StartsWith(string text, int position, string value) =>
        string.CompareOrdinal(text, position, value, 0, value.Length) == 0;

    private static void Push(List<Frame> stack, Frame frame)
    {
        // Deeper levels still pop correctly; they only stop adding to paths, which bounds the work per line.
        if (stack.Count < MaxDepth)
        {
            stack.Add(frame);
        }
    }

    private sealed class Frame
    {
        public Frame(int indent, ConfigPath path, string key, bool isItem = false)
        {
            Indent = indent;
            Path = path;
            Key = key;
            IsItem = isItem;
        }

        public bool IsItem { get; }

        public int Indent { get; }

        /// <summary>The path of this level's key or item.</summary>
        public ConfigPath Path { get; }

        /// <summary>The mapping key this level belongs to; list items report it as their key.</summary>
        public string Key { get; }

        public int NextIndex { get; set; }
    }

    private sealed class BlockScalar
    {
        private readonly ConfigPath? _parent;
        private readonly string _key;
        private readonly bool _literal;
        private readonly StringBuilder _value = new();
        private int _start = -1;
        private int _end;

        public BlockScalar(ConfigPath? parent, string key, int indent, bool literal)
        {
            _parent = parent;
            _key = key;
            Indent = indent;
            _literal = literal;
        }

        public int Indent { get; }

        public void Add(string text, LineReader.Line line)
        {
            var contentStart = LineReader.SkipSpaces(text, line.Start, line.End);
            if (contentStart >= line.End)
            {
                _value.Append('\n');
                return;
            }

            if (_start < 0)
            {
                _start = contentStart;
            }
            else
            {
                _value.Append(_literal ? '\n' : ' ');
            }

            _value.Append(text, contentStart, line.End - contentStart);
            _end = line.End;
        }

        public ConfigEntry ToEntry()
        {
            var start = _start < 0 ? 0 : _start;
            return new ConfigEntry(_parent, _key, _key, _value.ToString().Trim(), start, _start < 0 ? 0 : _end - start);
        }
    }
}
