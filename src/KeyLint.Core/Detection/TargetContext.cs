using System.Collections.Generic;
using KeyLint.Core.Names;

namespace KeyLint.Core.Detection;

/// <summary>
/// What a value is bound to: the name of its target (a variable, property, parameter, dictionary key, config key or
/// request header) and, when known, the name of the type around it, which often names the provider
/// (<c>BinanceOptions</c>, <c>new OkxCredentials(...)</c>).
/// </summary>
public sealed class TargetContext
{
    public TargetContext(string? name, string? typeName, ScannerOptions? options = null)
        : this(name, NameWords.Split(name), typeName, NameWords.Split(typeName), options)
    {
    }

    /// <summary>Creates the context with the words of both names taken from <paramref name="words"/>.</summary>
    public TargetContext(string? name, string? typeName, ScannerOptions? options, NameWordCache words)
        : this(name, words.Get(name), typeName, words.Get(typeName), options)
    {
    }

    private TargetContext(
        string? name, IReadOnlyList<string> words, string? typeName, IReadOnlyList<string> typeWords, ScannerOptions? options)
    {
        Name = name;
        TypeName = typeName;
        Words = words;
        TypeWords = typeWords;
        Kind = SecretNames.Classify(Words, options);
        Options = options ?? ScannerOptions.Default;
    }

    public string? Name { get; }

    public string? TypeName { get; }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<string> TypeWords { get; }

    public SecretNameKind Kind { get; }

    /// <summary>The settings in force where the value sits; thresholds come from here.</summary>
    public ScannerOptions Options { get; }
}
