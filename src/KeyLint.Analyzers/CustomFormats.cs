using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using KeyLint.Core.Detection;
using KeyLint.Core.Formats;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers;

/// <summary>
/// Loads a team's own key formats from an additional file named <c>keylint.formats.json</c>, with the schema of the
/// built-in catalog. Valid formats join the built-in ones, after them; invalid ones are left out and reported.
/// </summary>
internal static class CustomFormats
{
    public const string FileName = "keylint.formats.json";

    // The IDE builds a new compilation on every edit but keeps the SourceText of an unchanged file, so parsing and
    // validating happen once per version of the file.
    private static readonly ConditionalWeakTable<SourceText, Loaded> Cache = new();

    public static bool IsFormatsFile(string path) => Path.GetFileName(path).Equals(FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the scanner for a compilation: <paramref name="builtIn"/>, or one that also matches the custom formats.</summary>
    public static SecretScanner ScannerFor(AnalyzerOptions options, SecretScanner builtIn, CancellationToken cancellationToken)
    {
        foreach (var file in options.AdditionalFiles)
        {
            if (IsFormatsFile(file.Path) && Load(file, cancellationToken) is { } loaded)
            {
                return loaded.Scanner;
            }
        }

        return builtIn;
    }

    /// <summary>Parses and validates the formats file, or returns null when its text cannot be read.</summary>
    public static Loaded? Load(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        return text is null ? null : Cache.GetValue(text, Parse);
    }

    private static Loaded Parse(SourceText text)
    {
        var custom = KeyFormatCatalog.Parse(text.ToString());
        var problems = new List<CatalogError>(custom.Errors);
        var valid = new List<KeyFormat>();
        foreach (var format in custom.Formats)
        {
            if (FormatValidator.Validate(format) is { } problem)
            {
                problems.Add(new CatalogError($"Format '{format.Id}': {problem}", format.Offset));
            }
            else
            {
                valid.Add(format);
            }
        }

        var combined = KeyFormatCatalog.Combine(KeyFormatCatalog.BuiltIn, KeyFormatCatalog.FromFormats(valid));
        problems.AddRange(combined.Errors);
        return new Loaded(new SecretScanner(combined), problems);
    }

    internal sealed class Loaded
    {
        public Loaded(SecretScanner scanner, IReadOnlyList<CatalogError> problems)
        {
            Scanner = scanner;
            Problems = problems;
        }

        public SecretScanner Scanner { get; }

        public IReadOnlyList<CatalogError> Problems { get; }
    }
}
