using System.Text;

namespace KeyLint.PackageTests;

/// <summary>
/// Key-shaped fake values drawn from a fixed seed, so every run plants the same values and no real key is ever in
/// the repository. Each method returns a new value of one provider's shape.
/// </summary>
public sealed class FakeKeys(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Base32 = Upper + "234567";
    private const string Alphanumeric = Upper + Lower + Digits;
    private const string Hex = "0123456789abcdef";

    private readonly Random _random = new(seed);

    /// <summary>An AWS access key id: <c>AKIA</c> and 16 base32 characters.</summary>
    public string AwsAccessKeyId() => "AKIA" + Draw(Base32, 16);

    /// <summary>A GitHub classic personal access token: <c>ghp_</c> and 36 alphanumerics.</summary>
    public string GitHubClassicToken() => "ghp_" + Draw(Alphanumeric, 36);

    /// <summary>A Stripe live secret key: <c>sk_live_</c> and 24 alphanumerics.</summary>
    public string StripeLiveSecretKey() => "sk_live_" + Draw(Alphanumeric, 24);

    /// <summary>A random alphanumeric value of no known format, like a webhook signing secret.</summary>
    public string RandomSecret(int length) => Draw(Alphanumeric, length);

    /// <summary>A lower-case hexadecimal value, like a SHA-256 digest when <paramref name="length"/> is 64.</summary>
    public string HexDigits(int length) => Draw(Hex, length);

    /// <summary>A GUID in its usual 8-4-4-4-12 form.</summary>
    public string Guid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }

    private string Draw(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[_random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
