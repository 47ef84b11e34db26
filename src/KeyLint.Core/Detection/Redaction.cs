namespace KeyLint.Core.Detection;

/// <summary>Describes a secret for messages without revealing it.</summary>
public static class Redaction
{
    /// <summary>
    /// Describes the secret as its first characters and its length, for example <c>'AKIA…' (20 characters)</c>.
    /// At most 4 characters and at most a quarter of the secret are shown, so short passwords show none.
    /// </summary>
    public static string Describe(string value, int start, int length)
    {
        var shown = length / 4;
        if (shown > 4)
        {
            shown = 4;
        }

        var head = shown == 0 ? string.Empty : value.Substring(start, shown);
        return $"'{Escape(head)}\u2026' ({length} characters)";
    }

    private static string Escape(string text)
    {
        // Keep the message on one line and free of quote characters that would confuse log parsers.
        return text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("'", "\\'");
    }
}
