using System.Security.Cryptography;
using System.Text;

namespace KeyLint.Core.Baseline;

/// <summary>
/// Fingerprints of findings for the baseline file: the first 16 hexadecimal digits (64 bits) of the SHA-256 of the
/// UTF-8 text. A fingerprint identifies a random key without revealing it.
/// </summary>
/// <remarks>
/// NOTE: a fingerprint of a short or dictionary password can be reversed by trying candidates, as any unsalted hash
/// can. Keys in a known format and random secrets cannot be guessed that way.
/// </remarks>
public static class Fingerprint
{
    public const int Length = 16;

    /// <summary>Computes the fingerprint of <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        byte[] hash;
        using (var sha256 = SHA256.Create())
        {
            hash = sha256.ComputeHash(Encoding.UTF8.GetBytes(text));
        }

        var digits = new StringBuilder(Length);
        for (var i = 0; i < Length / 2; i++)
        {
            digits.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return digits.ToString();
    }

    /// <summary>Computes the fingerprint of a setting finding, which contains no secret: its name and value.</summary>
    public static string OfSetting(string name, string value) => Of(name + "=" + value);

    /// <summary>Tells whether <paramref name="text"/> has the form of a fingerprint: 16 lower-case hexadecimal digits.</summary>
    public static bool IsWellFormed(string text)
    {
        if (text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not (>= '0' and <= '9') and not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
