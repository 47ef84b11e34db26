namespace KeyLint.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> through which the analyzer passes the fixers
/// what they need. No property ever carries the secret itself.
/// </summary>
public static class FixProperties
{
    /// <summary>The environment variable to read instead, such as <c>BINANCE_API_SECRET</c>.</summary>
    public const string VariableName = "KeyLint.VariableName";

    /// <summary>The configuration key to read instead, such as <c>Binance:ApiSecret</c>.</summary>
    public const string ConfigurationKey = "KeyLint.ConfigurationKey";

    /// <summary>
    /// Whether a fix may be offered: <see cref="Fixable"/>, or <see cref="NotFixable"/> where C# requires a
    /// constant (attribute arguments, case labels, default parameter values).
    /// </summary>
    public const string Fix = "KeyLint.Fix";

    /// <summary>
    /// The fingerprint of the finding that the baseline file lists: a truncated SHA-256 of the secret, or of the
    /// setting's name and value for KL0003 and KL0005.
    /// </summary>
    public const string Fingerprint = "KeyLint.Fingerprint";

    /// <summary>
    /// Where the key starts in the reported string's value, in characters, when the value also contains other text
    /// that the fix keeps. Missing when the key is the whole value or the format's variable contains the whole value.
    /// </summary>
    public const string KeyStart = "KeyLint.KeyStart";

    /// <summary>The key's length in characters, given with <see cref="KeyStart"/>.</summary>
    public const string KeyLength = "KeyLint.KeyLength";

    public const string Fixable = "EnvironmentVariable";

    public const string NotFixable = "None";
}
