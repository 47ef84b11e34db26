using KeyLint.Tests.Support;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>A small bot program that uses every construct the analyzers look at, with fake keys.</summary>
internal static class SampleSources
{
    public static readonly string BotProgram = $$""""
        using System;
        using System.Collections.Generic;

        namespace Bot;

        [Flags]
        public enum ApiPermissions { Read = 1, Trade = 2, Withdraw = 4 }

        public class ExchangeOptions
        {
            public string ApiKey { get; set; } = "{{FakeKeys.ExchangeSecret}}";
            public string ApiSecret { get; set; } = "";
            public bool EnableWithdrawals { get; set; }
            public ApiPermissions Permissions { get; set; }
            public List<string> IpWhitelist { get; set; } = new();
        }

        public static class Keys
        {
            public const string Aws = "{{FakeKeys.AwsAccessKeyId}}";
            public const string Split = "sk_live_" + "{{FakeKeys.StripeLiveKey.Substring(8)}}";
            private static readonly byte[] Utf8 = "{{FakeKeys.StripeLiveKey}}"u8.ToArray();
            public static string Raw => """
                {{FakeKeys.AwsAccessKeyId}}
                """;

            public static ExchangeOptions Create(string name)
            {
                var headers = new Dictionary<string, string>();
                headers.Add("X-MBX-APIKEY", "{{FakeKeys.ExchangeSecret}}");
                var password = $"{{FakeKeys.RandomHex}}";
                var options = new ExchangeOptions
                {
                    ApiSecret = name == "test" ? "{{FakeKeys.RandomHex}}" : "{{FakeKeys.ExchangeSecret}}",
                    EnableWithdrawals = true,
                    Permissions = ApiPermissions.Trade | ApiPermissions.Withdraw,
                    IpWhitelist = new List<string> { "0.0.0.0/0" },
                };
                var anonymous = new { token = "{{FakeKeys.RandomHex}}", password };
                return options;
            }
        }
        """";

    /// <summary>Single statements and members worth splicing into random code.</summary>
    public static readonly string[] Snippets =
    {
        $"string apiKey = \"{FakeKeys.ExchangeSecret}\";",
        $"const string Secret = \"sk_live_\" + \"{FakeKeys.StripeLiveKey.Substring(8)}\";",
        $"var token = $\"Bearer {{x}}{FakeKeys.RandomHex}\";",
        $"M(apiSecret: \"{FakeKeys.RandomHex}\");",
        "options.EnableWithdrawals = true;",
        "IpWhitelist = [\"0.0.0.0/0\"]",
        "Permissions = ApiPermissions.Trade | ApiPermissions.Withdraw",
        $"var raw = \"\"\"\n{FakeKeys.AwsAccessKeyId}\n\"\"\";",
        $"dict[\"apiKey\"] = \"{FakeKeys.ExchangeSecret}\";",
        "(\"apiKey\", \"" + FakeKeys.RandomHex + "\")",
    };
}
