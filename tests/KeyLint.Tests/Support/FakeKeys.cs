using System;
using KeyLint.Core.Formats;

namespace KeyLint.Tests.Support;

/// <summary>
/// Key-shaped values for tests, drawn from templates with a fixed seed: the repository contains no real key, and every
/// run gets the same values.
/// </summary>
internal static class FakeKeys
{
    /// <summary>Expands a template such as <c>AKIA{16:A-Z2-7}</c>; the seed comes from the template itself.</summary>
    public static string Make(string template) => ExampleTemplate.Expand(template, ExampleTemplate.CreateRandom(template));

    public static string AwsAccessKeyId => Make("AKIA{16:A-Z2-7}");

    public static string StripeLiveKey => Make("sk_live_{32:0-9a-zA-Z}");

    /// <summary>A Binance-style 64-character key, which only its target's name marks as a secret.</summary>
    public static string ExchangeSecret => Make("{64:A-Za-z0-9}");

    /// <summary>A random hexadecimal value that matches no catalog format.</summary>
    public static string RandomHex => Make("{40:0-9a-f}");
}
