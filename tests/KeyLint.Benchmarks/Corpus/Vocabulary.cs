using System;
using System.Text;

namespace KeyLint.Benchmarks.Corpus;

/// <summary>
/// Draws the names and string values that the code of a trading back end contains: log templates, URLs, SQL, cache
/// keys, hashes, GUIDs, base64 blobs, header names and error messages. None of them is a secret. The generator
/// builds its code from these values, and the micro benchmarks scan the same values as typical literals.
/// </summary>
public sealed class Vocabulary
{
    public static readonly string[] Modules =
    {
        "Orders", "Market", "Accounts", "Wallets", "Risk", "Reporting", "Exchange", "Scheduling", "Storage", "Auth",
        "Notifications", "Pricing", "Ledger", "Compliance", "Strategies", "Backtesting", "Gateway", "Audit",
    };

    public static readonly string[] Entities =
    {
        "Order", "Fill", "Trade", "Position", "Balance", "Quote", "Candle", "Ticker", "Transfer", "Deposit", "Account",
        "Portfolio", "Signal", "Strategy", "Alert", "Invoice", "Instrument", "Venue", "Session", "Limit", "Report",
        "Snapshot", "Subscription", "Webhook", "Job", "Bucket", "Ledger", "Margin", "Funding", "Settlement",
    };

    public static readonly string[] Symbols =
    {
        "BTC-USD", "ETH-USD", "SOL-USDT", "BTCUSDT", "ETHBTC", "XRP-EUR", "ADA-USDC", "DOGE-USDT", "LTC-BTC", "DOT-USD",
    };

    private static readonly string[] Verbs = { "Get", "List", "Create", "Update", "Cancel", "Sync", "Refresh", "Load", "Save", "Validate" };

    private static readonly string[] Fields =
    {
        "Id", "AccountId", "Symbol", "Side", "Quantity", "Price", "Status", "CreatedAt", "UpdatedAt", "ClientOrderId",
        "Venue", "Fee", "FeeCurrency", "Notional", "Leverage", "ExpiresAt", "Tag", "Note", "Sequence", "Region",
    };

    private static readonly string[] Statuses = { "New", "PartiallyFilled", "Filled", "Cancelled", "Rejected", "Expired" };

    private static readonly string[] Regions = { "eu-west-1", "us-east-1", "ap-southeast-1", "eu-central-1", "us-west-2" };

    private static readonly string[] Headers =
    {
        "Accept", "Content-Type", "X-Request-Id", "X-Correlation-Id", "User-Agent", "If-None-Match", "Cache-Control",
        "X-RateLimit-Remaining", "Retry-After", "X-Client-Version",
    };

    private static readonly string[] Reasons =
    {
        "insufficient balance", "price out of band", "market closed", "duplicate client order id", "rate limited",
        "instrument suspended", "position limit exceeded", "stale quote", "margin call", "maintenance window",
    };

    private static readonly string[] Words =
    {
        "order", "fill", "quote", "book", "depth", "account", "balance", "transfer", "limit", "window", "retry", "cache",
        "snapshot", "stream", "socket", "venue", "signal", "report", "ledger", "audit", "risk", "margin", "candle",
    };

    private readonly Random _random;

    public Vocabulary(Random random)
    {
        _random = random;
    }

    public Random Random => _random;

    public T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    public string Module() => Pick(Modules);

    public string Entity() => Pick(Entities);

    public string Verb() => Pick(Verbs);

    public string Field() => Pick(Fields);

    public string Symbol() => Pick(Symbols);

    public string Status() => Pick(Statuses);

    public string Region() => Pick(Regions);

    public string Header() => Pick(Headers);

    public string Reason() => Pick(Reasons);

    public string Word() => Pick(Words);

    public string LogTemplate(string entity) => _random.Next(6) switch
    {
        0 => $"Loading {entity} {{{entity}Id}} for account {{AccountId}}",
        1 => $"Placed {entity.ToLowerInvariant()} {{Id}} on {{Venue}} at {{Price}}",
        2 => $"Rate limit reached while syncing {entity.ToLowerInvariant()}s; retrying in {{DelayMs}} ms",
        3 => $"The {entity.ToLowerInvariant()} {{Id}} was rejected: {{Reason}}",
        4 => $"Finished {Word()} refresh for {{Count}} {entity.ToLowerInvariant()}s in {{ElapsedMs}} ms",
        _ => $"Skipping {entity.ToLowerInvariant()} {{Id}} because its status is {{Status}}",
    };

    public string Url(string module, string entity) => _random.Next(4) switch
    {
        0 => $"https://api.{module.ToLowerInvariant()}.contoso-trading.com/v{_random.Next(1, 4)}/{entity.ToLowerInvariant()}s",
        1 => $"https://{Pick(new[] { "api", "stream", "fapi", "ws-feed" })}.example-exchange.com/api/v3/{Word()}",
        2 => $"/api/v2/{module.ToLowerInvariant()}/{entity.ToLowerInvariant()}s/{{id}}/{Word()}",
        _ => $"wss://stream.example-exchange.com:9443/ws/{Symbol().ToLowerInvariant().Replace("-", string.Empty)}@{Word()}",
    };

    public string Sql(string entity) => _random.Next(4) switch
    {
        0 => $"SELECT id, account_id, symbol, side, quantity, price, status FROM {entity.ToLowerInvariant()}s WHERE account_id = @accountId AND created_at >= @since ORDER BY created_at DESC",
        1 => $"UPDATE {entity.ToLowerInvariant()}s SET status = @status, updated_at = now() WHERE id = @id",
        2 => $"INSERT INTO {entity.ToLowerInvariant()}_history (id, payload, recorded_at) VALUES (@id, @payload, now())",
        _ => $"DELETE FROM {entity.ToLowerInvariant()}_cache WHERE expires_at < now() - interval '{_random.Next(1, 48)} hours'",
    };

    public string ErrorMessage(string entity) => _random.Next(4) switch
    {
        0 => $"The {entity.ToLowerInvariant()} was not found.",
        1 => $"The {Field().ToLowerInvariant()} of the {entity.ToLowerInvariant()} must not be empty.",
        2 => $"Could not reach the venue after {_random.Next(2, 6)} attempts; check the network and try again.",
        _ => $"The request for {entity.ToLowerInvariant()} {{0}} failed with status {{1}}.",
    };

    public string CacheKey(string module, string entity) => $"{module.ToLowerInvariant()}:{entity.ToLowerInvariant()}:{{0}}:{Word()}";

    public string MetricName(string module, string entity) =>
        $"contoso.{module.ToLowerInvariant()}.{entity.ToLowerInvariant()}.{Pick(new[] { "placed", "failed", "latency_ms", "count", "retries" })}";

    public string Guid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    public string Hex(int length)
    {
        const string Digits = "0123456789abcdef";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Digits[_random.Next(16)]);
        }

        return builder.ToString();
    }

    public string Base64(int byteCount)
    {
        var bytes = new byte[byteCount];
        _random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    public string Regex() => Pick(new[]
    {
        @"^[A-Z]{2,6}-[A-Z]{2,6}$", @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", @"(?<base>[A-Z]+)(?<quote>USDT|USD|BTC)$",
        @"^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$", @"\s+",
    });

    public string Sentence()
    {
        var count = _random.Next(4, 12);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? "The" : Word());
            builder.Append(' ');
        }

        builder.Append(Reason());
        builder.Append('.');
        return builder.ToString();
    }

    /// <summary>Draws one typical string value of any of the kinds above.</summary>
    public string TypicalLiteral()
    {
        var module = Module();
        var entity = Entity();
        return _random.Next(16) switch
        {
            0 => LogTemplate(entity),
            1 => Url(module, entity),
            2 => Sql(entity),
            3 => ErrorMessage(entity),
            4 => CacheKey(module, entity),
            5 => MetricName(module, entity),
            6 => Guid(),
            7 => Hex(_random.Next(2) == 0 ? 40 : 64),
            8 => Base64(_random.Next(12, 48)),
            9 => Regex(),
            10 => Sentence(),
            11 => Header(),
            12 => Symbol(),
            13 => Status(),
            14 => Region(),
            _ => $"{module}:{entity}:{Field()}",
        };
    }
}
