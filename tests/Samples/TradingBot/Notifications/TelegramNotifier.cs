namespace TradingBot.Notifications;

/// <summary>Formats fill alerts for a Telegram chat. The sample prints them instead of sending them.</summary>
public static class TelegramNotifier
{
    private const string BotToken = "2455675953:AAXzw3994mbGsRfoJYKZUr-nooN736W8nPQ";

    public static string SendMessageUrl(long chatId) =>
        $"https://api.telegram.org/bot{BotToken}/sendMessage?chat_id={chatId}";

    public static string FormatFill(string symbol, Exchanges.OrderFill fill) =>
        $"{symbol}: {fill.Side} {fill.Quantity} at {fill.Price}";
}
