using System;

namespace KeyLint.Core.Detection;

/// <summary>Cheap tests of what a value looks like: placeholders, documented examples, encodings, entropy.</summary>
public static class ValueShape
{
    // One count per ASCII character and one for the rest, reused by Entropy on each thread so that it allocates nothing.
    [ThreadStatic]
    private static int[]? _entropyCounts;

    // The markers of template syntax that IsPlaceholder looks for, in one array so that a check allocates nothing.
    private static readonly string[] TemplateMarkers = { "${", "{{", "#{", "$(", "<%" };

    /// <summary>
    /// Tells whether a value is a placeholder rather than a key: <c>YOUR_API_KEY</c>, <c>&lt;api-key&gt;</c>,
    /// <c>xxxx</c>, <c>****</c>, <c>REDACTED</c>, <c>changeme</c>, <c>${VAR}</c>, <c>%VAR%</c>, <c>{{ var }}</c>,
    /// <c>#{VAR}#</c>, <c>$VAR</c>, and the documented example keys of providers (AWS's end in EXAMPLE).
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (trimmed.StartsWith("<", StringComparison.Ordinal) && trimmed.EndsWith(">", StringComparison.Ordinal))
        {
            return true;
        }

        if (trimmed.Length > 2 && trimmed[0] == '%' && trimmed[trimmed.Length - 1] == '%')
        {
            return true;
        }

        if (IsShellVariable(trimmed))
        {
            return true;
        }

        if ((ContainsAny(trimmed, TemplateMarkers) || HasDoubleUnderscoreToken(trimmed)) &&
            !HasLongRandomRun(trimmed))
        {
            return true;
        }

        // Placeholders repeat one letter in one case. Mixed case such as "XxXx" inside a random key is chance.
        if (trimmed.Contains("xxxx") || trimmed.Contains("XXXX") || trimmed.Contains("****") ||
            trimmed.Contains("...") || trimmed.Contains("\u2026"))
        {
            return true;
        }

        return ContainsIgnoreCase(trimmed, "your_") || ContainsIgnoreCase(trimmed, "your-") ||
            ContainsIgnoreCase(trimmed, "yourapi") || ContainsIgnoreCase(trimmed, "redacted") ||
            ContainsIgnoreCase(trimmed, "changeme") || ContainsIgnoreCase(trimmed, "change_me") ||
            ContainsIgnoreCase(trimmed, "change-me") || ContainsIgnoreCase(trimmed, "placeholder") ||
            ContainsIgnoreCase(trimmed, "replace_with") || ContainsIgnoreCase(trimmed, "replace-me") ||
            ContainsIgnoreCase(trimmed, "insert_") || ContainsIgnoreCase(trimmed, "dummy") ||
            trimmed.EndsWith("EXAMPLE", StringComparison.Ordinal) ||
            trimmed.EndsWith("EXAMPLEKEY", StringComparison.Ordinal) ||
            ContainsIgnoreCase(trimmed, "example_key") || ContainsIgnoreCase(trimmed, "examplekey");
    }

    /// <summary>
    /// Tells whether a value is known not to be a secret from its own form: an integrity hash
    /// (<c>sha256-...</c>), a data URI, or an encrypted blob (SOPS <c>ENC[...]</c>, <c>ENC(...)</c>, Ansible Vault).
    /// </summary>
    public static bool IsKnownNonSecret(string value)
    {
        return value.StartsWith("sha256-", StringComparison.Ordinal) ||
            value.StartsWith("sha384-", StringComparison.Ordinal) ||
            value.StartsWith("sha512-", StringComparison.Ordinal) ||
            value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("ENC[", StringComparison.Ordinal) ||
            value.StartsWith("ENC(", StringComparison.Ordinal) ||
            value.StartsWith("$ANSIBLE_VAULT", StringComparison.Ordinal);
    }

    /// <summary>Returns the Shannon entropy of the value's characters, in bits per character.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        // Keys are ASCII; other characters share one bucket, which only lowers the estimate.
        var counts = _entropyCounts ??= new int[129];
        foreach (var c in value)
        {
            counts[c < 128 ? c : 128]++;
        }

        // Reading a count also resets it, so the buffer is all zeros for the next call.
        double entropy = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            if (count > 0)
            {
                counts[i] = 0;
                var p = (double)count / value.Length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        return entropy;
    }

    /// <summary>Tells whether the value contains a white-space character.</summary>
    public static bool ContainsWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts the kinds of character in the value: lower case, upper case, digits, and the rest.</summary>
    public static int CharacterClassCount(string value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (c >= 'a' && c <= 'z')
            {
                lower = true;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                upper = true;
            }
            else if (c >= '0' && c <= '9')
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    // "$BYBIT_API_SECRET" refers to a variable in .env files and shell scripts.
    private static bool IsShellVariable(string value)
    {
        if (value.Length < 2 || value[0] != '$' || !(char.IsLetter(value[1]) || value[1] == '_'))
        {
            return false;
        }

        for (var i = 2; i < value.Length; i++)
        {
            if (!char.IsLetterOrDigit(value[i]) && value[i] != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasLongRandomRun(string value)
    {
        // "${VAR}" is a placeholder, but a 40-character key next to "__" is still a key.
        var run = 0;
        foreach (var c in value)
        {
            run = char.IsLetterOrDigit(c) ? run + 1 : 0;
            if (run >= 32)
            {
                return true;
            }
        }

        return false;
    }

    // Token-replacement placeholders wrap a name in double underscores (__API_KEY__). A single "__" is not enough,
    // because base64url keys contain one about once in every 4,096 character pairs.
    private static bool HasDoubleUnderscoreToken(string value)
    {
        var first = value.IndexOf("__", StringComparison.Ordinal);
        return first >= 0 && value.IndexOf("__", first + 2, StringComparison.Ordinal) >= 0;
    }

    private static bool ContainsAny(string value, string[] parts)
    {
        foreach (var part in parts)
        {
            if (value.IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsIgnoreCase(string value, string part) =>
        value.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}
