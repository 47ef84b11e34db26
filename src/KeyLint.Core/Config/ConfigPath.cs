namespace KeyLint.Core.Config;

/// <summary>
/// The path of a config file's section or nesting level, kept as its parent level and its own key, so that every
/// level and entry below shares the text above it instead of copying it. A reader creates one per level, never one
/// per entry; the ':'-joined string is built only when an entry's path is read.
/// </summary>
internal sealed class ConfigPath
{
    private readonly ConfigPath? _parent;
    private readonly string _segment;

    private ConfigPath(ConfigPath? parent, string segment)
    {
        _parent = parent;
        _segment = segment;
        Length = (parent is null ? 0 : parent.Length + 1) + segment.Length;
    }

    /// <summary>Characters in the joined path.</summary>
    public int Length { get; }

    /// <summary>
    /// Creates the path <paramref name="parent"/>, ':' and <paramref name="segment"/>; with no parent, the path is the
    /// segment alone.
    /// </summary>
    public static ConfigPath Create(ConfigPath? parent, string segment) => new(parent, segment);

    /// <summary>Returns the path <paramref name="parent"/>, ':' and <paramref name="segment"/>, or the segment alone.</summary>
    public static string Join(ConfigPath? parent, string segment)
    {
        if (parent is null)
        {
            return segment;
        }

        // Filled from the end, walking up without recursion, which deep nesting would overflow.
        var chars = new char[parent.Length + 1 + segment.Length];
        var end = chars.Length - segment.Length;
        segment.CopyTo(0, chars, end, segment.Length);
        for (var node = parent; node is not null; node = node._parent)
        {
            chars[--end] = ':';
            end -= node._segment.Length;
            node._segment.CopyTo(0, chars, end, node._segment.Length);
        }

        return new string(chars);
    }

    public override string ToString() => Join(_parent, _segment);
}
