namespace TradingBot.Exchanges;

/// <summary>A random-walk price and an order book that fills a limit order when the price crosses it.</summary>
public sealed class SimulatedExchange(string symbol, decimal startingPrice, int seed)
{
    private readonly Random _random = new(seed);

    public string Symbol { get; } = symbol;

    public decimal LastPrice { get; private set; } = startingPrice;

    /// <summary>Moves the price by up to 0.5% in either direction.</summary>
    public void Tick()
    {
        var change = (decimal)(_random.NextDouble() - 0.5) * 0.01m;
        LastPrice = decimal.Round(LastPrice * (1 + change), 2);
    }

    public OrderFill Fill(string side, decimal quantity, decimal price)
    {
        var filled = side == "BUY" ? LastPrice <= price : LastPrice >= price;
        return new OrderFill(side, quantity, filled ? LastPrice : price, filled);
    }
}
