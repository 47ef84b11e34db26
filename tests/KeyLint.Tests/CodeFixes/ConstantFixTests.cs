using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Xunit;
using static KeyLint.Tests.CodeFixes.CodeFixVerifier;
using static KeyLint.Tests.CodeFixes.EnvironmentVariableFixTests;

namespace KeyLint.Tests.CodeFixes;

/// <summary>Keys that initialize a <c>const</c>, which must stop being one.</summary>
public class ConstantFixTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;

    [Fact]
    public Task ConstFieldBecomesStaticReadonly()
    {
        var source = $$"""
            using System;

            static class BinanceKeys
            {
                public const string ApiSecret = {|KL0001:"{{Secret}}"|};
            }

            class Signer
            {
                private readonly string _secret = BinanceKeys.ApiSecret;

                public int Sign(string payload) => payload.Length + BinanceKeys.ApiSecret.Length + _secret.Length;

                public string Describe() => "secret of " + BinanceKeys.ApiSecret.Length + " characters";
            }
            """;
        var fixedSource = $$"""
            using System;

            static class BinanceKeys
            {
                public static readonly string ApiSecret = Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new InvalidOperationException({{Missing("BINANCE_API_SECRET")}});
            }

            class Signer
            {
                private readonly string _secret = BinanceKeys.ApiSecret;

                public int Sign(string payload) => payload.Length + BinanceKeys.ApiSecret.Length + _secret.Length;

                public string Describe() => "secret of " + BinanceKeys.ApiSecret.Length + " characters";
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task PrivateConstFieldKeepsItsModifiers()
    {
        var source = $$"""
            class BinanceClient
            {
                // Signs every request.
                private const string apiSecret = {|KL0001:"{{Secret}}"|};

                public int Length => apiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            class BinanceClient
            {
                // Signs every request.
                private static readonly string apiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new System.InvalidOperationException({{Missing("BINANCE_API_SECRET")}});

                public int Length => apiSecret.Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task ConstLocalBecomesPlainLocal()
    {
        var source = $$"""
            using System;

            class Signer
            {
                int Sign(string payload)
                {
                    const string apiSecret = {|KL0001:"{{Secret}}"|};
                    return payload.Length + apiSecret.Length;
                }
            }
            """;
        var fixedSource = $$"""
            using System;

            class Signer
            {
                int Sign(string payload)
                {
                    string apiSecret = Environment.GetEnvironmentVariable("API_SECRET")
                        ?? throw new InvalidOperationException({{Missing("API_SECRET")}});
                    return payload.Length + apiSecret.Length;
                }
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task ConstConcatenationBecomesStaticReadonly()
    {
        var key = FakeKeys.AwsAccessKeyId;
        var source = $$"""
            using System;

            class AwsSettings
            {
                const string AccessKeyId = {|KL0001:"{{key.Substring(0, 4)}}" + "{{key.Substring(4)}}"|};

                public int Length => AccessKeyId.Length;
            }
            """;
        var fixedSource = $$"""
            using System;

            class AwsSettings
            {
                static readonly string AccessKeyId = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")
                    ?? throw new InvalidOperationException({{Missing("AWS_ACCESS_KEY_ID")}});

                public int Length => AccessKeyId.Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Theory]
    [InlineData("case label", "int Route(string s) { switch (s) { case ApiSecret: return 1; default: return 0; } }")]
    [InlineData("constant pattern", "bool IsSecret(string s) => s is ApiSecret;")]
    [InlineData("attribute argument", "[System.Obsolete(ApiSecret)] void Old() { }")]
    [InlineData("default parameter value", "void Connect(string secret = ApiSecret) { }")]
    [InlineData("another constant", "const string Header = \"secret=\" + ApiSecret;")]
    [InlineData("earlier static initializer", "static readonly int SecretLength = ApiSecret.Length;")]
    public Task NoFixWhenConstantValueIsNeeded(string use, string member)
    {
        Assert.NotEmpty(use);
        var source = $$"""
            class BinanceClient
            {
                {{member}}

                const string ApiSecret = {|KL0001:"{{Secret}}"|};
            }
            """;
        return VerifyNoFixAsync(source);
    }

    [Fact]
    public Task NoFixWhenAnotherFileNeedsConstantValue()
    {
        var keys = $$"""
            class BinanceKeys
            {
                public const string ApiSecret = {|KL0001:"{{Secret}}"|};
            }
            """;
        var router = """
            class Router
            {
                int Route(string s) => s switch { BinanceKeys.ApiSecret => 1, _ => 0 };
            }
            """;
        var test = new Test();
        test.TestState.Sources.Add(keys);
        test.TestState.Sources.Add(router);
        test.FixedState.Sources.Add(keys);
        test.FixedState.Sources.Add(router);
        return test.RunAsync();
    }

    [Fact]
    public Task LaterStaticInitializerStillFixed()
    {
        var source = $$"""
            class BinanceClient
            {
                const string ApiSecret = {|KL0001:"{{Secret}}"|};

                static readonly int SecretLength = ApiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            class BinanceClient
            {
                static readonly string ApiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new System.InvalidOperationException({{Missing("BINANCE_API_SECRET")}});

                static readonly int SecretLength = ApiSecret.Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task ConstWithSeveralDeclaratorsBecomesStaticReadonly()
    {
        var source = $$"""
            class BinanceClient
            {
                const string BaseUrl = "https://api.example.com", ApiSecret = {|KL0001:"{{Secret}}"|};

                public int Length => BaseUrl.Length + ApiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            class BinanceClient
            {
                static readonly string BaseUrl = "https://api.example.com", ApiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new System.InvalidOperationException({{Missing("BINANCE_API_SECRET")}});

                public int Length => BaseUrl.Length + ApiSecret.Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }
}
