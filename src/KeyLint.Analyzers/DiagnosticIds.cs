namespace KeyLint.Analyzers;

/// <summary>KeyLint's diagnostic ids and the help link of each; ids never change once shipped.</summary>
public static class DiagnosticIds
{
    public const string KnownKeyFormat = "KL0001";
    public const string HighEntropySecret = "KL0002";
    public const string WithdrawalPermission = "KL0003";
    public const string PlaintextSecretFile = "KL0004";
    public const string OpenIpAllowlist = "KL0005";
    public const string InvalidCustomFormat = "KL9001";
    public const string InvalidSecretLookup = "KL9002";
    public const string InvalidBaseline = "KL9003";
    public const string StaleBaselineEntry = "KL9004";
    public const string CatalogLoadFailed = "KL9005";
    public const string RecordedFinding = "KL9006";

    public const string Category = "Security";
    public const string ConfigurationCategory = "Configuration";

    /// <summary>Returns the page that documents <paramref name="id"/>.</summary>
    public static string HelpLink(string id) => $"https://github.com/keylint/KeyLint/blob/main/rules/{id}.md";
}
