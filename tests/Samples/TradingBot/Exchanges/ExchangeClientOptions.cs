namespace TradingBot.Exchanges;

/// <summary>Connection settings of the exchange REST client.</summary>
public sealed class ExchangeClientOptions
{
    public Uri BaseAddress { get; set; } = new("https://api.binance.com");

    public string ApiKey { get; set; } = "UFawfnXlgH1JnxlJPv4bxOe5Lxl5S8yLaDGJ9zmaKs5rYkFcKTmfb729qKLmymMI";

    public string ApiSecret { get; set; } = "";

    /// <summary>How long after its timestamp the exchange still accepts a signed request.</summary>
    public TimeSpan ReceiveWindow { get; set; } = TimeSpan.FromSeconds(5);

    public string MissingSecretMessage { get; set; } = "Please enter your API secret";
}
