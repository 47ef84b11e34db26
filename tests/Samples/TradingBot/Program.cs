// A small spot-trading bot: a moving-average strategy placing orders through an exchange client. It trades on a
// simulated order book and opens no network connection.
//
// Every key in this sample is a fake of the right shape, drawn from a fixed seed, and none was ever issued by an
// exchange. Some are planted where developers leave real ones, for KeyLint to report.
using TradingBot;
using TradingBot.Exchanges;

var settings = BotSettings.Load();

var options = new ExchangeClientOptions
{
    BaseAddress = new Uri("https://api.binance.com"),
    ApiSecret = "4nArJKpArpkZldAhGyvtsDZ89PWX88NeROgJAyUwBqACRVBU6w699eFNu0ANO1au",
    ReceiveWindow = TimeSpan.FromSeconds(5),
};

var exchange = new SimulatedExchange(settings.Symbol, startingPrice: 64_000m, seed: 7);
var client = new ExchangeClient(options, new SignedRequestFactory(options), exchange);
var loop = new OrderLoop(client, settings);

await loop.RunAsync(CancellationToken.None);
