using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace KeyLint.PackageTests;

/// <summary>
/// Builds a consumer that plants fake keys of several kinds in C#, <c>appsettings.json</c>, <c>.env</c> and
/// <c>bot.yaml</c>, with a SARIF 2.1 error log and a binary log, and searches every output a CI job keeps for a whole
/// planted key: the console output, the SARIF file, and the text of the binary log replayed at diagnostic verbosity.
/// </summary>
/// <remarks>
/// A control key, printed on purpose by a <c>#warning</c> directive, must be found in each output. That proves the
/// output carries diagnostic text and that the search would find a key in it.
/// </remarks>
[Collection(PackageCollection.Name)]
public sealed class BuildLogTests(PackageFixture fixture)
{
    private static readonly object Gate = new();
    private static LoggedBuild? _loggedBuild;

    [Fact]
    public void Outputs_ContainTheControlKey()
    {
        var build = LoggedBuildOnce();

        Assert.True(build.Console.Contains(build.ControlKey, StringComparison.Ordinal), "The console output lacks the control key. " + build.Describe());
        Assert.True(build.Sarif.Contains(build.ControlKey, StringComparison.Ordinal), "The SARIF file lacks the control key. " + build.Describe());
        Assert.True(build.Replay.Contains(build.ControlKey, StringComparison.Ordinal), "The replayed binary log lacks the control key. " + build.Describe());
        Assert.True(build.BinaryLogStrings.Contains(build.ControlKey, StringComparison.Ordinal), "The decompressed binary log lacks the control key. " + build.Describe());
    }

    [Fact]
    public void ConsoleOutput_HasNoWholeSecret()
    {
        var build = LoggedBuildOnce();

        AssertNoPlantedKey(build, build.Console, "console output");
    }

    [Fact]
    public void Sarif_HasNoWholeSecret()
    {
        var build = LoggedBuildOnce();

        AssertNoPlantedKey(build, build.Sarif, "SARIF file");
    }

    [Fact]
    public void BinaryLog_HasNoWholeSecret()
    {
        var build = LoggedBuildOnce();

        AssertNoPlantedKey(build, build.Replay, "replayed binary log");
        AssertNoPlantedKey(build, build.BinaryLogStrings, "decompressed binary log");
    }

    [Fact]
    public void Sarif_HasKeyLintResultsForEveryFile()
    {
        var build = LoggedBuildOnce();
        var results = KeyLintResults(build.SarifDocument).ToList();

        foreach (var (ruleId, file) in new[]
        {
            ("KL0001", ConsumerSource.FileName),
            ("KL0002", ConsumerSource.FileName),
            ("KL0003", "appsettings.json"),
            ("KL0004", "appsettings.json"),
            ("KL0005", "appsettings.json"),
            ("KL0004", ".env"),
            ("KL0004", "bot.yaml"),
        })
        {
            Assert.True(
                results.Any(result => RuleId(result) == ruleId && ResultFiles(result).Any(uri => uri.EndsWith("/" + file, StringComparison.Ordinal))),
                $"The SARIF file has no {ruleId} result in {file}. " + build.Describe());
        }
    }

    [Fact]
    public void Sarif_RulesLinkToTheirPages()
    {
        var build = LoggedBuildOnce();
        var rules = build.SarifDocument.RootElement.GetProperty("runs")
            .EnumerateArray()
            .SelectMany(run => run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var list)
                ? list.EnumerateArray().ToList()
                : new List<JsonElement>())
            .Where(rule => rule.GetProperty("id").GetString()!.StartsWith("KL", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.True(rule.TryGetProperty("helpUri", out var helpUri), $"Rule {id} in the SARIF file has no helpUri.");
            Assert.EndsWith($"/rules/{id}.md", helpUri.GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sarif_CustomPropertiesHaveNoSecret()
    {
        var build = LoggedBuildOnce();
        var withProperties = 0;

        foreach (var result in KeyLintResults(build.SarifDocument))
        {
            if (!result.TryGetProperty("properties", out var properties) ||
                !properties.TryGetProperty("customProperties", out var custom))
            {
                continue;
            }

            withProperties++;
            foreach (var property in custom.EnumerateObject())
            {
                var value = property.Value.ToString();
                foreach (var key in build.PlantedKeys)
                {
                    Assert.False(
                        value.Contains(key.Value, StringComparison.Ordinal),
                        $"customProperties.{property.Name} of a {RuleId(result)} result holds the whole {key.Description}.");
                }
            }
        }

        // The code fixes read properties of KL0001 and KL0002, such as the variable name, so those results carry
        // some. Finding none would mean that this test looked in the wrong place.
        Assert.True(withProperties > 0, "No KeyLint result in the SARIF file has properties.customProperties. " + build.Describe());
    }

    private LoggedBuild LoggedBuildOnce()
    {
        lock (Gate)
        {
            return _loggedBuild ??= LoggedBuild.Run(fixture);
        }
    }

    private static void AssertNoPlantedKey(LoggedBuild build, string text, string outputName)
    {
        foreach (var key in build.PlantedKeys)
        {
            Assert.False(
                text.Contains(key.Value, StringComparison.Ordinal),
                $"The {outputName} contains the whole {key.Description}.");
        }
    }

    private static IEnumerable<JsonElement> KeyLintResults(JsonDocument sarif) =>
        sarif.RootElement.GetProperty("runs")
            .EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Where(result => RuleId(result).StartsWith("KL", StringComparison.Ordinal));

    private static string RuleId(JsonElement result) => result.GetProperty("ruleId").GetString() ?? string.Empty;

    private static IEnumerable<string> ResultFiles(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations))
        {
            yield break;
        }

        foreach (var location in locations.EnumerateArray())
        {
            if (location.TryGetProperty("physicalLocation", out var physical) &&
                physical.TryGetProperty("artifactLocation", out var artifact) &&
                artifact.TryGetProperty("uri", out var uri))
            {
                yield return uri.GetString() ?? string.Empty;
            }
        }
    }

    /// <summary>A fake key written into the consumer, with where it is, for assertion messages.</summary>
    private sealed record PlantedKey(string Value, string Description);

    /// <summary>The consumer built once with a SARIF log and a binary log, and the text of each output.</summary>
    private sealed class LoggedBuild
    {
        private LoggedBuild(
            string controlKey, IReadOnlyList<PlantedKey> plantedKeys, CommandResult build, CommandResult replayCommand,
            string sarif, string replay, string binaryLogStrings)
        {
            ControlKey = controlKey;
            PlantedKeys = plantedKeys;
            BuildCommand = build;
            ReplayCommand = replayCommand;
            Sarif = sarif;
            SarifDocument = JsonDocument.Parse(sarif);
            Replay = replay;
            BinaryLogStrings = binaryLogStrings;
        }

        public string ControlKey { get; }

        public IReadOnlyList<PlantedKey> PlantedKeys { get; }

        public CommandResult BuildCommand { get; }

        public CommandResult ReplayCommand { get; }

        public string Console => BuildCommand.Output;

        public string Sarif { get; }

        public JsonDocument SarifDocument { get; }

        /// <summary>The binary log replayed into a text log at diagnostic verbosity.</summary>
        public string Replay { get; }

        /// <summary>The binary log's decompressed bytes read as UTF-8, where MSBuild writes its strings.</summary>
        public string BinaryLogStrings { get; }

        public string Describe() => BuildCommand.Describe();

        public static LoggedBuild Run(PackageFixture fixture)
        {
            // A seed other than that of the C# leaks gives the config files keys of their own.
            var keys = new FakeKeys(PackageFixture.KeySeed + 1);
            var consumer = fixture.CreateConsumer("logs");
            var planted = consumer.Source.Leaks
                .Select(leak => new PlantedKey(leak.Value, $"{leak.RuleId} key planted as the {leak.Position} on line {leak.Line} of {ConsumerSource.FileName}"))
                .ToList();

            string Plant(string value, string description)
            {
                planted.Add(new PlantedKey(value, description));
                return value;
            }

            File.WriteAllText(Path.Combine(consumer.Directory, "appsettings.json"), $$"""
                {
                  "Binance": {
                    "ApiKey": "{{Plant(keys.RandomSecret(64), "Binance API key in appsettings.json")}}",
                    "ApiSecret": "{{Plant(keys.RandomSecret(64), "Binance API secret in appsettings.json")}}",
                    "EnableWithdrawals": true
                  },
                  "Stripe": { "SecretKey": "{{Plant(keys.StripeLiveSecretKey(), "Stripe key in appsettings.json")}}" },
                  "Accounts": {
                    "{{Plant(keys.AwsAccessKeyId(), "AWS key id used as a setting name in appsettings.json")}}": { "IpWhitelist": ["0.0.0.0/0"] }
                  }
                }
                """);
            File.WriteAllText(Path.Combine(consumer.Directory, ".env"),
                $"GITHUB_TOKEN={Plant(keys.GitHubClassicToken(), "GitHub token in .env")}\n" +
                $"WEBHOOK_SECRET={Plant(keys.RandomSecret(40), "webhook secret in .env")}\n");
            File.WriteAllText(Path.Combine(consumer.Directory, "bot.yaml"),
                "exchange:\n" +
                "  kraken:\n" +
                $"    api_secret: {Plant(keys.RandomSecret(88), "Kraken API secret in bot.yaml")}\n" +
                $"    stripe_key: \"{Plant(keys.StripeLiveSecretKey(), "Stripe key in bot.yaml")}\"\n");

            // CS1030 prints the directive's text in every output, as it would print a key that KeyLint let through.
            var controlKey = keys.GitHubClassicToken();
            File.WriteAllText(Path.Combine(consumer.Directory, "Control.cs"), $"#warning Control value {controlKey}\n");

            var restore = consumer.Restore();
            Assert.True(restore.ExitCode == 0, restore.Describe());

            var sarifPath = Path.Combine(consumer.Directory, "build.sarif");
            var binaryLogPath = Path.Combine(consumer.Directory, "build.binlog");
            var replayPath = Path.Combine(consumer.Directory, "replay.log");

            // %2C is MSBuild's escape for ',', which separates the file from the SARIF version in ErrorLog.
            var build = consumer.Build($"-p:ErrorLog={sarifPath}%2Cversion=2.1", $"-bl:{binaryLogPath}");
            Assert.True(build.ExitCode == 0, build.Describe());
            Assert.True(File.Exists(sarifPath), $"{sarifPath} was not written. " + build.Describe());
            Assert.True(File.Exists(binaryLogPath), $"{binaryLogPath} was not written. " + build.Describe());

            var replay = DotnetCommand.Run(consumer.Directory, "msbuild", binaryLogPath, "-noconlog", $"-flp:v=diag;logfile={replayPath}");
            Assert.True(replay.ExitCode == 0, replay.Describe());

            return new LoggedBuild(
                controlKey, planted, build, replay, File.ReadAllText(sarifPath), File.ReadAllText(replayPath),
                ReadDecompressed(binaryLogPath));
        }

        // A binary log is a gzip stream of records whose strings MSBuild writes in UTF-8.
        private static string ReadDecompressed(string path)
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            return Encoding.UTF8.GetString(bytes.ToArray());
        }
    }
}
