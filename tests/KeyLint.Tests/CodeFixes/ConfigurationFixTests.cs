using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;
using static KeyLint.Tests.CodeFixes.CodeFixVerifier;

namespace KeyLint.Tests.CodeFixes;

/// <summary>The configuration fix: which <c>IConfiguration</c> it reads through, and where it is not offered.</summary>
public class ConfigurationFixTests
{
    private static readonly string Secret = FakeKeys.ExchangeSecret;

    /// <summary>The exception message the fix writes for <paramref name="key"/>.</summary>
    internal static string Missing(string key) =>
        $"\"The configuration key {key} is not set. Set it to the secret before starting the application.\"";

    private static Test CreateConfigurationTest(string source, string fixedSource)
    {
        var test = Create(source, fixedSource, string.Empty, ConfigurationTypes);
        test.CodeActionEquivalenceKey = HardcodedSecretCodeFixProvider.ConfigurationKey;
        return test;
    }

    [Fact]
    public Task ConstructorParameter()
    {
        var source = $$"""
            using System;
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                private readonly string apiSecret;

                public BinanceClient(IConfiguration configuration)
                {
                    apiSecret = {|KL0001:"{{Secret}}"|};
                }

                public int Length => apiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            using System;
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                private readonly string apiSecret;

                public BinanceClient(IConfiguration configuration)
                {
                    apiSecret = configuration["Binance:ApiSecret"]
                        ?? throw new InvalidOperationException({{Missing("Binance:ApiSecret")}});
                }

                public int Length => apiSecret.Length;
            }
            """;
        var test = CreateConfigurationTest(source, fixedSource);
        test.CodeActionVerifier = (action, verifier) =>
            verifier.Equal("Read 'Binance:ApiSecret' from configuration (IConfiguration)", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task InstanceFieldInMethod()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                private readonly IConfigurationRoot _configuration;

                public BinanceClient(IConfigurationRoot configuration) => _configuration = configuration;

                public int Sign()
                {
                    var binanceApiSecret = {|KL0001:"{{Secret}}"|};
                    return binanceApiSecret.Length;
                }
            }
            """;
        var fixedSource = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                private readonly IConfigurationRoot _configuration;

                public BinanceClient(IConfigurationRoot configuration) => _configuration = configuration;

                public int Sign()
                {
                    var binanceApiSecret = _configuration["Binance:ApiSecret"]
                        ?? throw new System.InvalidOperationException({{Missing("Binance:ApiSecret")}});
                    return binanceApiSecret.Length;
                }
            }
            """;
        return CreateConfigurationTest(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task NullableTargetGetsNoThrow()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                public string? Sign(IConfiguration settings)
                {
                    string? binanceApiSecret = {|KL0001:"{{Secret}}"|};
                    return binanceApiSecret;
                }
            }
            """;
        var fixedSource = """
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                public string? Sign(IConfiguration settings)
                {
                    string? binanceApiSecret = settings["Binance:ApiSecret"];
                    return binanceApiSecret;
                }
            }
            """;
        return CreateConfigurationTest(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task PrimaryConstructorInFieldInitializer()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient(IConfiguration {|CS9113:configuration|})
            {
                private readonly string apiSecret = {|KL0001:"{{Secret}}"|};

                public int Length => apiSecret.Length;
            }
            """;
        var fixedSource = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient(IConfiguration configuration)
            {
                private readonly string apiSecret = configuration["Binance:ApiSecret"]
                    ?? throw new System.InvalidOperationException({{Missing("Binance:ApiSecret")}});

                public int Length => apiSecret.Length;
            }
            """;
        return CreateConfigurationTest(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task StaticPropertyInFieldInitializer()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            static class Settings
            {
                public static IConfiguration Configuration { get; set; } = null!;

                public static readonly string BinanceApiSecret = {|KL0001:"{{Secret}}"|};
            }
            """;
        var fixedSource = $$"""
            using Microsoft.Extensions.Configuration;

            static class Settings
            {
                public static IConfiguration Configuration { get; set; } = null!;

                public static readonly string BinanceApiSecret = Configuration["Binance:ApiSecret"]
                    ?? throw new System.InvalidOperationException({{Missing("Binance:ApiSecret")}});
            }
            """;
        return CreateConfigurationTest(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task LocalBeforeParameterThenByName()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class Startup
            {
                string? Run(IConfiguration appConfiguration, IConfiguration baseConfiguration)
                {
                    IConfiguration overrides = appConfiguration;
                    string? binanceApiSecret = {|KL0001:"{{Secret}}"|};
                    string? krakenApiSecret = {|KL0001:"{{Secret}}"|};
                    return binanceApiSecret + krakenApiSecret + baseConfiguration["x"] + overrides["y"];
                }

                string? Later(IConfiguration zConfiguration, IConfiguration aConfiguration)
                {
                    string? binanceApiSecret = {|KL0001:"{{Secret}}"|};
                    return binanceApiSecret + zConfiguration["x"] + aConfiguration["y"];
                }
            }
            """;
        var fixedSource = """
            using Microsoft.Extensions.Configuration;

            class Startup
            {
                string? Run(IConfiguration appConfiguration, IConfiguration baseConfiguration)
                {
                    IConfiguration overrides = appConfiguration;
                    string? binanceApiSecret = overrides["Binance:ApiSecret"];
                    string? krakenApiSecret = overrides["Kraken:ApiSecret"];
                    return binanceApiSecret + krakenApiSecret + baseConfiguration["x"] + overrides["y"];
                }

                string? Later(IConfiguration zConfiguration, IConfiguration aConfiguration)
                {
                    string? binanceApiSecret = aConfiguration["Binance:ApiSecret"];
                    return binanceApiSecret + zConfiguration["x"] + aConfiguration["y"];
                }
            }
            """;
        var test = CreateConfigurationTest(source, fixedSource);
        test.NumberOfIncrementalIterations = 3;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllSkipsKeysWithoutConfiguration()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                private readonly IConfiguration _configuration;

                private readonly string? apiSecret = {|KL0001:"{{Secret}}"|};

                public BinanceClient(IConfiguration configuration) => _configuration = configuration;

                public string? Sign()
                {
                    string? binanceApiSecret = {|KL0001:"{{Secret}}"|};
                    return binanceApiSecret + apiSecret;
                }
            }
            """;
        var fixedSource = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                private readonly IConfiguration _configuration;

                private readonly string? apiSecret = {|KL0001:"{{Secret}}"|};

                public BinanceClient(IConfiguration configuration) => _configuration = configuration;

                public string? Sign()
                {
                    string? binanceApiSecret = _configuration["Binance:ApiSecret"];
                    return binanceApiSecret + apiSecret;
                }
            }
            """;
        var test = CreateConfigurationTest(source, fixedSource);
        test.NumberOfIncrementalIterations = 1;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("Instance field in field initializer", "IConfiguration _configuration = null!;", "string? apiSecret = KEY;")]
    [InlineData("Instance field in static method", "IConfiguration _configuration = null!;", "static string? Read() { string? apiSecret = KEY; return apiSecret; }")]
    [InlineData("Section reads relative keys", "", "string? Read(IConfigurationSection binance) { string? apiSecret = KEY; return apiSecret; }")]
    [InlineData("Nullable configuration", "", "string? Read(IConfiguration? configuration) { string? apiSecret = KEY; return apiSecret; }")]
    [InlineData("Local declared after the key", "", "string? Read() { string? apiSecret = KEY; IConfiguration configuration = null!; return apiSecret + configuration[\"x\"]; }")]
    [InlineData("Static local function", "", "string? Read(IConfiguration configuration) { return Local(); static string? Local() { string? apiSecret = KEY; return apiSecret; } }")]
    public async Task NotOfferedWithoutUsableConfiguration(string reason, string field, string member)
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                {{field}}

                {{member.Replace("KEY", "\"" + Secret + "\"")}}
            }
            """;
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(workspace, null, source, ConfigurationTypes);
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);
        var diagnostic = Assert.Single(diagnostics.Values.Single());

        var actions = await FixWorkspace.GetActionsAsync(solution, diagnostic);

        var keys = actions.Select(a => a.EquivalenceKey).ToList();
        Assert.True(
            keys.SequenceEqual(new[] { HardcodedSecretCodeFixProvider.EnvironmentVariableKey }),
            $"{reason}: expected only the environment-variable fix, got {string.Join(", ", keys)}");
    }

    [Fact]
    public async Task ConfigurationIsSecondAction()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            class BinanceClient
            {
                string? Read(IConfiguration configuration)
                {
                    string? apiSecret = "{{Secret}}";
                    return apiSecret;
                }
            }
            """;
        using var workspace = new AdhocWorkspace();
        var solution = await FixWorkspace.CreateSolutionAsync(workspace, null, source, ConfigurationTypes);
        var diagnostics = await FixWorkspace.GetDiagnosticsAsync(solution, DiagnosticIds.KnownKeyFormat);

        var actions = await FixWorkspace.GetActionsAsync(solution, diagnostics.Values.Single().Single());

        Assert.Equal(2, actions.Count);
        Assert.Equal(HardcodedSecretCodeFixProvider.EnvironmentVariableKey, actions[0].EquivalenceKey);
        Assert.Equal(HardcodedSecretCodeFixProvider.ConfigurationKey, actions[1].EquivalenceKey);
    }
}
