namespace TradingBot.Exchanges;

/// <summary>The key, secret and passphrase that KuCoin- and OKX-style exchanges require on every request.</summary>
public sealed class ExchangeCredentials
{
    public ExchangeCredentials(string key, string secret, string passphrase)
    {
        Key = key;
        Secret = secret;
        Passphrase = passphrase;
    }

    public string Key { get; }

    public string Secret { get; }

    public string Passphrase { get; }
}

/// <summary>The accounts the bot hedges on.</summary>
public static class HedgeAccounts
{
    private const string CoinbaseKeyName =
        "organizations/1d73b8df-19fe-494e-b5cc-8c227023fc42/apiKeys/1a10221f-475e-4a86-a989-19651e10a947";

    /// <summary>The id of the Coinbase API key in use, which is public, unlike the key.</summary>
    public static readonly string CoinbaseApiKeyId = "29f163cb-a9c3-4f14-ba6e-566bbfc9cc1a";

    public static string CoinbaseAccount() => $"{CoinbaseKeyName.Split('/')[1]} key {CoinbaseApiKeyId}";

    public static ExchangeCredentials KuCoin() => new(
        key: "6644ab24918b1ec33281b7e1",
        secret: "e74518ee-4969-4da8-8aa4-da0bbd604459",
        passphrase: "SW9FJhmcwIB30DCu");

    public static ExchangeCredentials Okx() => new ExchangeCredentials(
        "b5a0553b-4254-4ada-a7a6-d4a32bb32709",
        "EC9AB02196AB9125527CF48452602553",
        "qVq46Mj5lAEn5TCT");

    public static ExchangeCredentials FromEnvironment(string prefix) => new(
        Environment.GetEnvironmentVariable(prefix + "_API_KEY") ?? "",
        Environment.GetEnvironmentVariable(prefix + "_API_SECRET") ?? "",
        Environment.GetEnvironmentVariable(prefix + "_API_PASSPHRASE") ?? "");
}
