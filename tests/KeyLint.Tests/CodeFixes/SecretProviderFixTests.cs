using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;
using static KeyLint.Tests.CodeFixes.CodeFixVerifier;
using static KeyLint.Tests.CodeFixes.EnvironmentVariableFixTests;

namespace KeyLint.Tests.CodeFixes;

/// <summary>The secret-provider fix from <c>keylint.secret_lookup</c>, its using directive, and invalid templates.</summary>
public class SecretProviderFixTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;

    /// <summary>A team's secrets client in its own namespace.</summary>
    private const string SecretsClient = """
        namespace MyCompany.Secrets
        {
            public static class Secrets
            {
                public static string Get(string name) => name;

                public static bool IsLive => true;
            }
        }
        """;

    private const string Lookup = "keylint.secret_lookup = Secrets.Get({name})\nkeylint.secret_lookup_using = MyCompany.Secrets\n";

    [Fact]
    public Task AddsUsingToFileWithoutUsings()
    {
        var source = $$"""
            // Binance client.
            class BinanceClient
            {
                private readonly string apiSecret = {|KL0001:"{{Secret}}"|};

                public int Length => apiSecret.Length;
            }
            """;
        var fixedSource = """
            // Binance client.
            using MyCompany.Secrets;

            class BinanceClient
            {
                private readonly string apiSecret = Secrets.Get("BINANCE_API_SECRET");

                public int Length => apiSecret.Length;
            }
            """;
        var test = Create(source, fixedSource, Lookup, SecretsClient);
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.SecretProviderKey;
        test.CodeActionVerifier = (action, verifier) =>
            verifier.Equal("Read 'BINANCE_API_SECRET' with Secrets.Get(\"BINANCE_API_SECRET\")", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task SortsUsingAfterSystem()
    {
        var source = $$"""
            using System;
            using Zeta;

            class BinanceClient
            {
                private readonly string apiSecret = {|KL0001:"{{Secret}}"|};

                public int Length => apiSecret.Length + Environment.ProcessorCount;
            }
            """;
        var fixedSource = """
            using System;
            using MyCompany.Secrets;
            using Zeta;

            class BinanceClient
            {
                private readonly string apiSecret = Secrets.Get("BINANCE_API_SECRET");

                public int Length => apiSecret.Length + Environment.ProcessorCount;
            }
            """;
        var test = Create(source, fixedSource, Lookup, SecretsClient, "namespace Zeta { class Marker { } }");
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.SecretProviderKey;
        return test.RunAsync();
    }

    [Fact]
    public Task ExistingGlobalUsingIsKept()
    {
        var source = $$"""
            class BinanceClient
            {
                private readonly string apiSecret = {|KL0001:"{{Secret}}"|};

                private readonly string binanceApiKey = {|KL0001:"{{Secret}}"|};

                public int Length => apiSecret.Length + binanceApiKey.Length;
            }
            """;
        var fixedSource = """
            class BinanceClient
            {
                private readonly string apiSecret = Secrets.Get("BINANCE_API_SECRET");

                private readonly string binanceApiKey = Secrets.Get("BINANCE_API_KEY");

                public int Length => apiSecret.Length + binanceApiKey.Length;
            }
            """;
        var test = Create(source, fixedSource, Lookup, SecretsClient, "global using MyCompany.Secrets;");
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.SecretProviderKey;
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task QualifiedTemplateNeedsNoUsing()
    {
        var awsKey = FakeKeys.AwsAccessKeyId;
        var source = $$"""
            class BinanceClient
            {
                string Header(string nonce) => $"{|KL0001:key={{awsKey}};nonce=|}{nonce}";

                string? BinanceSecret(bool live) => live ? {|KL0001:"{{Secret}}"|} : null;
            }
            """;
        var fixedSource = """
            class BinanceClient
            {
                string Header(string nonce) => $"key={(MyCompany.Secrets.Secrets.IsLive ? MyCompany.Secrets.Secrets.Get("AWS_ACCESS_KEY_ID") : "")};nonce={nonce}";

                string? BinanceSecret(bool live) => live ? (MyCompany.Secrets.Secrets.IsLive ? MyCompany.Secrets.Secrets.Get("BINANCE_SECRET") : "") : null;
            }
            """;
        var test = Create(
            source,
            fixedSource,
            "keylint.secret_lookup = MyCompany.Secrets.Secrets.IsLive ? MyCompany.Secrets.Secrets.Get({name}) : \"\"\n",
            SecretsClient);
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task Utf8AndConcatenation()
    {
        var awsKey = FakeKeys.AwsAccessKeyId;
        var source = $$"""
            using System;

            class Signer
            {
                int Sign()
                {
                    ReadOnlySpan<byte> apiSecret = {|KL0001:"{{Secret}}"u8|};
                    return apiSecret.Length;
                }

                string Header(string suffix) => {|KL0001:"{{awsKey}}"|} + suffix;
            }
            """;
        var fixedSource = """
            using System;

            class Signer
            {
                int Sign()
                {
                    ReadOnlySpan<byte> apiSecret = System.Text.Encoding.UTF8.GetBytes(Vault.Ready ? Vault.Read("API_SECRET") : "");
                    return apiSecret.Length;
                }

                string Header(string suffix) => (Vault.Ready ? Vault.Read("AWS_ACCESS_KEY_ID") : "") + suffix;
            }
            """;
        var vault = "static class Vault { public static bool Ready => true; public static string Read(string name) => name; }";
        var test = Create(source, fixedSource, "keylint.secret_lookup = Vault.Ready ? Vault.Read({name}) : \"\"\n", vault);
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public async Task ProviderFirstThenConfigurationThenEnvironment()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                string Read(IConfiguration configuration)
                {
                    string apiSecret = "{{Secret}}";
                    return apiSecret;
                }
            }
            """;
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(workspace, "root = true\n\n[*.cs]\n" + Lookup, source, ConfigurationTypes, SecretsClient);
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);

        var actions = await FixWorkspace.GetActionsAsync(solution, diagnostics.Values.Single().Single());

        Assert.Equal(3, actions.Count);
        Assert.Equal(HardcodedSecretCodeFixProvider.SecretProviderKey, actions[0].EquivalenceKey);
        Assert.Equal(HardcodedSecretCodeFixProvider.ConfigurationKey, actions[1].EquivalenceKey);
        Assert.Equal(HardcodedSecretCodeFixProvider.EnvironmentVariableKey, actions[2].EquivalenceKey);
    }

    [Fact]
    public Task EnvironmentStillOfferedWithProvider()
    {
        var source = $$"""
            class BinanceClient
            {
                private readonly string apiSecret = {|KL0001:"{{Secret}}"|};

                public int Length => apiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            class BinanceClient
            {
                private readonly string apiSecret = System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET")
                    ?? throw new System.InvalidOperationException({{Missing("BINANCE_API_SECRET")}});

                public int Length => apiSecret.Length;
            }
            """;
        var test = Create(source, fixedSource, Lookup, SecretsClient);
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.EnvironmentVariableKey;
        return test.RunAsync();
    }

    [Fact]
    public Task EmptyTemplateMeansEnvironment()
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
        var test = Create(source, fixedSource, "keylint.secret_lookup =\n");
        test.CodeActionIndex = 0;
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.EnvironmentVariableKey;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("Secrets.Get(name)")]
    [InlineData("Secrets.Get({name}")]
    public Task InvalidTemplateOffersNoFix(string template)
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                string? Read(IConfiguration configuration)
                {
                    string? apiSecret = {|KL0001:"{{Secret}}"|};
                    return apiSecret;
                }
            }
            """;
        var test = Create(source, source, $"keylint.secret_lookup = {template}\n", ConfigurationTypes);
        return test.RunAsync();
    }
}
