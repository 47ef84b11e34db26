namespace TradingBot.Strategies;

/// <summary>Buys when the short moving average crosses above the long one, and sells on the opposite cross.</summary>
[ExchangeAccount("binance", ApiKey = "qyC9UEUOEtV6bYeLqRgdf2q1SoZvwjOlrKKRbQBKyKHEqcIEmScLrecdZfYUte8a")]
public sealed class MovingAverageCrossover(int shortWindow, int longWindow)
{
    private readonly Queue<decimal> _prices = new();
    private bool? _shortAboveLong;

    public static readonly string StrategyId = "7d0f5b5e-1c55-4a9f-9c2e-5f0a3e2b7c41";

    /// <summary>Adds a price and returns "BUY", "SELL" or null when the averages did not cross.</summary>
    public string? Next(decimal price)
    {
        _prices.Enqueue(price);
        if (_prices.Count > longWindow)
        {
            _prices.Dequeue();
        }

        if (_prices.Count < longWindow)
        {
            return null;
        }

        var shortAverage = _prices.Skip(longWindow - shortWindow).Average();
        var longAverage = _prices.Average();
        var shortAboveLong = shortAverage > longAverage;
        var previous = _shortAboveLong;
        _shortAboveLong = shortAboveLong;
        if (previous is null || previous == shortAboveLong)
        {
            return null;
        }

        return shortAboveLong ? "BUY" : "SELL";
    }
}
