namespace KeyLint.Core.Detection;

/// <summary>Thresholds for secrets recognized by name and randomness rather than by a known format.</summary>
public sealed class ScannerOptions
{
    public static readonly ScannerOptions Default = new();

    /// <summary>Minimum length of a key, secret or token value, in characters.</summary>
    public int MinSecretLength { get; set; } = 16;

    /// <summary>Minimum length of a password or passphrase value, in characters.</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>Minimum Shannon entropy of a key, secret or token value, in bits per character.</summary>
    public double MinEntropy { get; set; } = 3.0;
}
