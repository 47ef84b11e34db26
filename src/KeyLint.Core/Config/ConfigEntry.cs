namespace KeyLint.Core.Config;

/// <summary>
/// One scalar setting read from a config file: its path from the root (<c>Binance:ApiSecret</c>, <c>exchange.key</c>)
/// and where its value sits in the file's text.
/// </summary>
public readonly struct ConfigEntry
{
    private readonly ConfigPath? _parent;
    private readonly string _name;

    public ConfigEntry(string path, string key, string value, int valueStart, int valueLength, bool isListItem = false)
        : this(null, path, key, value, valueStart, valueLength, isListItem)
    {
    }

    /// <summary>Creates an entry whose path is <paramref name="parent"/>, ':' and <paramref name="name"/>, or the name alone.</summary>
    internal ConfigEntry(ConfigPath? parent, string name, string key, string value, int valueStart, int valueLength, bool isListItem = false)
    {
        _parent = parent;
        _name = name;
        Key = key;
        Value = value;
        ValueStart = valueStart;
        ValueLength = valueLength;
        IsListItem = isListItem;
    }

    /// <summary>
    /// The keys from the root joined with ':' (the form ASP.NET configuration uses), such as <c>Binance:ApiSecret</c>.
    /// It is built on every read, because a copy of a long parent key in each of many entries would cost time and
    /// memory quadratic in the file's size, and most entries are never reported.
    /// </summary>
    public string Path => ConfigPath.Join(_parent, _name ?? string.Empty);

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
