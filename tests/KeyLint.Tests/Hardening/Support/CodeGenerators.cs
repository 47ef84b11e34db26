using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using KeyLint.Tests.Support;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>
/// FsCheck generators of hostile inputs: half-typed C# built from fragments that break the parser in different ways,
/// and config-file text of every kind KeyLint reads. Samples are drawn from <see cref="FuzzBudget.Seed"/>, so every run
/// gets the same inputs.
/// </summary>
internal static class CodeGenerators
{
    /// <summary>Fake keys planted in generated inputs; no diagnostic may repeat one of them whole.</summary>
    public static readonly string[] PlantedSecrets =
    {
        FakeKeys.AwsAccessKeyId,
        FakeKeys.StripeLiveKey,
        FakeKeys.ExchangeSecret,
        FakeKeys.RandomHex,
        FakeKeys.Make("{24:A-Za-z0-9+/}"),
    };

    private static readonly string[] CSharpFragments =
    {
        "class ", "struct ", "record ", "interface ", "namespace N", ";", "{", "}", "(", ")", "[", "]", "<", ">", ",",
        " = ", " + ", " == ", " ? ", " : ", " ?? ", "=>", ".", "!", "new ", "new() ", "new[] ", "const ", "static ",
        "string ", "var ", "return ", "case ", "switch ", "default", "if (", "else ", "void M(", "u8", "\n", " ", "\t",
        "apiKey", "ApiSecret", "password", "token", "X-MBX-APIKEY", "Withdraw", "EnableWithdrawals", "IpWhitelist",
        "Permissions", "ApiPermissions.Withdraw", "\"0.0.0.0/0\"", "true", "false", "headers.Add(", "Scopes",
        "\"", "\"\"\"", "\"\"\"\n", "@\"", "$\"", "$@\"", "$$\"\"\"", "{{", "}}", "\\", "\\u", "\\x", "'", "'\\''",
        "#if DEBUG\n", "#endif\n", "#region", "#pragma warning disable\n", "#define X\n", "#nullable enable\n",
        "#line 1 \"x\"\n", "#error", "//", "/*", "*/", "///", "<summary>",
        "\uD800", "\uDC00", "\u202E", "\u200F", "\u2028", "\uFEFF", "\0", "\u00E9", "\U0001F511",
        "[Obsolete(", "[assembly: ", "params ", "this ", "base(", "in ", "out ", "ref ", "=> throw ", "default:",
    };

    /// <summary>Half-typed C#: fragments, fake keys and literals in random order.</summary>
    public static Gen<string> HalfTypedCSharp()
    {
        var secret = Gen.Elements(PlantedSecrets);
        var literal = secret.Select(s => "\"" + s + "\"");
        var fragment = Gen.Frequency(
            (20, Gen.Elements(CSharpFragments)),
            (3, secret),
            (3, literal),
            (2, Gen.Elements(SampleSources.Snippets)));
        return Gen.Sized(size => fragment.ArrayOf(size * 2)).Select(parts => string.Concat(parts));
    }

    /// <summary>A valid sample program cut at a random position, as if the user were typing it.</summary>
    public static Gen<string> TruncatedSample()
    {
        var source = SampleSources.BotProgram;
        return Gen.Choose(0, source.Length).Select(cut => source.Substring(0, cut));
    }

    /// <summary>
    /// Random characters from the whole UTF-16 range, lone surrogates and control characters included. FsCheck draws
    /// only a seed, because its own array generator is slow for thousands of elements.
    /// </summary>
    public static Gen<string> RandomUnicode(int length) =>
        Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new System.Random(seed);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)random.Next(0, 0x10000);
            }

            return new string(chars);
        });

    /// <summary>Random bytes, drawn the same way as <see cref="RandomUnicode"/>.</summary>
    public static Gen<byte[]> RandomBytes(int length) =>
        Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var bytes = new byte[length];
            new System.Random(seed).NextBytes(bytes);
            return bytes;
        });

    /// <summary>Config-like text: lines of keys, separators, quotes, brackets and fake keys in random order.</summary>
    public static Gen<string> ConfigLikeText()
    {
        var token = Gen.Frequency(
            (10, Gen.Elements(
                "\n", "\r", "\r\n", " ", "  ", "\t", ":", "=", ": ", "- ", "#", ";", "[", "]", "{", "}", ",", "\"", "'",
                "\\", "|", ">", "&a ", "*a", "!!str ", "---\n", "export ", "<", "/>", "</", ">", "<add key=", "value=",
                "<![CDATA[", "]]>", "&amp;", "&#x10000;", "<!DOCTYPE x [<!ENTITY e \"x\">]>", "<?xml version=\"1.0\"?>",
                "apiSecret", "withdraw", "permissions", "ipWhitelist", "enableWithdrawals", "true", "0.0.0.0/0",
                "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "\uD800", "\u202E", "\uFEFF")),
            (2, Gen.Elements(PlantedSecrets)));
        return Gen.Sized(size => token.ArrayOf(size * 3)).Select(parts => string.Concat(parts));
    }

    /// <summary>Draws <paramref name="count"/> values of the given FsCheck size, from a seed fixed per property.</summary>
    public static T[] Sample<T>(Gen<T> generator, int count, int size, int seedOffset = 0) =>
        // FsCheck 3.6's Gen.Sample takes the number of samples before the seed and the size after it.
        generator.Sample(count, new Rnd((ulong)(FuzzBudget.Seed + seedOffset)), size).ToArray();

    /// <summary>Repeats a string built from the index; for big generated inputs.</summary>
    public static string Repeat(int count, System.Func<int, string> part)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(part(i));
        }

        return builder.ToString();
    }
}
