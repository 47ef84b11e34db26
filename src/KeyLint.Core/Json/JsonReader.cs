using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KeyLint.Core.Json;

/// <summary>
/// Parses JSON as people write it in config files: <c>//</c> and <c>/* */</c> comments and trailing commas are
/// accepted. It is written here, not taken from System.Text.Json, because an analyzer assembly must target
/// netstandard2.0 and ship without dependencies that could clash with the versions the compiler host loads.
/// </summary>
/// <remarks>
/// The reader never throws on bad input: <see cref="TryParse"/> returns false with an error message and offset.
/// Nesting deeper than <see cref="MaxDepth"/> is rejected so that a hostile file cannot exhaust the stack.
/// </remarks>
public sealed class JsonReader
{
    public const int MaxDepth = 256;

    private readonly string _text;
    private int _position;
    private string? _error;
    private int _errorOffset;

    private JsonReader(string text)
    {
        _text = text;
    }

    /// <summary>Parses <paramref name="text"/> into a tree, or returns false and reports where it is invalid.</summary>
    public static bool TryParse(string text, out JsonNode? root, out string? error, out int errorOffset)
    {
        var reader = new JsonReader(text);
        root = reader.ParseDocument();
        error = reader._error;
        errorOffset = reader._errorOffset;
        return error is null;
    }

    private JsonNode? ParseDocument()
    {
        SkipTrivia();
        if (_position < _text.Length && _text[_position] == '\uFEFF')
        {
            _position++;
            SkipTrivia();
        }

        var root = ParseValue(0);
        if (root is null)
        {
            return null;
        }

        SkipTrivia();
        if (_position < _text.Length)
        {
            return Fail("unexpected text after the end of the document");
        }

        return root;
    }

    private JsonNode? ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            return Fail($"nesting is deeper than {MaxDepth} levels");
        }

        SkipTrivia();
        if (_position >= _text.Length)
        {
            return Fail("unexpected end of the document");
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
            case '\'':
                return ParseString();
            case 't':
                return ParseWord("true", JsonKind.Boolean);
            case 'f':
                return ParseWord("false", JsonKind.Boolean);
            case 'n':
                return ParseWord("null", JsonKind.Null);
            default:
                if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                return Fail($"unexpected character '{c}'");
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        var node = new JsonNode(JsonKind.Object, _position, 0);
        var properties = new List<KeyValuePair<string, JsonNode>>();
        _position++;
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                return Fail("the object is not closed");
            }

            if (_text[_position] == '}')
            {
                _position++;
                break;
            }

            var name = _text[_position] is '"' or '\'' ? ParseString() : ParseBareName();
            if (name is null)
            {
                return null;
            }

            SkipTrivia();
            if (_position >= _text.Length || _text[_position] != ':')
            {
                return Fail("':' expected after a property name");
            }

            _position++;
            var value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            properties.Add(new KeyValuePair<string, JsonNode>(name.Text!, value));
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
            }
            else if (_position < _text.Length && _text[_position] != '}')
            {
                return Fail("',' or '}' expected");
            }
        }

        node.Properties = properties;
        node.Length = _position - node.Start;
        return node;
    }

    private JsonNode? ParseArray(int depth)
    {
        var node = new JsonNode(JsonKind.Array, _position, 0);
        var items = new List<JsonNode>();
        _position++;
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                return Fail("the array is not closed");
            }

            if (_text[_position] == ']')
            {
                _position++;
                break;
            }

            var item = ParseValue(depth + 1);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
            }
            else if (_position < _text.Length && _text[_position] != ']')
            {
                return Fail("',' or ']' expected");
            }
        }

        node.Items = items;
        node.Length = _position - node.Start;
        return node;
    }

    private JsonNode? ParseString()
    {
        var quote = _text[_position];
        var start = _position;
        _position++;
        StringBuilder? builder = null;
        var runStart = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == quote)
            {
                var text = builder is null
                    ? _text.Substring(runStart, _position - runStart)
                    : builder.Append(_text, runStart, _position - runStart).ToString();
                _position++;
                return new JsonNode(JsonKind.String, start, _position - start) { Text = text };
            }

            if (c == '\n')
            {
                return Fail("the string is not closed before the end of the line");
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            if (_position + 1 >= _text.Length)
            {
                break;
            }

            var escaped = _text[_position + 1];
            _position += 2;
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    if (_position + 4 > _text.Length ||
                        !ushort.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber,
                            CultureInfo.InvariantCulture, out var code))
                    {
                        return Fail("invalid \\u escape");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    builder.Append(escaped);
                    break;
            }

            runStart = _position;
        }

        return Fail("the string is not closed");
    }

    private JsonNode? ParseBareName()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$'))
        {
            _position++;
        }

        if (_position == start)
        {
            return Fail("a property name expected");
        }

        return new JsonNode(JsonKind.String, start, _position - start)
        {
            Text = _text.Substring(start, _position - start),
        };
    }

    private JsonNode? ParseWord(string word, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            return Fail($"unexpected character '{_text[_position]}'");
        }

        var node = new JsonNode(kind, _position, word.Length) { Text = word };
        _position += word.Length;
        return node;
    }

    private JsonNode? ParseNumber()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
        {
            _position++;
        }

        return new JsonNode(JsonKind.Number, start, _position - start)
        {
            Text = _text.Substring(start, _position - start),
        };
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                var end = _text.IndexOf('\n', _position);
                _position = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private JsonNode? Fail(string message)
    {
        if (_error is null)
        {
            _error = message;
            _errorOffset = Math.Min(_position, _text.Length);
        }

        return null;
    }
}
