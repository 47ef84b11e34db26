using System;
using System.Collections.Generic;

namespace KeyLint.Core.Detection;

/// <summary>
/// Settings for secrets recognized by name and randomness rather than by a known format. Users set them in
/// .editorconfig or .globalconfig under <c>keylint.*</c> keys.
/// </summary>
public sealed class ScannerOptions
{
    // Declared before Default, because static fields are initialized in order and Default's word sets use it.
    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal);

    public static readonly ScannerOptions Default = new();

    /// <summary>Minimum length of a key, secret or token value, in characters.</summary>
    public int MinSecretLength { get; set; } = 16;

    /// <summary>Minimum length of a password or passphrase value, in characters.</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>Minimum Shannon entropy of a key, secret or token value, in bits per character.</summary>
    public double MinEntropy { get; set; } = 3.0;

    /// <summary>Lower-case words that mark a name as secret besides the built-in ones (key, secret, token, ...).</summary>
    public HashSet<string> ExtraSecretWords { get; set; } = NoWords;

    /// <summary>Lower-case words that mark a name as not secret, whatever other words it contains.</summary>
    public HashSet<string> IgnoredWords { get; set; } = NoWords;
}
