namespace TradingBot.Exchanges;

/// <summary>Places orders: builds the signed request a real exchange would get, then fills it on the simulation.</summary>
public sealed class ExchangeClient(ExchangeClientOptions options, SignedRequestFactory requests, SimulatedExchange exchange)
{
    public ExchangeClientOptions Options { get; } = options;

    public decimal LastPrice => exchange.LastPrice;

    public OrderFill PlaceLimitOrder(string symbol, string side, decimal quantity, decimal price)
    {
        using var request = requests.CreateOrder(symbol, side, quantity, price, DateTimeOffset.UtcNow);
        return exchange.Fill(side, quantity, price);
    }

    public void Tick() => exchange.Tick();
}

/// <summary>The outcome of one order: filled or not, and at which price.</summary>
public sealed record OrderFill(string Side, decimal Quantity, decimal Price, bool Filled);
