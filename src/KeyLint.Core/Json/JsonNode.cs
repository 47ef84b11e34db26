using System.Collections.Generic;

namespace KeyLint.Core.Json;

/// <summary>The kinds of value a JSON document contains.</summary>
public enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A JSON value with the offset of its first character in the source text, so that findings in config files can
/// point at the exact line and column.
/// </summary>
public sealed class JsonNode
{
    private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];
    private static readonly IReadOnlyList<KeyValuePair<string, JsonNode>> NoProperties =
        new KeyValuePair<string, JsonNode>[0];

    internal JsonNode(JsonKind kind, int start, int length)
    {
        Kind = kind;
        Start = start;
        Length = length;
    }

    public JsonKind Kind { get; }

    /// <summary>Offset of the value's first character (the opening quote for a string) in the source text.</summary>
    public int Start { get; }

    public int Length { get; internal set; }

    /// <summary>Decoded text of a string, the source text of a number, or "true"/"false".</summary>
    public string? Text { get; internal set; }

    public IReadOnlyList<JsonNode> Items { get; internal set; } = NoItems;

    /// <summary>Members of an object in source order; a repeated name appears as often as it is written.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties { get; internal set; } = NoProperties;

    /// <summary>Finds the first member named <paramref name="name"/>, compared ordinally.</summary>
    public JsonNode? Get(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Key == name)
            {
                return property.Value;
            }
        }

        return null;
    }
}
