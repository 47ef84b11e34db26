using Microsoft.CodeAnalysis;

namespace KeyLint.Analyzers;

/// <summary>The diagnostics about the baseline file, shared by every analyzer whose findings it can accept.</summary>
internal static class BaselineRules
{
    private const string RefreshCommand = "dotnet build -p:KeyLintUpdateBaseline=true";

    public static readonly DiagnosticDescriptor InvalidEntryRule = new(
        DiagnosticIds.InvalidBaseline,
        title: "Invalid baseline entry",
        messageFormat: "{0}. The entry accepts no finding until it is fixed, or until the baseline is written again with '" +
            RefreshCommand + "'.",
        DiagnosticIds.ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "keylint.baseline.json is not valid JSON, has no findings array, or has an entry without a rule, " +
            "path or well-formed fingerprint.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.InvalidBaseline));

    public static readonly DiagnosticDescriptor StaleEntryRule = new(
        DiagnosticIds.StaleBaselineEntry,
        title: "Baseline entry matches no finding",
        messageFormat: "The baseline entry for {0} in '{1}' matches no finding. Remove it, or write the baseline again " +
            "with '" + RefreshCommand + "'.",
        DiagnosticIds.ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The leak this entry accepted is gone or has changed, so the entry would only hide a future leak " +
            "with the same fingerprint. It is reported when the whole compilation has been analyzed.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.StaleBaselineEntry),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor RecordedFindingRule = new(
        DiagnosticIds.RecordedFinding,
        title: "Finding recorded for the baseline",
        messageFormat: "{0} is recorded for the baseline with fingerprint {1}",
        DiagnosticIds.ConfigurationCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Reported only while the baseline is written (KeyLintUpdateBaseline=true), in place of the " +
            "finding itself. The package's MSBuild target reads these notes from the SARIF log.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.RecordedFinding));
}
