using KeyLint.Core.Detection;
using KeyLint.Core.Names;

namespace KeyLint.Analyzers;

/// <summary>
/// Decides whether a parameter name is worth a question to the semantic model: only when the value could still be a
/// finding under some name, and only for names that could make it one. The default gate lets everything through,
/// for callers that need the name whatever it is, such as a diagnostic message.
/// </summary>
internal readonly struct ParameterNameGate
{
    private readonly SecretScanner? _scanner;
    private readonly ScannerOptions? _options;
    private readonly string? _value;

    public ParameterNameGate(SecretScanner scanner, ScannerOptions options, string value)
    {
        _scanner = scanner;
        _options = options;
        _value = value;
    }

    /// <summary>Tells whether some target name could make the value a finding.</summary>
    public bool ValueCouldMatch() => _scanner is null || _scanner.CouldMatchInContext(_value!, _options!);

    /// <summary>Tells whether a value bound to a target of this name could be a finding.</summary>
    public bool MayMatter(string? name) =>
        _scanner is null || SecretNames.MayBeSecretName(name, _options) || _scanner.IsKnownHeader(name);
}
