using System.Threading.Tasks;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.BotSettingsAnalyzer>;

namespace KeyLint.Tests.Analyzers;

public class BotSettingsTests
{
    private const string Settings = """
        using System;
        using System.Collections.Generic;
        [Flags] enum ApiPermissions { None = 0, Read = 1, Trade = 2, Withdraw = 4 }
        class ExchangeOptions
        {
            public bool EnableWithdrawals { get; set; }
            public bool CanWithdraw;
            public decimal MaxWithdrawalAmount { get; set; }
            public ApiPermissions Permissions { get; set; }
            public string[] Scopes { get; set; } = Array.Empty<string>();
            public bool IpRestrict { get; set; } = true;
            public List<string> IpWhitelist { get; set; } = new() { "203.0.113.7" };
        }
        """;

    [Fact]
    public Task ReportsWithdrawalSettings()
    {
        var source = Settings + """
            class Bot
            {
                ExchangeOptions options = new()
                {
                    EnableWithdrawals = {|KL0003:true|},
                    Permissions = ApiPermissions.Trade | {|KL0003:ApiPermissions.Withdraw|},
                    Scopes = new[] { "wallet:accounts:read", {|KL0003:"wallet:withdrawals:create"|} },
                };
            }
            """;
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsOpenIpAllowlist()
    {
        var source = Settings + """
            class Bot
            {
                void Configure(ExchangeOptions options)
                {
                    options.IpRestrict = {|KL0005:false|};
                    options.IpWhitelist = new List<string> { {|KL0005:"0.0.0.0/0"|} };
                    options.IpWhitelist = {|KL0005:new()|};
                }
            }
            """;
        return Verify.VerifyAsync(source.Replace("{|KL0005:new()|}", "{|KL0005:new List<string>()|}"));
    }

    [Fact]
    public Task IgnoresSafeSettings()
    {
        var source = Settings + """
            class Bot
            {
                ExchangeOptions options = new()
                {
                    EnableWithdrawals = false,
                    CanWithdraw = false,
                    MaxWithdrawalAmount = 1,
                    Permissions = ApiPermissions.Read | ApiPermissions.Trade,
                    Scopes = new[] { "wallet:accounts:read" },
                    IpRestrict = true,
                };

                System.Threading.Tasks.Task WithdrawAsync(decimal amount) => System.Threading.Tasks.Task.CompletedTask;
                string kestrelUrl = "http://0.0.0.0:5000";
            }
            """;
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsAssignedEmptyListButNotDefault()
    {
        var source = Settings + """
            class Bot
            {
                string[] allowedIps = [];
                void Reset() => allowedIps = {|KL0005:[]|};
            }
            """;
        return Verify.VerifyAsync(source);
    }
}
