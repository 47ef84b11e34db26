using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static KeyLint.Tests.CodeFixes.CodeFixVerifier;
using static KeyLint.Tests.CodeFixes.EnvironmentVariableFixTests;

namespace KeyLint.Tests.CodeFixes;

/// <summary>Fix All in document, project and solution, with unfixable leaks among the fixable ones.</summary>
public class FixAllTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;
    private static readonly string AwsKey = FakeKeys.AwsAccessKeyId;

    private static string Read(string variable) =>
        $"System.Environment.GetEnvironmentVariable(\"{variable}\")\n        ?? throw new System.InvalidOperationException({Missing(variable)})";

    [Fact]
    public Task FixAllInDocumentSkipsUnfixableFirst()
    {
        var source = $$"""
            class TradingBot
            {
                [System.Obsolete({|KL0001:"{{AwsKey}}"|})]
                void Legacy() { }

                string apiSecret = {|KL0001:"{{Secret}}"|};
                string awsKey = {|KL0001:"{{AwsKey}}"|};

                int Route(string s)
                {
                    switch (s)
                    {
                        case {|KL0001:"{{AwsKey}}"|}: return 1;
                        default: return 0;
                    }
                }

                void Connect(string secret = {|KL0001:"{{AwsKey}}"|}) { }
            }
            """;
        var fixedSource = $$"""
            class TradingBot
            {
                [System.Obsolete({|KL0001:"{{AwsKey}}"|})]
                void Legacy() { }

                string apiSecret = {{Read("API_SECRET")}};
                string awsKey = {{Read("AWS_KEY")}};

                int Route(string s)
                {
                    switch (s)
                    {
                        case {|KL0001:"{{AwsKey}}"|}: return 1;
                        default: return 0;
                    }
                }

                void Connect(string secret = {|KL0001:"{{AwsKey}}"|}) { }
            }
            """;
        var test = Create(source, fixedSource);
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllInProjectFixesEveryDocument()
    {
        var test = new Test();
        test.TestState.Sources.Add($$"""
            class BinanceClient
            {
                string apiSecret = {|KL0001:"{{Secret}}"|};
            }
            """);
        test.TestState.Sources.Add($$"""
            class AwsClient
            {
                [System.Obsolete({|KL0001:"{{AwsKey}}"|})]
                void Legacy() { }

                string accessKeyId = {|KL0001:"{{AwsKey}}"|};
            }
            """);
        test.FixedState.Sources.Add($$"""
            class BinanceClient
            {
                string apiSecret = {{Read("BINANCE_API_SECRET")}};
            }
            """);
        test.FixedState.Sources.Add($$"""
            class AwsClient
            {
                [System.Obsolete({|KL0001:"{{AwsKey}}"|})]
                void Legacy() { }

                string accessKeyId = {{Read("AWS_ACCESS_KEY_ID")}};
            }
            """);
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllInSolutionFixesEveryProject()
    {
        var test = new Test();
        test.TestState.Sources.Add($$"""
            class BinanceClient
            {
                string apiSecret = {|KL0001:"{{Secret}}"|};
            }
            """);
        test.TestState.AdditionalProjects["Aws"].Sources.Add($$"""
            class AwsClient
            {
                string accessKeyId = {|KL0001:"{{AwsKey}}"|};

                public int Length => accessKeyId.Length;
            }
            """);
        test.FixedState.Sources.Add($$"""
            class BinanceClient
            {
                string apiSecret = {{Read("BINANCE_API_SECRET")}};
            }
            """);
        test.FixedState.AdditionalProjects["Aws"].Sources.Add($$"""
            class AwsClient
            {
                string accessKeyId = {{Read("AWS_ACCESS_KEY_ID")}};

                public int Length => accessKeyId.Length;
            }
            """);
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task NoFixWhereConstantIsRequired()
    {
        var source = $$"""
            class BinanceClient
            {
                [System.Obsolete({|KL0001:"{{AwsKey}}"|})]
                void Legacy() { }

                int Route(string s) => s switch { {|KL0001:"{{AwsKey}}"|} => 1, _ => 0 };

                void Connect(string secret = {|KL0001:"{{AwsKey}}"|}) { }
            }
            """;
        return VerifyNoFixAsync(source);
    }
}
