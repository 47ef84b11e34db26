using KeyLint.Core.Formats;

namespace KeyLint.Core.Detection;

/// <summary>A secret found in a value: which format it has (none for a high-entropy value) and where it sits.</summary>
public readonly struct SecretFinding
{
    public SecretFinding(KeyFormat? format, int start, int length)
    {
        Format = format;
        Start = start;
        Length = length;
    }

    /// <summary>The matched catalog format, or null when only the value's randomness and its name gave it away.</summary>
    public KeyFormat? Format { get; }

    /// <summary>Offset of the secret part within the scanned value.</summary>
    public int Start { get; }

    public int Length { get; }
}
