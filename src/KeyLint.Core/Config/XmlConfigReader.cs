using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace KeyLint.Core.Config;

/// <summary>
/// Reads <c>web.config</c> and <c>app.config</c>: <c>&lt;add key="..." value="..."/&gt;</c> under
/// <c>appSettings</c>, <c>&lt;add name="..." connectionString="..."/&gt;</c> under <c>connectionStrings</c>, other
/// attributes as <c>element:attribute</c>, and element text. DTDs are refused and nothing external is resolved.
/// </summary>
public static class XmlConfigReader
{
    public static List<ConfigEntry> Read(string text)
    {
        var entries = new List<ConfigEntry>();
        var lineStarts = LineStarts(text);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
        };
        // The open elements' names, each with its path, which shares its parent's instead of copying it.
        var elements = new List<(string Name, ConfigPath Path)>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var lineInfo = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var name = reader.LocalName;
                        var isEmpty = reader.IsEmptyElement;
                        ReadAttributes(reader, lineInfo, text, lineStarts, elements, name, entries);
                        if (!isEmpty)
                        {
                            var parent = elements.Count == 0 ? null : elements[elements.Count - 1].Path;
                            elements.Add((name, ConfigPath.Create(parent, name)));
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (elements.Count > 0)
                        {
                            elements.RemoveAt(elements.Count - 1);
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        if (elements.Count > 0)
                        {
                            var start = Offset(lineStarts, lineInfo);
                            var parent = elements.Count > 1 ? elements[elements.Count - 2].Path : null;
                            var key = elements[elements.Count - 1].Name;
                            entries.Add(new ConfigEntry(parent, key, key, reader.Value.Trim(), start, reader.Value.Length));
                        }

                        break;
                }
            }
        }
        catch (XmlException)
        {
            // A malformed file keeps what was read before the error.
        }

        return entries;
    }

    private static void ReadAttributes(
        XmlReader reader, IXmlLineInfo lineInfo, string text, int[] lineStarts, List<(string Name, ConfigPath Path)> elements, string element,
        List<ConfigEntry> entries)
    {
        if (!reader.HasAttributes)
        {
            return;
        }

        var attributes = new List<(string Name, string Value, int Start, int Length)>();
        while (reader.MoveToNextAttribute())
        {
            var nameOffset = Offset(lineStarts, lineInfo);
            var (valueStart, valueLength) = LocateValue(text, nameOffset);
            attributes.Add((reader.LocalName, reader.Value, valueStart, valueLength));
        }

        reader.MoveToElement();
        // An attribute's path is the parent element's name (an add setting) or its own element's name, then ':' and a
        // name. Both prefixes are created once per element and shared by all of its attributes.
        var parent = ConfigPath.Create(null, elements.Count > 0 ? elements[elements.Count - 1].Name : string.Empty);
        var elementPath = ConfigPath.Create(null, element);
        var keyAttribute = Find(attributes, "key") ?? Find(attributes, "name");
        foreach (var attribute in attributes)
        {
            if (element == "add" && keyAttribute is { } named && attribute.Name != named.Name)
            {
                // <add key="ApiSecret" value="..."/> is the setting ApiSecret of its section.
                entries.Add(new ConfigEntry(parent, named.Value, named.Value, attribute.Value, attribute.Start, attribute.Length));
            }
            else if (element != "add" || keyAttribute is null)
            {
                entries.Add(new ConfigEntry(elementPath, attribute.Name, attribute.Name, attribute.Value, attribute.Start, attribute.Length));
            }
        }
    }

    private static (string Name, string Value, int Start, int Length)? Find(
        List<(string Name, string Value, int Start, int Length)> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }

    // From the attribute name, finds the quoted value after '=' and returns the span inside the quotes.
    private static (int Start, int Length) LocateValue(string text, int nameOffset)
    {
        var equals = nameOffset < text.Length ? text.IndexOf('=', nameOffset) : -1;
        if (equals < 0)
        {
            return (nameOffset, 0);
        }

        var quote = equals + 1;
        while (quote < text.Length && char.IsWhiteSpace(text[quote]))
        {
            quote++;
        }

        if (quote >= text.Length || text[quote] is not ('"' or '\''))
        {
            return (nameOffset, 0);
        }

        var close = text.IndexOf(text[quote], quote + 1);
        return close < 0 ? (quote + 1, 0) : (quote + 1, close - quote - 1);
    }

    private static int Offset(int[] lineStarts, IXmlLineInfo lineInfo)
    {
        var line = Math.Max(1, Math.Min(lineInfo.LineNumber, lineStarts.Length)) - 1;
        return lineStarts[line] + Math.Max(0, lineInfo.LinePosition - 1);
    }

    private static int[] LineStarts(string text)
    {
        // XmlReader counts "\r\n", a lone "\r" and "\n" each as one line end, so the table must too.
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\n' or '\r')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
