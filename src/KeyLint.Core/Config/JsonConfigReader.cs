using System.Collections.Generic;
using System.Globalization;
using KeyLint.Core.Json;

namespace KeyLint.Core.Config;

/// <summary>Reads the scalar settings of a JSON config file, with the ':'-joined paths ASP.NET configuration uses.</summary>
public static class JsonConfigReader
{
    /// <summary>The value of an entry that stands for an empty list.</summary>
    public const string EmptyList = "[]";

    public static List<ConfigEntry> Read(string text)
    {
        var entries = new List<ConfigEntry>();
        if (JsonReader.TryParse(text, out var root, out _, out _))
        {
            Flatten(root!, null, string.Empty, string.Empty, false, entries);
        }
        else
        {
            // A half-written file still has locatable pairs; read those rather than nothing.
            ReadPairs(text, entries);
        }

        return entries;
    }

    // The node's path is parent, ':' and name, or the name alone when there is no parent.
    private static void Flatten(
        JsonNode node, ConfigPath? parent, string name, string key, bool isListItem, List<ConfigEntry> entries)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                // Below an empty path a property's path has no ':' before it, but an item's has (":0").
                var isEmptyPath = parent is null && name.Length == 0;
                var objectPath = isEmptyPath ? null : ConfigPath.Create(parent, name);
                foreach (var property in node.Properties)
                {
                    Flatten(property.Value, objectPath, property.Key, property.Key, false, entries);
                }

                break;
            case JsonKind.Array:
                if (node.Items.Count == 0)
                {
                    // An empty list is a setting too: an empty IP allowlist opens a key to every address.
                    entries.Add(new ConfigEntry(parent, name, key, EmptyList, node.Start, node.Length, isListItem));
                }

                var arrayPath = ConfigPath.Create(parent, name);
                for (var i = 0; i < node.Items.Count; i++)
                {
                    Flatten(node.Items[i], arrayPath, i.ToString(CultureInfo.InvariantCulture), key, true, entries);
                }

                break;
            default:
                entries.Add(new ConfigEntry(parent, name, key, node.Text ?? string.Empty, node.Start, node.Length, isListItem));
                break;
        }
    }

    private static void ReadPairs(string text, List<ConfigEntry> entries)
    {
        var position = 0;
        string? lastKey = null;
        while (position < text.Length)
        {
            var c = text[position];
            if (c != '"')
            {
                if (c == ':' && lastKey is not null)
                {
                    position++;
                    while (position < text.Length && text[position] is ' ' or '\t')
                    {
                        position++;
                    }

                    if (position < text.Length && text[position] == '"' && TryReadString(text, ref position, out var start, out var value))
                    {
                        entries.Add(new ConfigEntry(lastKey, lastKey, value, start, position - start));
                    }

                    lastKey = null;
                    continue;
                }

                if (!char.IsWhiteSpace(c))
                {
                    lastKey = null;
                }

                position++;
                continue;
            }

            if (!TryReadString(text, ref position, out _, out var name))
            {
                return;
            }

            lastKey = name;
        }
    }

    private static bool TryReadString(string text, ref int position, out int start, out string value)
    {
        start = position;
        value = string.Empty;
        var end = position + 1;
        while (end < text.Length && text[end] != '"' && text[end] != '\n')
        {
            end += text[end] == '\\' ? 2 : 1;
        }

        if (end >= text.Length || text[end] != '"')
        {
            position = end;
            return false;
        }

        value = text.Substring(position + 1, end - position - 1).Replace("\\\"", "\"").Replace("\\\\", "\\");
        position = end + 1;
        return true;
    }
}
