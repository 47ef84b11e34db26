using System;
using System.Linq;
using KeyLint.Core.Config;
using Xunit;

namespace KeyLint.Tests.Config;

// MayApply looks ASCII names up character by character and hands any other name to IndexOf. Both must agree with
// IndexOf ignoring case, which is what the rules meant before the lookup existed.
public class BotSettingNameTests
{
    [Theory]
    [InlineData("EnableWithdrawals", true)]
    [InlineData("WITHDRAW", true)]
    [InlineData("ipWhitelist", true)]
    [InlineData("ApiPermissions", true)]
    [InlineData("scopes", true)]
    [InlineData("AccessRights", true)]
    [InlineData("PrivilegeLevel", true)]
    [InlineData("Capabilities", true)]
    [InlineData("GrantedTo", true)]
    [InlineData("Roles", true)]
    [InlineData("Roll", false)]
    [InlineData("permanent", true)]
    [InlineData("apiKey", false)]
    [InlineData("Symbol", false)]
    [InlineData("", false)]
    [InlineData("P", false)]
    [InlineData("withdra", false)]
    public void FindsFragmentInAnyCase(string name, bool expected)
    {
        Assert.Equal(expected, BotSettingRules.MayApply(name));
    }

    [Fact]
    public void AgreesWithIndexOfIgnoringCase()
    {
        // Fragments cut and joined at random, in random case, with non-ASCII letters that ignoring case may pair with
        // ASCII ones (dotless i, long s, Kelvin sign) and others that it does not.
        var random = new Random(20261205);
        var pieces = BotSettingRules.NameFragments.Concat(new[] { "api", "key", "\u0131", "\u017F", "\u212A", "é", "_", "1", "ß" }).ToArray();
        for (var n = 0; n < 20_000; n++)
        {
            var name = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Mangle(pieces[random.Next(pieces.Length)], random)));
            var expected = BotSettingRules.NameFragments.Any(fragment => name.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0);

            Assert.True(expected == BotSettingRules.MayApply(name), $"MayApply disagrees with IndexOf on \"{name}\".");
        }
    }

    // Changes the case of some letters, drops one character now and then, and swaps some i and s for their
    // non-ASCII look-alikes.
    private static string Mangle(string piece, Random random)
    {
        var chars = piece.Select(c => random.Next(3) switch
        {
            0 => char.ToUpperInvariant(c),
            1 when c == 'i' && random.Next(4) == 0 => '\u0131',
            1 when c == 's' && random.Next(4) == 0 => '\u017F',
            _ => c,
        }).ToList();
        if (chars.Count > 1 && random.Next(5) == 0)
        {
            chars.RemoveAt(random.Next(chars.Count));
        }

        return new string(chars.ToArray());
    }
}
