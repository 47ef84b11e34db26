using System;
using System.Collections.Generic;
using System.Globalization;
using KeyLint.Core.Detection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers;

/// <summary>
/// Reads KeyLint's <c>keylint.*</c> keys from .editorconfig sections or a .globalconfig. A missing or invalid value
/// keeps its default, so a typo never turns a rule off.
/// </summary>
internal static class KeyLintOptions
{
    public const string SecretWords = "keylint.secret_words";
    public const string IgnoredWords = "keylint.ignored_words";
    public const string MinEntropy = "keylint.min_entropy";
    public const string MinSecretLength = "keylint.min_secret_length";
    public const string MinPasswordLength = "keylint.min_password_length";

    /// <summary>"lower" (the default) reports KL0001 and KL0002 in test projects as suggestions; "normal" does not.</summary>
    public const string TestProjects = "keylint.test_projects";

    /// <summary>Returns the scanner settings in <paramref name="options"/>, or the shared defaults when none is set.</summary>
    public static ScannerOptions ReadScannerOptions(AnalyzerConfigOptions options)
    {
        var hasWords = options.TryGetValue(SecretWords, out var secretWords);
        var hasIgnored = options.TryGetValue(IgnoredWords, out var ignoredWords);
        var hasEntropy = TryReadDouble(options, MinEntropy, 0, 8, out var entropy);
        var hasSecretLength = TryReadInt(options, MinSecretLength, 1, 1024, out var secretLength);
        var hasPasswordLength = TryReadInt(options, MinPasswordLength, 1, 1024, out var passwordLength);
        if (!hasWords && !hasIgnored && !hasEntropy && !hasSecretLength && !hasPasswordLength)
        {
            return ScannerOptions.Default;
        }

        var defaults = ScannerOptions.Default;
        return new ScannerOptions
        {
            ExtraSecretWords = hasWords ? ReadWords(secretWords!) : defaults.ExtraSecretWords,
            IgnoredWords = hasIgnored ? ReadWords(ignoredWords!) : defaults.IgnoredWords,
            MinEntropy = hasEntropy ? entropy : defaults.MinEntropy,
            MinSecretLength = hasSecretLength ? secretLength : defaults.MinSecretLength,
            MinPasswordLength = hasPasswordLength ? passwordLength : defaults.MinPasswordLength,
        };
    }

    /// <summary>Tells whether findings in a test project keep their configured severity.</summary>
    public static bool ReportTestProjectsNormally(AnalyzerConfigOptions options)
    {
        return options.TryGetValue(TestProjects, out var value) &&
            value.Trim().Equals("normal", StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<string> ReadWords(string value)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in value.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(word.Trim().ToLowerInvariant());
        }

        return words;
    }

    private static bool TryReadDouble(AnalyzerConfigOptions options, string key, double min, double max, out double value)
    {
        value = 0;
        return options.TryGetValue(key, out var text) &&
            double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) &&
            value >= min && value <= max;
    }

    private static bool TryReadInt(AnalyzerConfigOptions options, string key, int min, int max, out int value)
    {
        value = 0;
        return options.TryGetValue(key, out var text) &&
            int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) &&
            value >= min && value <= max;
    }
}
