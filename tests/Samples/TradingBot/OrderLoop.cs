using TradingBot.Exchanges;
using TradingBot.Notifications;
using TradingBot.Strategies;

namespace TradingBot;

/// <summary>Feeds each new price to the strategy and places a limit order on every signal.</summary>
public sealed class OrderLoop(ExchangeClient client, BotSettings settings)
{
    private readonly MovingAverageCrossover _strategy = new(shortWindow: 3, longWindow: 8);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var tick = 0; tick < settings.Ticks; tick++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            client.Tick();
            var signal = _strategy.Next(client.LastPrice);
            if (signal is not null)
            {
                var fill = client.PlaceLimitOrder(settings.Symbol, signal, settings.OrderQuantity, client.LastPrice);
                Console.WriteLine(TelegramNotifier.FormatFill(settings.Symbol, fill));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }
}
