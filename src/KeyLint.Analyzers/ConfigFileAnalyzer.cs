using System;
using System.Collections.Immutable;
using System.IO;
using KeyLint.Core.Baseline;
using KeyLint.Core.Config;
using KeyLint.Core.Detection;
using KeyLint.Core.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers;

/// <summary>
/// Reports dangerous settings in the config files a project passes to the compiler as additional files: withdrawal
/// permissions (KL0003), plaintext secrets (KL0004) and API keys open to every IP address (KL0005). Each file is
/// read once, and every finding points at the value's exact line and column.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Per-file option (an .editorconfig section that matches the file) that marks a file as test data.</summary>
    public const string TestDataOption = "keylint.test_data";

    private const string CopyToOutputMetadata = "build_metadata.AdditionalFiles.CopyToOutputDirectory";

    public static readonly DiagnosticDescriptor WithdrawalPermissionRule = new(
        DiagnosticIds.WithdrawalPermission,
        title: "API key may withdraw funds",
        messageFormat: "'{0}' {1}. A trading bot's key should trade but not withdraw: remove the withdrawal permission " +
            "from the key on the exchange and from this file.",
        DiagnosticIds.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A bot config enables withdrawals for the API key it uses. A leaked key that can withdraw empties " +
            "the account; one that can only trade cannot move funds out.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.WithdrawalPermission));

    public static readonly DiagnosticDescriptor PlaintextSecretFileRule = new(
        DiagnosticIds.PlaintextSecretFile,
        title: "Secret stored in plaintext file",
        messageFormat: "'{0}' in {1} holds {2} {3} in plaintext{4}. Keep it in user secrets during development and in " +
            "environment variables or a vault in production, or encrypt the file.",
        DiagnosticIds.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A config or key file contains an unencrypted secret, so everyone who can read the repository, " +
            "the build output or a deployment package can read the secret.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.PlaintextSecretFile));

    public static readonly DiagnosticDescriptor OpenIpAllowlistRule = new(
        DiagnosticIds.OpenIpAllowlist,
        title: "API key open to every IP address",
        messageFormat: "'{0}' {1}. Restrict the key to the addresses the bot runs from, here and on the exchange.",
        DiagnosticIds.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A bot config turns off the IP restriction of its API key or allows every address, so a leaked " +
            "key works from anywhere.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.OpenIpAllowlist));

    public static readonly DiagnosticDescriptor InvalidCustomFormatRule = new(
        DiagnosticIds.InvalidCustomFormat,
        title: "Invalid custom key format",
        messageFormat: "The custom key format is left out: {0}",
        DiagnosticIds.ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An entry of keylint.formats.json is invalid: a required property is missing, the pattern does " +
            "not parse or is too slow, or an example does not behave as written.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.InvalidCustomFormat));

    private readonly ScannerLoader _loader;

    public ConfigFileAnalyzer()
        : this(ScannerLoader.Default)
    {
    }

    internal ConfigFileAnalyzer(ScannerLoader loader)
    {
        _loader = loader;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(
            WithdrawalPermissionRule,
            PlaintextSecretFileRule,
            OpenIpAllowlistRule,
            InvalidCustomFormatRule,
            BaselineRules.InvalidEntryRule,
            BaselineRules.StaleEntryRule,
            BaselineRules.RecordedFindingRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // A failed load leaves KL0003 and KL0005 running, and CatalogLoadAnalyzer reports the failure (KL9005).
            var load = _loader.Load(start.Options, start.CancellationToken);
            var baseline = BaselineMatcher.Create(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterAdditionalFileAction(c => AnalyzeFile(c, load.Scanner, load.CustomFormatsLoaded, baseline));
            if (baseline is { HasEntries: true })
            {
                // Every entry that no C# analyzer owns: the config files' findings, and rule ids KeyLint does not know.
                start.RegisterCompilationEndAction(end => baseline.ReportStale(BaselineOwner.ConfigFile, end.ReportDiagnostic));
            }
        });
    }

    // A null scanner means the key formats did not load: only the bot settings (KL0003, KL0005) are checked.
    private static void AnalyzeFile(
        AdditionalFileAnalysisContext context, SecretScanner? scanner, bool customFormatsLoaded, BaselineMatcher? baseline)
    {
        var file = context.AdditionalFile;
        if (CustomFormats.IsFormatsFile(file.Path))
        {
            if (customFormatsLoaded)
            {
                ReportInvalidFormats(context);
            }

            return;
        }

        if (BaselineMatcher.IsBaselineFile(file, context.Options))
        {
            ReportInvalidBaseline(context);
            return;
        }

        var kind = ConfigFileKinds.FromPath(file.Path);
        if (kind == ConfigFileKind.Unknown)
        {
            return;
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
        if (options.TryGetValue(TestDataOption, out var testData) && BotSettingRules.IsTruthy(testData))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null || text.Length == 0)
        {
            return;
        }

        var copied = options.TryGetValue(CopyToOutputMetadata, out var copy) &&
            (copy.Equals("PreserveNewest", StringComparison.OrdinalIgnoreCase) ||
                copy.Equals("Always", StringComparison.OrdinalIgnoreCase) ||
                copy.Equals("IfDifferent", StringComparison.OrdinalIgnoreCase));
        var content = text.ToString();
        var fileName = Path.GetFileName(file.Path);
        var copiedNote = copied ? ", and the build copies the file to its output" : string.Empty;
        var scannerOptions = KeyLintOptions.ReadScannerOptions(options);
        if (kind == ConfigFileKind.PrivateKey)
        {
            if (scanner is not null && scanner.TryMatchFormat(content, out var keyFinding))
            {
                var span = new TextSpan(keyFinding.Start, Math.Min(keyFinding.Length, LineEnd(content, keyFinding.Start) - keyFinding.Start));
                var shownName = DisplayPath(fileName, scanner);
                var fingerprint = Fingerprint.Of(content.Substring(keyFinding.Start, keyFinding.Length));
                Report(context, baseline, text, span, PlaintextSecretFileRule, fingerprint, shownName, shownName, MessageText.WithArticle(keyFinding.Format!.Name),
                    Redaction.Describe(content, keyFinding.Start, keyFinding.Length), copiedNote);
            }

            return;
        }

        // Recorded exchange responses in test folders name withdrawals and addresses as data, not as settings.
        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        var isTestFolder = IsUnderTestFolder(file.Path, projectDirectory);
        foreach (var entry in ConfigFileReader.Read(kind, content, context.CancellationToken))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var span = new TextSpan(entry.ValueStart, entry.ValueLength);
            if (!isTestFolder && BotSettingRules.MayApply(entry.Key))
            {
                var setting = BotSettingRules.Check(NameWords.Split(entry.Key), entry.Value, entry.IsListItem, out var token);
                if (setting != BotSettingFinding.None)
                {
                    // Point at "withdraw" in "read,trade,withdraw" when the token can be found in the source.
                    var tokenStart = token is null || token == entry.Value ? -1 : content.IndexOf(token, entry.ValueStart, entry.ValueLength, StringComparison.Ordinal);
                    var fingerprint = Fingerprint.OfSetting(entry.Path, token ?? entry.Value);
                    var settingSpan = tokenStart < 0 ? span : new TextSpan(tokenStart, token!.Length);
                    ReportSetting(context, baseline, text, settingSpan, DisplayPath(entry.Path, scanner), setting, fingerprint);
                    continue;
                }
            }

            if (scanner is not null && TryFindSecret(scanner, entry, scannerOptions, out var finding))
            {
                var description = finding.Format is { } format ? MessageText.WithArticle(format.Name) : "a random-looking secret";
                var fingerprint = Fingerprint.Of(entry.Value.Substring(finding.Start, finding.Length));
                Report(context, baseline, text, span, PlaintextSecretFileRule, fingerprint, DisplayPath(entry.Path, scanner), DisplayPath(fileName, scanner), description,
                    Redaction.Describe(entry.Value, finding.Start, finding.Length), copiedNote);
            }
        }
    }

    private static void ReportInvalidFormats(AdditionalFileAnalysisContext context)
    {
        var text = context.AdditionalFile.GetText(context.CancellationToken);
        if (text is null || CustomFormats.Load(context.AdditionalFile, context.CancellationToken) is not { } loaded)
        {
            return;
        }

        foreach (var problem in loaded.Problems)
        {
            var span = TextSpans.CharacterAt(text, problem.Offset);
            Report(context, baseline: null, text, span, InvalidCustomFormatRule, fingerprint: null, problem.Message);
        }
    }

    private static void ReportInvalidBaseline(AdditionalFileAnalysisContext context)
    {
        if (context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var problem in BaselineMatcher.ProblemsOf(text))
        {
            var span = TextSpans.CharacterAt(text, problem.Offset);
            Report(context, baseline: null, text, span, BaselineRules.InvalidEntryRule, fingerprint: null, problem.Message);
        }
    }

    /// <summary>
    /// Returns the path for a message with every segment that may contain a key redacted: a key can be a map key
    /// ("accounts": { "sk_live_…": { ... } }) or an INI section, and a message must never show it whole.
    /// </summary>
    /// <remarks>NOTE: with no scanner (the key formats failed to load), only the length and randomness checks redact.</remarks>
    private static string DisplayPath(string path, SecretScanner? scanner) => Redaction.DescribeName(path, scanner);

    private static bool TryFindSecret(SecretScanner scanner, ConfigEntry entry, ScannerOptions options, out SecretFinding finding)
    {
        finding = default;
        var value = entry.Value;
        if (value.Length < SecretScanner.MinCandidateLength || IsReference(value))
        {
            return false;
        }

        if (scanner.TryMatchFormat(value, out finding))
        {
            return true;
        }

        // The path names the provider: "Binance:ApiSecret" or "exchange.kraken.secret".
        return SecretScanner.IsContextCandidate(value) &&
            (SecretNames.MayBeSecretName(entry.Key, options) || scanner.IsKnownHeader(entry.Key)) &&
            scanner.TryMatchInContext(value, new TargetContext(entry.Key, entry.Path, options), out finding);
    }

    // Values that point at a secret kept elsewhere: a Key Vault reference, or a value encrypted by
    // ASP.NET Data Protection (CfDJ8...) or Windows DPAPI (AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA...).
    private static bool IsReference(string value)
    {
        return value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("CfDJ8", StringComparison.Ordinal) ||
            value.StartsWith("AQAAANCMnd8BFdERjHoAwE", StringComparison.Ordinal) ||
            value.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", StringComparison.Ordinal) ||
            value.StartsWith("age1", StringComparison.Ordinal) ||
            value.StartsWith("vault:", StringComparison.OrdinalIgnoreCase);
    }

    private static void ReportSetting(
        AdditionalFileAnalysisContext context,
        BaselineMatcher? baseline,
        SourceText text,
        TextSpan span,
        string path,
        BotSettingFinding setting,
        string fingerprint)
    {
        var (rule, explanation) = setting switch
        {
            BotSettingFinding.WithdrawalSwitchOn => (WithdrawalPermissionRule, "enables withdrawals"),
            BotSettingFinding.WithdrawalPermission => (WithdrawalPermissionRule, "grants a withdrawal permission"),
            BotSettingFinding.IpRestrictionOff => (OpenIpAllowlistRule, "turns the IP restriction off"),
            BotSettingFinding.EmptyIpAllowlist => (OpenIpAllowlistRule, "is an empty IP allowlist, which allows every address"),
            _ => (OpenIpAllowlistRule, "allows every IP address"),
        };
        Report(context, baseline, text, span, rule, fingerprint, path, explanation);
    }

    private static void Report(
        AdditionalFileAnalysisContext context,
        BaselineMatcher? baseline,
        SourceText text,
        TextSpan span,
        DiagnosticDescriptor rule,
        string? fingerprint,
        params object[] arguments)
    {
        // A reader's offsets come from the same text, but a span past its end would throw here and fail the build.
        var start = Math.Min(span.Start, text.Length);
        span = new TextSpan(start, Math.Min(span.Length, text.Length - start));
        var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
        var properties = fingerprint is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Fingerprint, fingerprint);
        BaselineMatcher.Report(baseline, Diagnostic.Create(rule, location, properties, arguments), context.ReportDiagnostic, context.CancellationToken);
    }

    // Only the folders inside the project count: a repository cloned under ~/tests/ is no test data.
    private static bool IsUnderTestFolder(string path, string? projectDirectory)
    {
        if (!string.IsNullOrEmpty(projectDirectory) && path.StartsWith(projectDirectory, StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(projectDirectory!.Length);
        }

        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment.Equals("test", StringComparison.OrdinalIgnoreCase) ||
                segment.Equals("tests", StringComparison.OrdinalIgnoreCase) ||
                segment.Equals("testdata", StringComparison.OrdinalIgnoreCase) ||
                segment.Equals("fixtures", StringComparison.OrdinalIgnoreCase) ||
                segment.Equals("recordings", StringComparison.OrdinalIgnoreCase) ||
                segment.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int LineEnd(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text.Length : end;
    }

}
