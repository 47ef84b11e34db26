using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static KeyLint.Tests.CodeFixes.CodeFixVerifier;
using static KeyLint.Tests.CodeFixes.EnvironmentVariableFixTests;

namespace KeyLint.Tests.CodeFixes;

/// <summary>The fix for each kind of C# string that can hold a key.</summary>
public class StringKindFixTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;
    private static readonly string AwsKey = FakeKeys.AwsAccessKeyId;

    private static string ReadAws(string variable) =>
        $"Environment.GetEnvironmentVariable(\"{variable}\") ?? throw new InvalidOperationException({Missing(variable)})";

    [Fact]
    public Task VerbatimAndRawLiterals()
    {
        var source = $$""""
            using System;

            class Keys
            {
                string apiSecret = {|KL0001:@"{{Secret}}"|};
                string binanceSecret = {|KL0001:"""{{Secret}}"""|};
            }
            """";
        var fixedSource = $$"""
            using System;

            class Keys
            {
                string apiSecret = Environment.GetEnvironmentVariable("API_SECRET")
                    ?? throw new InvalidOperationException({{Missing("API_SECRET")}});
                string binanceSecret = Environment.GetEnvironmentVariable("BINANCE_SECRET")
                    ?? throw new InvalidOperationException({{Missing("BINANCE_SECRET")}});
            }
            """;
        var test = Create(source, fixedSource);
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task Utf8LiteralTypedLocal()
    {
        var source = $$"""
            using System;

            class Signer
            {
                int Sign()
                {
                    ReadOnlySpan<byte> apiSecret = {|KL0001:"{{Secret}}"u8|};
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
                    ReadOnlySpan<byte> apiSecret = System.Text.Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException({{Missing("API_SECRET")}}));
                    return apiSecret.Length;
                }
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task Utf8LiteralVarLocalKeepsSpanType()
    {
        var source = $$"""
            using System;
            using System.Text;

            class Signer
            {
                int Sign()
                {
                    var apiSecret = {|KL0001:"{{Secret}}"u8|};
                    return apiSecret.Slice(1).Length;
                }
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Text;

            class Signer
            {
                int Sign()
                {
                    ReadOnlySpan<byte> apiSecret = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException({{Missing("API_SECRET")}}));
                    return apiSecret.Slice(1).Length;
                }
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task Utf8LiteralToArrayAndMemberAccess()
    {
        var source = $$"""
            using System;
            using System.Text;

            class Signer
            {
                byte[] apiSecret = {|KL0001:"{{AwsKey}}"u8|}.ToArray();

                int SecretLength(ReadOnlySpan<byte> unused) => {|KL0001:"{{AwsKey}}"u8|}.Slice(2).Length;
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Text;

            class Signer
            {
                byte[] apiSecret = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? throw new InvalidOperationException({{Missing("AWS_ACCESS_KEY_ID")}}));

                int SecretLength(ReadOnlySpan<byte> unused) => new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? throw new InvalidOperationException({{Missing("AWS_ACCESS_KEY_ID")}}))).Slice(2).Length;
            }
            """;
        var test = Create(source, fixedSource);
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task InterpolatedTextKeepsRestOfText()
    {
        var source = $$"""
            using System;

            class Client
            {
                string Url(string symbol) => $"{|KL0001:https://api.example.com/v1/ticker?symbol=x&key={{AwsKey}}&limit=5|}{symbol}\n";
            }
            """;
        var fixedSource = $$"""
            using System;

            class Client
            {
                string Url(string symbol) => $"https://api.example.com/v1/ticker?symbol=x&key={{{ReadAws("AWS_ACCESS_KEY_ID")}}}&limit=5{symbol}\n";
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task InterpolatedTextWithMoreSecretBecomesOneHole()
    {
        var secret = FakeKeys.Make("{40:A-Za-z0-9}");
        var source = $$"""
            using System;

            class Client
            {
                string Credentials(int n) => $"{|KL0001:id={{AwsKey}}:{{secret}}|}{n}";
            }
            """;
        var fixedSource = $$"""
            using System;

            class Client
            {
                string Credentials(int n) => $"{{{ReadAws("AWS_CREDENTIALS")}}}{n}";
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task LiteralKeepsTextAroundKey()
    {
        var source = $$"""
            using System;

            class Backup
            {
                string Url() => {|KL0001:"https://s3.example.com/b?AWSAccessKeyId={{AwsKey}}&Expires=1700000000"|};
                string Header() => {|KL0001:"Key {{AwsKey}}"|};
                string Tail() => {|KL0001:"{{AwsKey}} \"quoted\"\n"|};
                int Length() => {|KL0001:"id={{AwsKey}};"|}.Length;
            }
            """;
        var fixedSource = $$"""
            using System;

            class Backup
            {
                string Url() => "https://s3.example.com/b?AWSAccessKeyId=" + ({{ReadAws("AWS_ACCESS_KEY_ID")}}) + "&Expires=1700000000";
                string Header() => "Key " + ({{ReadAws("AWS_ACCESS_KEY_ID")}});
                string Tail() => ({{ReadAws("AWS_ACCESS_KEY_ID")}}) + " \"quoted\"\n";
                int Length() => ("id=" + ({{ReadAws("AWS_ACCESS_KEY_ID")}}) + ";").Length;
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task VerbatimLiteralKeepsTextAroundKey()
    {
        var source = $$"""
            using System;

            class Backup
            {
                string Path() => {|KL0001:@"aws ""{{AwsKey}}"" C:\data"|};
            }
            """;
        var fixedSource = $$"""
            using System;

            class Backup
            {
                string Path() => "aws \"" + ({{ReadAws("AWS_ACCESS_KEY_ID")}}) + "\" C:\\data";
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task ConnectionStringIsReplacedWhole()
    {
        var password = FakeKeys.Make("{14:A-Za-z0-9}");
        var source = $$"""
            using System;

            class Db
            {
                string Connection() => {|KL0001:"Host=localhost;Database=trades;Username=bot;Password={{password}}"|};
            }
            """;
        var fixedSource = $$"""
            using System;

            class Db
            {
                string Connection() => Environment.GetEnvironmentVariable("DATABASE_CONNECTION_STRING") ?? throw new InvalidOperationException({{Missing("DATABASE_CONNECTION_STRING")}});
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task VerbatimInterpolatedText()
    {
        var source = $$$"""
            using System;

            class Client
            {
                string Header(int n) => $@"{n}{|KL0001: ""aws"" {{{AwsKey}}} {{|}";
            }
            """;
        var fixedSource = $$$"""
            using System;

            class Client
            {
                string Header(int n) => $@"{n} ""aws"" {{{{ReadAws("AWS_ACCESS_KEY_ID")}}}} {{";
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task RawInterpolatedTextWithTwoDollars()
    {
        // "$$" is a position marker in test markup, so this test gives the diagnostic span by hand.
        var source = $$$$""""
            using System;

            class Client
            {
                string Body(int n) => $$"""
                    {"n": {{n}}, "key": "{{{{AwsKey}}}}"}
                    """;
            }
            """";
        var fixedSource = $$$$""""
            using System;

            class Client
            {
                string Body(int n) => $$"""
                    {"n": {{n}}, "key": "{{{{{{ReadAws("AWS_ACCESS_KEY_ID")}}}}}}"}
                    """;
            }
            """";
        var test = Create(source, fixedSource);
        test.TestState.MarkupHandling = MarkupMode.None;
        test.FixedState.MarkupHandling = MarkupMode.None;
        var textStart = source.IndexOf(", \"key\"", System.StringComparison.Ordinal);
        var textEnd = source.IndexOf("\n", source.IndexOf(AwsKey, System.StringComparison.Ordinal), System.StringComparison.Ordinal);
        var lines = SourceText.From(source).Lines;
        var span = new FileLinePositionSpan(
            "/0/Test0.cs", lines.GetLinePosition(textStart), lines.GetLinePosition(textEnd));
        test.TestState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("KL0001").WithSpan(span));
        return test.RunAsync();
    }

    [Fact]
    public Task InterpolatedStringWithoutHolesIsReplacedWhole()
    {
        var source = $$"""
            using System;

            class Keys
            {
                string apiSecret = $"{|KL0001:{{Secret}}|}";
            }
            """;
        var fixedSource = $$"""
            using System;

            class Keys
            {
                string apiSecret = Environment.GetEnvironmentVariable("API_SECRET")
                    ?? throw new InvalidOperationException({{Missing("API_SECRET")}});
            }
            """;
        return VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task ConcatenationIsReplacedWhole()
    {
        var source = $$"""
            using System;

            class AwsClient
            {
                string accessKeyId = {|KL0001:"{{AwsKey.Substring(0, 4)}}" + "{{AwsKey.Substring(4)}}"|};
            }
            """;
        var fixedSource = $$"""
            using System;

            class AwsClient
            {
                string accessKeyId = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")
                    ?? throw new InvalidOperationException({{Missing("AWS_ACCESS_KEY_ID")}});
            }
            """;
        return VerifyAsync(source, fixedSource);
    }
}
