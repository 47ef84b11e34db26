namespace KeyLint.Core.Config;

/// <summary>
/// One scalar setting read from a config file: its path from the root (<c>Binance:ApiSecret</c>, <c>exchange.key</c>)
/// and where its value sits in the file's text.
/// </summary>
public readonly struct ConfigEntry
{
    public ConfigEntry(string path, string key, string value, int valueStart, int valueLength, bool isListItem = false)
    {
        Path = path;
        Key = key;
        Value = value;
        ValueStart = valueStart;
        ValueLength = valueLength;
        IsListItem = isListItem;
    }

    /// <summary>The keys from the root joined with ':' (the form ASP.NET configuration uses), such as <c>Binance:ApiSecret</c>.</summary>
    public string Path { get; }

    /// <summary>The innermost key; for a list item, the key of the list.</summary>
    public string Key { get; }

    /// <summary>The value with quotes and escapes removed.</summary>
    public string Value { get; }

    /// <summary>Offset of the value's first character in the file's text, quotes included.</summary>
    public int ValueStart { get; }

    public int ValueLength { get; }

    /// <summary>True for an item of a list (<c>permissions: [trade, withdraw]</c>), false for a key's own value.</summary>
    public bool IsListItem { get; }
}
