namespace TradingBot;

/// <summary>Settings of one bot run, read from environment variables with local development defaults.</summary>
public sealed class BotSettings
{
    // Local development defaults, used when a variable is not set.
    private static readonly Dictionary<string, string> DevelopmentDefaults = new()
    {
        ["BOT_SYMBOL"] = "BTCUSDT",
        ["BOT_TICKS"] = "20",
        ["BYBIT_API_SECRET"] = "NELMCzv9OJdsScBIXCRYISlAc0AjUQAbjiuz",
    };

    /// <summary>The SHA-256 of the API key this bot is allowed to run with, to catch a key from another account.</summary>
    public const string ApiKeySha256 = "9bfdc3c310135914c78ff2144965d2dbe70f80eb3431b0dca349d9520eb48071";

    public required string Symbol { get; init; }

    public required int Ticks { get; init; }

    public decimal OrderQuantity { get; init; } = 0.001m;

    public string? ApiKey { get; init; }

    public string? ApiSecret { get; init; }

    /// <summary>Reads the settings. The keys come only from environment variables.</summary>
    public static BotSettings Load()
    {
        return new BotSettings
        {
            Symbol = Read("BOT_SYMBOL"),
            Ticks = int.Parse(Read("BOT_TICKS")),
            ApiKey = Environment.GetEnvironmentVariable("BINANCE_API_KEY"),
            ApiSecret = Environment.GetEnvironmentVariable("BINANCE_API_SECRET"),
        };
    }

    /// <summary>Settings as the documentation shows them, with placeholders where the keys go.</summary>
    public static BotSettings Example() => new()
    {
        Symbol = "ETHUSDT",
        Ticks = 100,
        ApiKey = "YOUR_API_KEY",
        ApiSecret = "${BINANCE_API_SECRET}",
    };

    private static string Read(string name) =>
        Environment.GetEnvironmentVariable(name) ?? DevelopmentDefaults[name];
}
