using System.Threading.Tasks;
using KeyLint.CodeFixes;
using KeyLint.Tests.Support;
using Xunit;
using static KeyLint.Tests.CodeFixes.CodeFixVerifier;

namespace KeyLint.Tests.CodeFixes;

/// <summary>The environment-variable fix in each position a key can be bound to.</summary>
public class EnvironmentVariableFixTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;

    /// <summary>The exception message the fix writes for <paramref name="variable"/>.</summary>
    internal static string Missing(string variable) =>
        $"\"The environment variable {variable} is not set. Set it to the secret before starting the application.\"";

    [Fact]
    public Task FieldWithUsingSystem()
    {
        var source = $$"""
            using System;

            class BinanceClient
            {
                private readonly string apiSecret = {|KL0001:"{{Secret}}"|};

                public int SecretLength => apiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            using System;

            class BinanceClient
            {
                private readonly string apiSecret = Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new InvalidOperationException({{Missing("BINANCE_API_SECRET")}});

                public int SecretLength => apiSecret.Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task FieldWithoutUsingSystem()
    {
        var source = $$"""
            class BinanceClient
            {
                private readonly string apiSecret = {|KL0001:"{{Secret}}"|};

                public int SecretLength => apiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            class BinanceClient
            {
                private readonly string apiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new System.InvalidOperationException({{Missing("BINANCE_API_SECRET")}});

                public int SecretLength => apiSecret.Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task PropertyInitializer()
    {
        var source = $$"""
            using System;

            public class BinanceOptions
            {
                public string ApiSecret { get; set; } = {|KL0001:"{{Secret}}"|};
            }
            """;
        var fixedSource = $$"""
            using System;

            public class BinanceOptions
            {
                public string ApiSecret { get; set; } = Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new InvalidOperationException({{Missing("BINANCE_API_SECRET")}});
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task ObjectInitializer()
    {
        var source = $$"""
            using System;

            public class BinanceOptions
            {
                public string ApiSecret { get; set; } = "";
            }

            class Startup
            {
                BinanceOptions Create() => new BinanceOptions
                {
                    ApiSecret = {|KL0001:"{{Secret}}"|},
                };
            }
            """;
        var fixedSource = $$"""
            using System;

            public class BinanceOptions
            {
                public string ApiSecret { get; set; } = "";
            }

            class Startup
            {
                BinanceOptions Create() => new BinanceOptions
                {
                    ApiSecret = Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                        ?? throw new InvalidOperationException({{Missing("BINANCE_API_SECRET")}}),
                };
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task NamedAndPositionalArguments()
    {
        var source = $$"""
            using System;

            class BinanceCredentials
            {
                public BinanceCredentials(string apiKey, string apiSecret) => Signature = apiKey + apiSecret;

                public string Signature { get; }
            }

            class Startup
            {
                BinanceCredentials Named() => new(apiSecret: {|KL0001:"{{Secret}}"|}, apiKey: "public-key");

                BinanceCredentials Positional() => new BinanceCredentials("public-key", {|KL0001:"{{Secret}}"|});
            }
            """;
        var fixedSource = $$"""
            using System;

            class BinanceCredentials
            {
                public BinanceCredentials(string apiKey, string apiSecret) => Signature = apiKey + apiSecret;

                public string Signature { get; }
            }

            class Startup
            {
                BinanceCredentials Named() => new(apiSecret: Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? throw new InvalidOperationException({{Missing("BINANCE_API_SECRET")}}), apiKey: "public-key");

                BinanceCredentials Positional() => new BinanceCredentials("public-key", Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? throw new InvalidOperationException({{Missing("BINANCE_API_SECRET")}}));
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task NullableFieldGetsNoThrow()
    {
        var source = $$"""
            class BinanceClient
            {
                private string? apiSecret = {|KL0001:"{{Secret}}"|};

                public bool IsConfigured => apiSecret is not null;
            }
            """;
        var fixedSource = """
            class BinanceClient
            {
                private string? apiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET");

                public bool IsConfigured => apiSecret is not null;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task NullableParameterGetsNoThrow()
    {
        var source = $$"""
            class Startup
            {
                static void Connect(string? apiSecret) { }

                void Run() => Connect({|KL0001:"{{Secret}}"|});
            }
            """;
        var fixedSource = """
            class Startup
            {
                static void Connect(string? apiSecret) { }

                void Run() => Connect(System.Environment.GetEnvironmentVariable("API_SECRET"));
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task VarLocalGetsThrow()
    {
        var source = $$"""
            using System;

            class Signer
            {
                int Sign()
                {
                    var apiSecret = {|KL0001:"{{Secret}}"|};
                    return apiSecret.Length;
                }
            }
            """;
        var fixedSource = $$"""
            using System;

            class Signer
            {
                int Sign()
                {
                    var apiSecret = Environment.GetEnvironmentVariable("API_SECRET")
                        ?? throw new InvalidOperationException({{Missing("API_SECRET")}});
                    return apiSecret.Length;
                }
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task MemberNamedEnvironmentKeepsSystemPrefix()
    {
        var source = $$"""
            using System;

            class BotSettings
            {
                public string Environment { get; set; } = "testnet";

                public string ApiSecret { get; set; } = {|KL0001:"{{Secret}}"|};
            }
            """;
        var fixedSource = $$"""
            using System;

            class BotSettings
            {
                public string Environment { get; set; } = "testnet";

                public string ApiSecret { get; set; } = System.Environment.GetEnvironmentVariable("API_SECRET")
                    ?? throw new InvalidOperationException({{Missing("API_SECRET")}});
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task KeyInsideConcatenationIsParenthesized()
    {
        var key = FakeKeys.AwsAccessKeyId;
        var source = $$"""
            using System;

            class Client
            {
                string Header(string suffix) => {|KL0001:"{{key}}"|} + suffix;
            }
            """;
        var fixedSource = $$"""
            using System;

            class Client
            {
                string Header(string suffix) => (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? throw new InvalidOperationException({{Missing("AWS_ACCESS_KEY_ID")}})) + suffix;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task TitleNamesVariableAndKeyIsShared()
    {
        var source = $$"""
            class BinanceClient
            {
                private string? apiSecret = {|KL0001:"{{Secret}}"|};
            }
            """;
        var fixedSource = """
            class BinanceClient
            {
                private string? apiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET");
            }
            """;
        var test = Create(source, fixedSource);
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.EnvironmentVariableKey;
        test.CodeActionVerifier = (action, verifier) =>
            verifier.Equal("Read 'BINANCE_API_SECRET' from an environment variable", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task NullableDisabledFileStillThrows()
    {
        var source = $$"""
            #nullable disable
            class BinanceClient
            {
                private string apiSecret = {|KL0001:"{{Secret}}"|};

                public int Length => apiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            #nullable disable
            class BinanceClient
            {
                private string apiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new System.InvalidOperationException({{Missing("BINANCE_API_SECRET")}});

                public int Length => apiSecret.Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task ReturnAndConditionalBranches()
    {
        var source = $$"""
            using System;

            class Keys
            {
                string? ApiSecret(bool live) => live ? {|KL0001:"{{Secret}}"|} : null;

                string BinanceSecret()
                {
                    return {|KL0001:"{{Secret}}"|};
                }
            }
            """;
        var fixedSource = $$"""
            using System;

            class Keys
            {
                string? ApiSecret(bool live) => live ? Environment.GetEnvironmentVariable("API_SECRET") : null;

                string BinanceSecret()
                {
                    return Environment.GetEnvironmentVariable("BINANCE_SECRET") ?? throw new InvalidOperationException({{Missing("BINANCE_SECRET")}});
                }
            }
            """;
        var test = Create(source, fixedSource);
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task DictionaryEntriesAndAnonymousObject()
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;

            class Requests
            {
                Dictionary<string, string> Headers() => new()
                {
                    { "binanceApiSecret", {|KL0001:"{{Secret}}"|} },
                };

                Dictionary<string, string?> Settings() => new()
                {
                    ["binanceApiSecret"] = {|KL0001:"{{Secret}}"|},
                };

                object Body() => new { apiSecret = {|KL0001:"{{Secret}}"|} };
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Collections.Generic;

            class Requests
            {
                Dictionary<string, string> Headers() => new()
                {
                    { "binanceApiSecret", Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? throw new InvalidOperationException({{Missing("BINANCE_API_SECRET")}}) },
                };

                Dictionary<string, string?> Settings() => new()
                {
                    ["binanceApiSecret"] = Environment.GetEnvironmentVariable("BINANCE_API_SECRET"),
                };

                object Body() => new { apiSecret = Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException({{Missing("API_SECRET")}}) };
            }
            """;
        var test = Create(source, fixedSource);
        test.NumberOfIncrementalIterations = 3;
        return test.RunAsync();
    }

    [Fact]
    public Task NoFixInsideExpressionTree()
    {
        var source = $$"""
            using System;
            using System.Linq.Expressions;

            class Queries
            {
                Expression<Func<string, bool>> IsLeaked() => apiSecret => apiSecret == {|KL0001:"{{Secret}}"|};
            }
            """;
        return VerifyNoFixAsync(source);
    }
}
