namespace KeyLint.PackageTests;

/// <summary>A fake key planted in the consumer's source, with the diagnostic KeyLint must report for it.</summary>
/// <param name="RuleId">KL0001 for a known key format, KL0002 for a random value bound to a secret name.</param>
/// <param name="Value">The planted value; it must never appear whole in any output.</param>
/// <param name="Line">The 1-based line of the value in <see cref="ConsumerSource.FileName"/>.</param>
/// <param name="Fixable">False where C# requires a constant (an attribute argument), so no fix is offered.</param>
/// <param name="Position">The kind of code that contains the value, for assertion messages.</param>
public sealed record PlantedLeak(string RuleId, string Value, int Line, bool Fixable, string Position);

/// <summary>
/// The C# file of the consumer project: leaks in the positions a trading bot has them, beside code that must stay
/// clean. The leaks that cannot be fixed come first, because <c>dotnet format</c> builds its Fix All from the first
/// diagnostic of an id that it meets, and such a leak must not stop the others from being fixed.
/// </summary>
public sealed class ConsumerSource
{
    public const string FileName = "TradingClient.cs";

    private readonly List<string> _lines = new();
    private readonly List<PlantedLeak> _leaks = new();

    private ConsumerSource()
    {
    }

    public string Text => string.Join("\n", _lines) + "\n";

    public IReadOnlyList<PlantedLeak> Leaks => _leaks;

    /// <summary>The text before the key in the URL leak, which the fix must keep.</summary>
    public const string BackupUrlStart = "https://s3.example.com/backup?AWSAccessKeyId=";

    /// <summary>The text after the key in the URL leak, which the fix must keep.</summary>
    public const string BackupUrlEnd = "&Expires=1700000000";

    /// <summary>The 1-based lines that hold no leak but code that looks close to one.</summary>
    public IReadOnlyList<int> CleanLines { get; private set; } = Array.Empty<int>();

    /// <summary>Writes the consumer's source with values drawn from <paramref name="keys"/>.</summary>
    public static ConsumerSource Create(FakeKeys keys)
    {
        var source = new ConsumerSource();
        var clean = new List<int>();

        source.Add("// Fake keys from a fixed seed, planted by KeyLint's package tests.");
        source.Add("using System;");
        source.Add("using System.Collections.Generic;");
        source.Add("");
        source.Add("namespace Consumer;");
        source.Add("");
        source.AddLeak("KL0001", keys.AwsAccessKeyId(), fixable: false, "positional attribute argument",
            value => $"[ExchangeKey(\"{value}\")]");
        source.AddLeak("KL0002", keys.RandomSecret(34), fixable: false, "named attribute argument",
            value => $"[WebhookSigning(secret: \"{value}\")]");
        source.Add("public sealed class TradingClient");
        source.Add("{");
        source.AddLeak("KL0001", keys.StripeLiveSecretKey(), fixable: true, "const field",
            value => $"    private const string StripeKey = \"{value}\";");
        source.AddLeak("KL0001", keys.AwsAccessKeyId(), fixable: true, "static readonly field",
            value => $"    private static readonly string AwsAccessKey = \"{value}\";");
        source.AddLeak("KL0001", keys.GitHubClassicToken(), fixable: true, "property initializer",
            value => $"    public string GitHubToken {{ get; set; }} = \"{value}\";");
        source.AddLeak("KL0002", keys.RandomSecret(34), fixable: true, "instance field",
            value => $"    private readonly string webhookSecret = \"{value}\";");
        source.AddLeak("KL0001", keys.AwsAccessKeyId(), fixable: true, "key inside a URL",
            value => $"    public string BackupUrl => \"{BackupUrlStart}{value}{BackupUrlEnd}\";");
        source.Add("");
        clean.Add(source.Add("    public string ApiKey { get; } = Environment.GetEnvironmentVariable(\"EXCHANGE_API_KEY\") ?? \"\";"));
        clean.Add(source.Add("    public string ApiSecret { get; set; } = \"YOUR_API_SECRET\";"));
        clean.Add(source.Add($"    public string TokenizationId {{ get; }} = \"{keys.Guid()}\";"));
        clean.Add(source.Add($"    public string ApiKeyHash {{ get; }} = \"{keys.HexDigits(64)}\";"));
        source.Add("");
        source.Add("    // Uses of the constant must still compile once the fix turns it into a static readonly field.");
        source.Add("    public int StripeKeyLength => StripeKey.Length;");
        source.Add("");
        source.Add("    public Dictionary<string, int> Describe() => new()");
        source.Add("    {");
        source.Add("        [\"aws\"] = AwsAccessKey.Length,");
        source.Add("        [\"github\"] = GitHubToken.Length,");
        source.Add("        [\"webhook\"] = webhookSecret.Length,");
        source.Add("    };");
        source.Add("}");
        source.Add("");
        source.Add("[AttributeUsage(AttributeTargets.Class)]");
        source.Add("public sealed class ExchangeKeyAttribute(string apiKey) : Attribute");
        source.Add("{");
        source.Add("    public string ApiKey { get; } = apiKey;");
        source.Add("}");
        source.Add("");
        source.Add("[AttributeUsage(AttributeTargets.Class)]");
        source.Add("public sealed class WebhookSigningAttribute(string secret) : Attribute");
        source.Add("{");
        source.Add("    public string Secret { get; } = secret;");
        source.Add("}");

        source.CleanLines = clean;
        return source;
    }

    private int Add(string line)
    {
        _lines.Add(line);
        return _lines.Count;
    }

    private void AddLeak(string ruleId, string value, bool fixable, string position, Func<string, string> line)
    {
        var number = Add(line(value));
        _leaks.Add(new PlantedLeak(ruleId, value, number, fixable, position));
    }
}
