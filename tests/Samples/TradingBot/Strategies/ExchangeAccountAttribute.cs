namespace TradingBot.Strategies;

/// <summary>Names the exchange account a strategy trades on.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExchangeAccountAttribute(string exchange) : Attribute
{
    public string Exchange { get; } = exchange;

    public string? ApiKey { get; set; }
}
