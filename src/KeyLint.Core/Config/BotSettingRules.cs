using System.Linq;
using System;
using System.Collections.Generic;
using KeyLint.Core.Names;

namespace KeyLint.Core.Config;

/// <summary>What makes a bot setting dangerous.</summary>
public enum BotSettingFinding
{
    None,

    /// <summary>A switch that enables withdrawals is on (<c>enableWithdrawals: true</c>).</summary>
    WithdrawalSwitchOn,

    /// <summary>A permission or scope list grants withdrawal.</summary>
    WithdrawalPermission,

    /// <summary>An IP restriction switch is off (<c>ipRestrict: false</c>).</summary>
    IpRestrictionOff,

    /// <summary>An IP allowlist is empty.</summary>
    EmptyIpAllowlist,

    /// <summary>An IP allowlist contains an entry that matches every address (<c>0.0.0.0/0</c>, <c>::/0</c>, <c>*</c>).</summary>
    OpenIpAllowlist,
}

/// <summary>
/// Recognizes withdrawal permissions and open IP allowlists in bot settings from the setting's name words and value.
/// The same rules serve config files and C# settings objects.
/// </summary>
public static class BotSettingRules
{
    // Every name the rules act on contains one of these: a withdraw word, "ip", or a permission list word.
    internal static readonly string[] NameFragments =
    {
        "withdraw", "ip", "perm", "scope", "right", "privilege", "capabilit", "grant", "role",
    };

    // The fragments that start with each ASCII character, in either case.
    private static readonly string[]?[] FragmentsByFirstCharacter = IndexFragments();

    private static readonly HashSet<string> WithdrawWords = new(StringComparer.Ordinal)
    {
        "withdraw", "withdrawal", "withdrawals", "withdraws", "withdrawing",
    };

    // A withdrawal setting that carries one of these words is a limit or a record, not a permission.
    private static readonly HashSet<string> NotPermissionWords = new(StringComparer.Ordinal)
    {
        "max", "maximum", "min", "minimum", "limit", "limits", "amount", "amounts", "history", "address", "addresses",
        "fee", "fees", "count", "id", "ids", "delay", "interval", "timeout", "wait", "threshold", "total", "daily",
        "currency", "asset", "network", "memo", "tag", "status", "time", "date", "percent", "ratio", "log", "url",
        "path", "endpoint", "method", "api",
    };

    private static readonly HashSet<string> PermissionListWords = new(StringComparer.Ordinal)
    {
        "permission", "permissions", "perm", "perms", "scope", "scopes", "rights", "privileges", "capabilities",
        "grants", "roles",
    };

    private static readonly HashSet<string> IpRestrictionWords = new(StringComparer.Ordinal)
    {
        "restrict", "restricted", "restriction", "restrictions", "whitelist", "allowlist", "whitelisting",
        "allowlisting", "filter", "filtering", "lock", "locked",
    };

    private static readonly HashSet<string> IpListWords = new(StringComparer.Ordinal)
    {
        "whitelist", "allowlist", "allowed", "allow", "trusted", "whitelisted", "white", "list", "addresses",
        "restrictions", "access",
    };

    // A setting that turns something off: "DisableWithdrawals: false" enables withdrawals.
    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal)
    {
        "disable", "disabled", "block", "blocked", "deny", "denied", "prevent", "forbid", "forbidden", "no",
    };

    // Read-only scopes that merely mention withdrawals: "wallet:withdrawals:read", "withdrawal_history".
    private static readonly HashSet<string> ReadOnlyWords = new(StringComparer.Ordinal)
    {
        "read", "history", "list", "view", "get", "status", "query", "info", "readonly",
    };

    // A key that ends with one of these contains prose about a setting, not the setting.
    private static readonly HashSet<string> ProseWords = new(StringComparer.Ordinal)
    {
        "note", "notes", "comment", "comments", "description", "help", "text", "message", "hint", "label", "title",
        "doc", "docs", "remark", "remarks",
    };

    /// <summary>
    /// Tells without allocating whether the rules can apply to a setting name at all, so that most names are never
    /// split into words. False means <see cref="Check"/> would find nothing.
    /// </summary>
    public static bool MayApply(string name)
    {
        // Names are almost always ASCII, so each character is looked up once among the fragments it can start. Any
        // other character sends the name to the full search, because ignoring case pairs some non-ASCII letters with
        // ASCII ones. A match found before it is a match either way.
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c >= 128)
            {
                return ContainsFragment(name);
            }

            if (FragmentsByFirstCharacter[c] is not { } fragments)
            {
                continue;
            }

            foreach (var fragment in fragments)
            {
                if (StartsWithAsciiIgnoringCase(name, i, fragment))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ContainsFragment(string name)
    {
        foreach (var fragment in NameFragments)
        {
            if (name.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // The fragments are lower-case ASCII. A non-ASCII character in the name never equals one of their characters here.
    private static bool StartsWithAsciiIgnoringCase(string name, int start, string fragment)
    {
        if (name.Length - start < fragment.Length)
        {
            return false;
        }

        for (var j = 0; j < fragment.Length; j++)
        {
            var c = name[start + j];
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c | 0x20);
            }

            if (c != fragment[j])
            {
                return false;
            }
        }

        return true;
    }

    private static string[]?[] IndexFragments()
    {
        var lists = new List<string>?[128];
        foreach (var fragment in NameFragments)
        {
            var first = fragment[0];
            (lists[first] ??= new List<string>()).Add(fragment);
            lists[char.ToUpperInvariant(first)] = lists[first];
        }

        var index = new string[]?[128];
        for (var c = 0; c < 128; c++)
        {
            index[c] = lists[c]?.ToArray();
        }

        return index;
    }

    /// <summary>
    /// Checks one setting. <paramref name="keyWords"/> are the words of the setting's own name, or of the list's
    /// name for a list item. <paramref name="token"/> is the offending item of a comma or space separated value
    /// (<c>withdraw</c> in <c>"read,trade,withdraw"</c>), or null when the whole value is the finding.
    /// </summary>
    public static BotSettingFinding Check(IReadOnlyList<string> keyWords, string value, bool isListItem, out string? token)
    {
        var withdrawal = CheckWithdrawal(keyWords, value, isListItem, out token);
        return withdrawal != BotSettingFinding.None ? withdrawal : CheckIpAllowlist(keyWords, value, isListItem, out token);
    }

    /// <summary>Tells whether a value reads as on: true, yes, on, 1, enabled, allow.</summary>
    public static bool IsTruthy(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("yes", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("y", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("on", StringComparison.OrdinalIgnoreCase) ||
            trimmed == "1" ||
            trimmed.Equals("enabled", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("enable", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("allow", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("allowed", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Tells whether a value reads as off: false, no, off, 0, disabled.</summary>
    public static bool IsFalsy(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("no", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("n", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("off", StringComparison.OrdinalIgnoreCase) ||
            trimmed == "0" ||
            trimmed.Equals("disabled", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("disable", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Tells whether a permission token grants withdrawal: withdraw, funds_withdraw, "Withdraw Funds", wallet:withdrawals:create.</summary>
    public static bool IsWithdrawalToken(string token)
    {
        if (token.Equals("wallet:transactions:send", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var words = NameWords.Split(token);
        return ContainsAny(words, WithdrawWords) && !ContainsAny(words, ReadOnlyWords);
    }

    /// <summary>Tells whether an allowlist entry matches every address.</summary>
    public static bool IsOpenAddress(string entry)
    {
        var trimmed = entry.Trim().Trim('"', '\'');
        return trimmed is "0.0.0.0/0" or "::/0" or "*" or "0.0.0.0" or "::" or "*.*.*.*";
    }

    private static BotSettingFinding CheckWithdrawal(
        IReadOnlyList<string> keyWords, string value, bool isListItem, out string? found)
    {
        found = null;
        if (keyWords.Count > 0 && ProseWords.Contains(keyWords[keyWords.Count - 1]))
        {
            return BotSettingFinding.None;
        }

        if (ContainsAny(keyWords, WithdrawWords) && !ContainsAny(keyWords, NotPermissionWords) && !isListItem)
        {
            var enabled = ContainsAny(keyWords, NegationWords) ? IsFalsy(value) : IsTruthy(value);
            return enabled ? BotSettingFinding.WithdrawalSwitchOn : BotSettingFinding.None;
        }

        if (ContainsAny(keyWords, PermissionListWords))
        {
            foreach (var token in Tokens(value))
            {
                if (IsWithdrawalToken(token))
                {
                    found = token;
                    return BotSettingFinding.WithdrawalPermission;
                }
            }
        }

        return BotSettingFinding.None;
    }

    private static BotSettingFinding CheckIpAllowlist(
        IReadOnlyList<string> keyWords, string value, bool isListItem, out string? found)
    {
        found = null;
        var namesIp = keyWords.Contains("ip") || keyWords.Contains("ips") || keyWords.Contains("ipwhitelist") ||
            keyWords.Contains("ipallowlist");
        if (!namesIp)
        {
            return BotSettingFinding.None;
        }

        var isList = keyWords.Contains("ips") || ContainsAny(keyWords, IpListWords) ||
            keyWords.Contains("ipwhitelist") || keyWords.Contains("ipallowlist");
        if (!isListItem && ContainsAny(keyWords, IpRestrictionWords) &&
            (ContainsAny(keyWords, NegationWords) ? IsTruthy(value) : IsFalsy(value)))
        {
            return BotSettingFinding.IpRestrictionOff;
        }

        if (!isList)
        {
            return BotSettingFinding.None;
        }

        if (!isListItem && (value.Trim().Length == 0 || value == JsonConfigReader.EmptyList))
        {
            return BotSettingFinding.EmptyIpAllowlist;
        }

        foreach (var token in Tokens(value))
        {
            if (IsOpenAddress(token))
            {
                found = token;
                return BotSettingFinding.OpenIpAllowlist;
            }
        }

        return BotSettingFinding.None;
    }

    // Splits "read, trade,withdraw" and "trade withdraw" into tokens; "Withdraw Funds" stays one token per word.
    private static IEnumerable<string> Tokens(string value)
    {
        foreach (var token in value.Split(new[] { ',', ';', '|', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return token;
        }
    }

    private static bool ContainsAny(IReadOnlyList<string> words, HashSet<string> set)
    {
        foreach (var word in words)
        {
            if (set.Contains(word))
            {
                return true;
            }
        }

        return false;
    }
}
