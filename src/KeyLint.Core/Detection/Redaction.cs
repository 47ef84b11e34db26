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

    /// <summary>
    /// Returns a name or a ':'-separated config path for a message, with every part that may contain a key replaced
    /// by <see cref="Describe"/>. A key can stand where a name goes: a map key (<c>"accounts": { "sk_live_…": … }</c>),
    /// an INI section, or a C# identifier that a key is glued to. <paramref name="scanner"/> adds the catalog's
    /// formats to the checks, and null leaves only the length and randomness checks.
    /// </summary>
    /// <remarks>
    /// NOTE: the randomness check cannot tell a key from a long name with digits, so <c>Ipv4WhitelistEnabled</c> is
    /// shown as <c>'Ipv4…' (20 characters)</c>. The diagnostic's location still points at the setting.
    /// </remarks>
    public static string DescribeName(string name, SecretScanner? scanner)
    {
        var segments = name.Split(':');
        var changed = false;
        for (var i = 0; i < segments.Length; i++)
        {
            if (MayContainKey(segments[i], scanner))
            {
                segments[i] = Describe(segments[i], 0, segments[i].Length);
                changed = true;
            }
        }

        return changed ? string.Join(":", segments) : name;
    }

    private static bool MayContainKey(string segment, SecretScanner? scanner)
    {
        if (segment.Length < SecretScanner.MinCandidateLength)
        {
            return false;
        }

        // Setting names are short. A segment of more than 40 characters may contain keys that match no pattern,
        // because they are glued to each other or to other text.
        if (segment.Length > 40 || LooksRandom(segment) || scanner?.TryMatchFormat(segment, out _) == true)
        {
            return true;
        }

        // A key glued to other text by punctuation or spaces ("kac0…<add key") is tested on its own. Each run of the
        // characters that keys are made of is checked like a whole segment.
        var runStart = -1;
        for (var i = 0; i <= segment.Length; i++)
        {
            var isKeyCharacter = i < segment.Length && IsKeyCharacter(segment[i]);
            if (isKeyCharacter && runStart < 0)
            {
                runStart = i;
            }
            else if (!isKeyCharacter && runStart >= 0)
            {
                var runLength = i - runStart;
                if (runLength < segment.Length && LooksRandom(segment.Substring(runStart, runLength)))
                {
                    return true;
                }

                runStart = -1;
            }
        }

        return false;
    }

    // The randomness test of KL0002 at its default thresholds: 16 characters or more, mixed like a key, and at least
    // the default minimum entropy.
    private static bool LooksRandom(string text) =>
        text.Length >= 16 && SecretScanner.IsContextCandidate(text) && ValueShape.Entropy(text) >= ScannerOptions.Default.MinEntropy;

    private static bool IsKeyCharacter(char c) => char.IsLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-';

    private static string Escape(string text)
    {
        // Keep the message on one line and free of quote characters that would confuse log parsers.
        return text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("'", "\\'");
    }
}
