using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Exchanges;

/// <summary>Creates REST requests signed the way Binance-style exchanges expect: HMAC-SHA256 of the query.</summary>
public sealed class SignedRequestFactory(ExchangeClientOptions options)
{
    public HttpRequestMessage CreateOrder(string symbol, string side, decimal quantity, decimal price, DateTimeOffset now)
    {
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"symbol={symbol}&side={side}&type=LIMIT&quantity={quantity}&price={price}" +
            $"&recvWindow={options.ReceiveWindow.TotalMilliseconds}&timestamp={now.ToUnixTimeMilliseconds()}");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseAddress, "/api/v3/order?" + query + "&signature=" + Sign(query)));
        request.Headers.Add("X-MBX-APIKEY", options.ApiKey);
        return request;
    }

    /// <summary>A request that checks the key against the testnet, used while setting up a new machine.</summary>
    public static HttpRequestMessage CreateTestnetKeyCheck()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://testnet.binance.vision/api/v3/account");
        request.Headers.Add("X-MBX-APIKEY", "ejPXt56YQ4oPOkCRbHWnFJwn14eA0v3WayDmN3kJhZcoBuUFL9bSHfHdShotXc5V");
        return request;
    }

    private string Sign(string query)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.ApiSecret), Encoding.UTF8.GetBytes(query));
        return Convert.ToHexStringLower(hash);
    }
}
