namespace KeyLint.Analyzers;

/// <summary>Small helpers for the wording of diagnostic messages.</summary>
internal static class MessageText
{
    /// <summary>
    /// Puts "a" or "an" before a format name by its first sound: "an AWS access key ID", "an EVM key", but "a UUID-shaped
    /// key" and "a URL", because an acronym that starts with U is read "you".
    /// </summary>
    public static string WithArticle(string name)
    {
        if (name.Length == 0)
        {
            return name;
        }

        var first = name[0];
        var isAcronym = name.Length > 1 && char.IsUpper(first) && char.IsUpper(name[1]);
        var vowelSound = "AEIOaeiou".IndexOf(first) >= 0 || (first == 'U' && !isAcronym);
        return (vowelSound ? "an " : "a ") + name;
    }
}
