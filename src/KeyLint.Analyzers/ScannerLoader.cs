using System;
using System.Threading;
using KeyLint.Core.Detection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers;

/// <summary>
/// Loads the key-format scanner of a compilation without letting an exception escape. A failure of the built-in
/// catalog or of <c>keylint.formats.json</c> becomes a message that <see cref="CatalogLoadAnalyzer"/> reports once
/// as KL9005, so the analyzers that need the catalog go quiet instead of throwing (AD0001, which fails the build), and
/// the rules that need no catalog keep running.
/// </summary>
internal sealed class ScannerLoader
{
    // Long enough for an exception's type and first sentence, short enough for one line of build output.
    private const int MaxDetailLength = 300;

    private const string ReinstallAdvice = "Reinstall the KeyLint package, and report the error to KeyLint if it persists.";

    private readonly Func<SecretScanner> _loadBuiltIn;

    /// <summary>
    /// Creates a loader whose built-in scanner comes from <paramref name="loadBuiltIn"/>, so that a test can make the
    /// load fail. Formats from <c>keylint.formats.json</c> are still combined with the shipped catalog.
    /// </summary>
    internal ScannerLoader(Func<SecretScanner> loadBuiltIn)
    {
        _loadBuiltIn = loadBuiltIn;
    }

    /// <summary>The loader of the shipped catalog, <see cref="SecretScanner.Default"/>.</summary>
    public static ScannerLoader Default { get; } = new(() => SecretScanner.Default);

    /// <summary>
    /// Returns the compilation's scanner and what failed on the way. The scanner is null when the built-in catalog
    /// could not be loaded. When only <c>keylint.formats.json</c> failed, it is the built-in scanner.
    /// </summary>
    public ScannerLoad Load(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        SecretScanner builtIn;
        try
        {
            builtIn = _loadBuiltIn();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ScannerLoad(
                null,
                $"KeyLint's built-in key-format catalog failed to load ({Describe(exception)}), so KL0001, KL0002 " +
                "and KL0004 report nothing in this compilation, while KL0003 and KL0005 still run. " + ReinstallAdvice,
                customFormatsLoaded: false);
        }

        var builtInErrors = builtIn.Catalog.Errors;
        var builtInFailure = builtInErrors.Count == 0
            ? null
            : $"KeyLint's built-in key-format catalog left out {builtInErrors.Count} invalid format(s) " +
                $"({Shorten(builtInErrors[0].Message)}), so KL0001, KL0002 and KL0004 miss keys of those formats. " +
                ReinstallAdvice;
        try
        {
            return new ScannerLoad(CustomFormats.ScannerFor(options, builtIn, cancellationToken), builtInFailure, customFormatsLoaded: true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var customFailure =
                $"{CustomFormats.FileName} failed to load ({Describe(exception)}), so KL0001, KL0002 and KL0004 use " +
                "the built-in formats only. Check that the file can be read, and report the error to KeyLint if it can.";
            return new ScannerLoad(
                builtIn,
                builtInFailure is null ? customFailure : builtInFailure + " " + customFailure,
                customFormatsLoaded: false);
        }
    }

    private static string Describe(Exception exception) => Shorten($"{exception.GetType().FullName}: {exception.Message}");

    private static string Shorten(string text)
    {
        var line = text.Replace("\r", " ").Replace("\n", " ");
        return line.Length <= MaxDetailLength ? line : line.Substring(0, MaxDetailLength) + "…";
    }
}

/// <summary>The outcome of <see cref="ScannerLoader.Load"/>.</summary>
internal readonly struct ScannerLoad
{
    public ScannerLoad(SecretScanner? scanner, string? failure, bool customFormatsLoaded)
    {
        Scanner = scanner;
        Failure = failure;
        CustomFormatsLoaded = customFormatsLoaded;
    }

    /// <summary>The scanner to use, or null when no catalog could be loaded.</summary>
    public SecretScanner? Scanner { get; }

    /// <summary>The KL9005 message, which names what failed, the rules affected and what to do, or null when everything loaded.</summary>
    public string? Failure { get; }

    /// <summary>
    /// False when loading <c>keylint.formats.json</c> threw or was not reached, so checking the file for KL9001 would
    /// fail the same way.
    /// </summary>
    public bool CustomFormatsLoaded { get; }
}
