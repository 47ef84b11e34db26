using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using KeyLint.Core.Formats;

namespace KeyLint.Benchmarks.Corpus;

/// <summary>The files a generator run wrote and the leaks it planted among them.</summary>
public sealed record GeneratedCorpus(string Root, int SourceFiles, int SourceLines, int ConfigFiles, IReadOnlyList<PlantedLeak> Leaks);

/// <summary>One leak that the generator planted on purpose, and the file (relative to the root) that contains it.</summary>
public sealed record PlantedLeak(string File, string Description);

/// <summary>
/// Writes a C# code base of a crypto-trading back end from a fixed seed: services, controllers, DTOs, settings
/// classes, constants and sample data, plus the config files such a service ships (appsettings JSON, .env, bot YAML,
/// INI). Every string value comes from <see cref="Vocabulary"/> and is not a secret, except a few planted leaks
/// whose values are drawn from key-shaped templates, so the same seed always writes the same bytes.
/// </summary>
public sealed class CorpusGenerator
{
    private static readonly string[] Features = { "", "Sync", "Query", "Import", "Export", "Archive", "Cache", "Command", "Feed", "Audit" };

    private readonly Vocabulary _vocabulary;
    private readonly Random _random;
    private readonly List<PlantedLeak> _leaks = new();
    private readonly HashSet<int> _leakSlots = new();

    public CorpusGenerator(int seed)
    {
        _random = new Random(seed);
        _vocabulary = new Vocabulary(_random);
    }

    /// <summary>Writes <paramref name="fileCount"/> C# files and the config files into <paramref name="root"/>.</summary>
    public GeneratedCorpus Generate(string root, int fileCount)
    {
        if (fileCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fileCount), fileCount, "The corpus needs at least one C# file.");
        }

        Directory.CreateDirectory(root);
        var lines = WriteFile(root, "src/Common/Infrastructure.cs", CommonCode());

        // About one file in 300 contains a leak, spread over the code base, and at least one even in a tiny corpus.
        var leakCount = Math.Max(1, fileCount / 300);
        for (var k = 0; k < leakCount; k++)
        {
            _leakSlots.Add((int)((k + 0.5) * fileCount / leakCount));
        }

        for (var i = 0; i < fileCount - 1; i++)
        {
            var module = Vocabulary.Modules[i % Vocabulary.Modules.Length];
            var entity = Vocabulary.Entities[(i / Vocabulary.Modules.Length) % Vocabulary.Entities.Length];
            var feature = Features[(i / (Vocabulary.Modules.Length * Vocabulary.Entities.Length)) % Features.Length];
            var generation = i / (Vocabulary.Modules.Length * Vocabulary.Entities.Length * Features.Length);
            var name = entity + feature + (generation == 0 ? string.Empty : "V" + (generation + 1));
            var leak = _leakSlots.Contains(i) ? _leakSlots.Count - CountSlotsAbove(i) : 0;
            var (kind, code) = (i % 20) switch
            {
                < 8 => ("Services", ServiceCode(module, name, leak, isController: false)),
                < 11 => ("Controllers", ServiceCode(module, name, leak, isController: true)),
                < 15 => ("Models", DtoCode(module, name)),
                < 17 => ("Settings", SettingsCode(module, name, leak)),
                < 19 => ("Constants", ConstantsCode(module, name)),
                _ => ("Samples", SamplesCode(module, name)),
            };
            var suffix = kind switch
            {
                "Services" => "Service",
                "Controllers" => "Controller",
                "Models" => "Dto",
                "Settings" => "Settings",
                "Constants" => "Constants",
                _ => "Samples",
            };
            var path = $"src/{module}/{kind}/{name}{suffix}.cs";
            lines += WriteFile(root, path, code.Text);
            if (code.Leak is { } description)
            {
                _leaks.Add(new PlantedLeak(path, description));
            }
        }

        var configFiles = WriteConfigFiles(root);
        return new GeneratedCorpus(root, fileCount, lines, configFiles, _leaks);
    }

    private int CountSlotsAbove(int slot)
    {
        var count = 0;
        foreach (var other in _leakSlots)
        {
            if (other > slot)
            {
                count++;
            }
        }

        return count;
    }

    private static int WriteFile(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }

    private static string CommonCode() => """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Trading.Common;

        public interface ILog
        {
            void Info(string template, params object?[] arguments);

            void Warn(string template, params object?[] arguments);

            void Error(Exception? exception, string template, params object?[] arguments);
        }

        public interface IHttp
        {
            Task<string> GetAsync(string url, IDictionary<string, string> headers, CancellationToken cancellationToken);

            Task<string> PostAsync(string url, string body, IDictionary<string, string> headers, CancellationToken cancellationToken);
        }

        public interface IDb
        {
            Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken);

            Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken);
        }

        public interface ICache
        {
            string? Get(string key);

            void Set(string key, string value, TimeSpan timeToLive);
        }

        [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
        public sealed class JsonNameAttribute : Attribute
        {
            public JsonNameAttribute(string name) => Name = name;

            public string Name { get; }
        }

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
        public sealed class RouteAttribute : Attribute
        {
            public RouteAttribute(string template) => Template = template;

            public string Template { get; }
        }

        [Flags]
        public enum ApiPermissions
        {
            None = 0,
            Read = 1,
            Trade = 2,
            Withdraw = 4,
        }

        public static class Env
        {
            public static string Get(string name) =>
                Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Set the environment variable {name}.");
        }

        public sealed class ExchangeCredentials
        {
            public string ApiKey { get; set; } = string.Empty;

            public string ApiSecret { get; set; } = string.Empty;

            public string Passphrase { get; set; } = string.Empty;

            public bool EnableWithdrawals { get; set; }

            public ApiPermissions Permissions { get; set; } = ApiPermissions.Read;

            public List<string> IpWhitelist { get; set; } = new();
        }

        """;

    private sealed record Code(string Text, string? Leak);

    private Code ServiceCode(string module, string name, int leak, bool isController)
    {
        var w = new CodeWriter();
        var v = _vocabulary;
        var type = name + (isController ? "Controller" : "Service");
        WriteUsings(w);
        w.Line($"namespace Contoso.Trading.{module};");
        w.Line();
        w.Line($"/// <summary>Reads and writes {name.ToLowerInvariant()} records of the {module.ToLowerInvariant()} module.</summary>");
        if (isController)
        {
            w.Line($"[Route(\"api/{module.ToLowerInvariant()}/{name.ToLowerInvariant()}\")]");
        }

        w.Open($"public sealed class {type}");
        w.Line($"private const string BasePath = \"/api/v2/{module.ToLowerInvariant()}/{name.ToLowerInvariant()}\";");
        w.Line($"private const string CacheKeyFormat = {Quote(v.CacheKey(module, name))};");
        w.Line($"private const string MetricName = {Quote(v.MetricName(module, name))};");
        w.Line($"private static readonly string[] AllowedStatuses = {{ {Quote(v.Status())}, {Quote(v.Status())}, {Quote(v.Status())} }};");
        w.Line("private readonly ILog _log;");
        w.Line("private readonly IHttp _http;");
        w.Line("private readonly IDb _db;");
        w.Line("private readonly ICache _cache;");
        w.Line();
        w.Open($"public {type}(ILog log, IHttp http, IDb db, ICache cache)");
        w.Line("_log = log;");
        w.Line("_http = http;");
        w.Line("_db = db;");
        w.Line("_cache = cache;");
        w.Close();

        var methods = _random.Next(5, 11);
        var verbs = new HashSet<string>();
        string? leakDescription = null;
        for (var m = 0; m < methods; m++)
        {
            var verb = v.Verb();
            if (!verbs.Add(verb))
            {
                continue;
            }

            w.Line();
            if (isController)
            {
                w.Line($"[Route(\"{verb.ToLowerInvariant()}/{{id}}\")]");
            }

            w.Open($"public async Task<int> {verb}{name}Async(string id, string accountId, CancellationToken cancellationToken)");
            w.Line("var count = 0;");
            w.Line($"var symbol = {Quote(v.Symbol())};");
            w.Line("var since = DateTime.UtcNow.AddDays(-7);");
            w.Line("var requestId = Guid.NewGuid().ToString(\"N\");");
            var statements = _random.Next(5, 12);
            for (var s = 0; s < statements; s++)
            {
                WriteStatement(w, module, name, s);
            }

            w.Line("return count;");
            w.Close();
        }

        if (leak > 0)
        {
            leakDescription = WriteCodeLeak(w, name, leak);
        }

        w.Close();
        return new Code(w.ToString(), leakDescription);
    }

    private void WriteStatement(CodeWriter w, string module, string entity, int n)
    {
        var v = _vocabulary;
        switch (_random.Next(18))
        {
            case 0:
                w.Line($"_log.Info({Quote(v.LogTemplate(entity))}, id, accountId);");
                break;
            case 1:
                w.Line($"var url{n} = $\"{{BasePath}}/{{id}}/{v.Word()}?limit={_random.Next(10, 500)}&symbol={{Uri.EscapeDataString(symbol)}}\";");
                w.Line($"var body{n} = await _http.GetAsync(url{n}, new Dictionary<string, string> {{ [{Quote(v.Header())}] = requestId }}, cancellationToken);");
                w.Line($"count += body{n}.Length;");
                break;
            case 2:
                w.Line($"var sql{n} = {Quote(v.Sql(entity))};");
                w.Line($"count += await _db.ExecuteAsync(sql{n}, new {{ id, accountId, since, status = AllowedStatuses[0] }}, cancellationToken);");
                break;
            case 3:
                w.Open("if (string.IsNullOrEmpty(id))");
                w.Line($"throw new ArgumentException({Quote(v.ErrorMessage(entity))}, nameof(id));");
                w.Close();
                break;
            case 4:
                w.Line($"var headers{n} = new Dictionary<string, string>");
                w.Line("{");
                w.Line($"    [\"Accept\"] = \"application/json\",");
                w.Line($"    [{Quote(v.Header())}] = requestId,");
                w.Line($"    [\"User-Agent\"] = \"contoso-trading/{_random.Next(1, 4)}.{_random.Next(0, 20)}.{_random.Next(0, 9)}\",");
                w.Line("};");
                w.Line($"count += (await _http.PostAsync({Quote(v.Url(module, entity))}, {Quote("{\"symbol\":\"" + v.Symbol() + "\"}")}, headers{n}, cancellationToken)).Length;");
                break;
            case 5:
                w.Line($"var cached{n} = _cache.Get(string.Format(CacheKeyFormat, id));");
                w.Open($"if (cached{n} is null)");
                w.Line($"_cache.Set(string.Format(CacheKeyFormat, id), {Quote(v.Status())}, TimeSpan.FromMinutes({_random.Next(1, 60)}));");
                w.Close();
                break;
            case 6:
                w.Line($"var path{n} = BasePath + \"/\" + id + {Quote("/" + v.Word())};");
                w.Line($"_log.Info(\"Calling {{Path}} for {{Metric}}\", path{n}, MetricName);");
                break;
            case 7:
                w.Line($"const string route{n} = BasePath + {Quote("/" + v.Word() + "/" + v.Word())};");
                w.Line($"count += route{n}.Length;");
                break;
            case 8:
                w.Line($"var expectedSha256{n} = {Quote(v.Hex(64))};");
                w.Line($"count += string.Equals(expectedSha256{n}, id, StringComparison.OrdinalIgnoreCase) ? 1 : 0;");
                break;
            case 9:
                w.Line($"var correlationId{n} = {Quote(v.Guid())};");
                w.Line($"_log.Warn(\"Replaying {{CorrelationId}} for {{Symbol}}\", correlationId{n}, symbol);");
                break;
            case 10:
                w.Line($"var pattern{n} = @{Verbatim(v.Regex())};");
                w.Line($"count += System.Text.RegularExpressions.Regex.IsMatch(symbol, pattern{n}) ? 1 : 0;");
                break;
            case 11:
                w.Line($"var message{n} = $\"{v.Word()} {{id}} of {{accountId}} was rejected: {v.Reason()} at {{since:O}}\";");
                w.Line($"_log.Warn(message{n});");
                break;
            case 12:
                w.Line($"var payload{n} = \"\"\"");
                w.Line($"    {{ \"symbol\": \"{v.Symbol()}\", \"side\": \"{(_random.Next(2) == 0 ? "buy" : "sell")}\", \"type\": \"limit\", \"timeInForce\": \"GTC\" }}");
                w.Line("    \"\"\";");
                w.Line($"count += payload{n}.Length;");
                break;
            case 13:
                w.Line($"count += \"{v.Word()}:{v.Word()}:\"u8.Length;");
                break;
            case 14:
                w.Open("switch (symbol)");
                foreach (var status in new[] { v.Symbol(), v.Symbol() + "-PERP" })
                {
                    w.Line($"case {Quote(status)}:");
                    w.Line("    count++;");
                    w.Line("    break;");
                }

                w.Line("default:");
                w.Line($"    _log.Info({Quote("Unsupported symbol {Symbol} for " + entity.ToLowerInvariant())}, symbol);");
                w.Line("    break;");
                w.Close();
                break;
            case 15:
                w.Line($"var apiKey{n} = Env.Get({Quote("CONTOSO_" + module.ToUpperInvariant() + "_API_KEY")});");
                w.Line($"var connectionString{n} = $\"Host={{requestId}}.db.internal;Port=5432;Database={module.ToLowerInvariant()};Username=svc_{module.ToLowerInvariant()};Password={{apiKey{n}}}\";");
                w.Line($"count += connectionString{n}.Length;");
                break;
            case 16:
                w.Line($"var placeholderImage{n} = {Quote(v.Base64(_random.Next(24, 64)))};");
                w.Line($"count += placeholderImage{n}.Length;");
                break;
            default:
                w.Line($"var query{n} = \"?symbol=\" + Uri.EscapeDataString(symbol) + {Quote("&interval=" + _random.Next(1, 60) + "m&region=" + v.Region())};");
                w.Line($"count += query{n}.Length;");
                break;
        }
    }

    // Leak kinds rotate through the ways a key ends up in C# code.
    private string WriteCodeLeak(CodeWriter w, string name, int leak)
    {
        w.Line();
        w.Line("// Kept from the first prototype; the deployment reads the environment instead.");
        switch (leak % 6)
        {
            case 1:
                w.Line($"private const string LegacyAccessKeyId = {Quote(Key("AKIA{16:A-Z2-7}"))};");
                return "AWS access key ID in a const field";
            case 2:
                w.Open($"public static string Legacy{name}PaymentKey()");
                w.Line($"var stripeKey = {Quote(Key("sk_live_{32:0-9a-zA-Z}"))};");
                w.Line("return stripeKey;");
                w.Close();
                return "Stripe live secret key in a local";
            case 3:
                w.Line("public static ExchangeCredentials LegacyCredentials() => new()");
                w.Line("{");
                w.Line($"    ApiKey = {Quote(Key("{64:A-Za-z0-9}"))},");
                w.Line($"    ApiSecret = {Quote(Key("{64:A-Za-z0-9}"))},");
                w.Line("    EnableWithdrawals = true,");
                w.Line("    Permissions = ApiPermissions.Trade | ApiPermissions.Withdraw,");
                w.Line("    IpWhitelist = new List<string> { \"0.0.0.0/0\" },");
                w.Line("};");
                return "exchange key and secret in an initializer, with withdrawals and every IP allowed";
            case 4:
                w.Line($"private const string LegacyKeyHead = \"AKIA\";");
                w.Line($"private const string LegacyKey = LegacyKeyHead + {Quote(Key("{16:A-Z2-7}"))};");
                return "AWS access key ID split over a constant concatenation";
            case 5:
                w.Line($"public static string LegacyDatabasePassword {{ get; }} = {Quote(Key("{6:A-Z}{6:a-z}{4:0-9}!"))};");
                return "random password in a property initializer";
            default:
                w.Line($"public static string LegacyAuthHeader(string id) => $\"Bearer {Key("sk_live_{28:0-9a-zA-Z}")} for {{id}}\";");
                return "Stripe live secret key in interpolated text";
        }
    }

    private Code DtoCode(string module, string name)
    {
        var w = new CodeWriter();
        WriteUsings(w);
        w.Line($"namespace Contoso.Trading.{module};");
        w.Line();
        w.Line($"/// <summary>The {name.ToLowerInvariant()} record as the venue's API returns it.</summary>");
        w.Open($"public sealed class {name}Dto");
        var fields = new HashSet<string>();
        var count = _random.Next(10, 24);
        for (var i = 0; i < count; i++)
        {
            var field = _vocabulary.Field() + (i >= 12 ? _vocabulary.Pick(Vocabulary.Entities) : string.Empty);
            if (!fields.Add(field))
            {
                continue;
            }

            w.Line($"[JsonName({Quote(SnakeCase(field))})]");
            w.Line(_random.Next(3) switch
            {
                0 => $"public string {field} {{ get; set; }} = string.Empty;",
                1 => $"public decimal {field} {{ get; set; }}",
                _ => $"public string? {field} {{ get; set; }}",
            });
            w.Line();
        }

        w.Line($"public override string ToString() => $\"{name}Dto {{GetHashCode():x8}} with {fields.Count} fields\";");
        w.Close();
        return new Code(w.ToString(), null);
    }

    private Code SettingsCode(string module, string name, int leak)
    {
        var w = new CodeWriter();
        var v = _vocabulary;
        WriteUsings(w);
        w.Line($"namespace Contoso.Trading.{module};");
        w.Line();
        w.Line($"/// <summary>Options of the {name.ToLowerInvariant()} client, bound from the {module}:{name} section.</summary>");
        w.Open($"public sealed class {name}Settings");
        w.Line($"public const string SectionName = \"{module}:{name}\";");
        w.Line();
        w.Line($"public string BaseUrl {{ get; set; }} = {Quote(v.Url(module, name))};");
        w.Line();
        w.Line("public string ApiKey { get; set; } = string.Empty;");
        w.Line();
        w.Line($"public string ApiKeyVariable {{ get; set; }} = {Quote("CONTOSO_" + module.ToUpperInvariant() + "_API_KEY")};");
        w.Line();
        w.Line("public string ApiSecret { get; set; } = \"\";");
        w.Line();
        w.Line("public string Passphrase { get; set; } = \"YOUR_PASSPHRASE\";");
        w.Line();
        w.Line("public bool EnableWithdrawals { get; set; }");
        w.Line();
        w.Line("public List<string> IpWhitelist { get; set; } = new();");
        w.Line();
        w.Line("public string[] Permissions { get; set; } = { \"read\", \"trade\" };");
        w.Line();
        w.Line($"public int TimeoutSeconds {{ get; set; }} = {_random.Next(5, 120)};");
        w.Line();
        w.Line($"public string Region {{ get; set; }} = {Quote(v.Region())};");
        w.Line();
        w.Line($"public string UserAgent {{ get; set; }} = \"contoso-{module.ToLowerInvariant()}/{_random.Next(1, 9)}.{_random.Next(0, 30)}\";");
        w.Line();
        w.Line($"public string WebhookSecretVariable {{ get; set; }} = {Quote(module.ToUpperInvariant() + "_WEBHOOK_SECRET")};");
        w.Line();
        w.Open($"public static {name}Settings ForTests() => new()");
        w.Line("ApiKey = \"test-key\",");
        w.Line("ApiSecret = \"<secret>\",");
        w.Line("Passphrase = \"changeme\",");
        w.Line($"Permissions = new[] {{ \"read\" }},");
        w.Line($"IpWhitelist = new List<string> {{ \"10.0.0.0/8\", \"192.168.{_random.Next(0, 255)}.0/24\" }},");
        w.Close(";");
        string? leakDescription = null;
        if (leak > 0)
        {
            w.Line();
            w.Line($"public static {name}Settings Production() => new()");
            w.Line("{");
            w.Line($"    ApiKey = {Quote(Key("{64:A-Za-z0-9}"))},");
            w.Line($"    ApiSecret = {Quote(Key("{64:A-Za-z0-9}"))},");
            w.Line("    EnableWithdrawals = true,");
            w.Line("};");
            leakDescription = "exchange key and secret in a settings initializer, with withdrawals enabled";
        }

        w.Close();
        return new Code(w.ToString(), leakDescription);
    }

    private Code ConstantsCode(string module, string name)
    {
        var w = new CodeWriter();
        var v = _vocabulary;
        WriteUsings(w);
        w.Line($"namespace Contoso.Trading.{module};");
        w.Line();
        w.Line($"/// <summary>Routes, cache keys, metric names and messages of the {name.ToLowerInvariant()} feature.</summary>");
        w.Open($"public static class {name}Constants");
        var count = _random.Next(40, 120);
        for (var i = 0; i < count; i++)
        {
            var (constant, value) = _random.Next(7) switch
            {
                0 => ($"Route{i}", Quote(v.Url(module, name))),
                1 => ($"CacheKey{i}", Quote(v.CacheKey(module, name))),
                2 => ($"Metric{i}", Quote(v.MetricName(module, name))),
                3 => ($"Message{i}", Quote(v.ErrorMessage(name))),
                4 => ($"Header{i}", Quote(v.Header())),
                5 => ($"Template{i}", Quote(v.LogTemplate(name))),
                _ => ($"Path{i}", $"Path{i}Prefix + {Quote("/" + v.Word())}"),
            };
            if (constant.StartsWith("Path", StringComparison.Ordinal))
            {
                w.Line($"public const string Path{i}Prefix = \"/{module.ToLowerInvariant()}\";");
            }

            w.Line($"public const string {constant} = {value};");
        }

        w.Close();
        return new Code(w.ToString(), null);
    }

    private Code SamplesCode(string module, string name)
    {
        var w = new CodeWriter();
        var v = _vocabulary;
        WriteUsings(w);
        w.Line($"namespace Contoso.Trading.{module};");
        w.Line();
        w.Line($"/// <summary>Recorded {name.ToLowerInvariant()} values used by the replay tool.</summary>");
        w.Open($"public static class {name}Samples");
        w.Open("public static readonly IReadOnlyList<string> Values = new[]");
        var count = _random.Next(60, 160);
        for (var i = 0; i < count; i++)
        {
            var literal = v.TypicalLiteral();
            w.Line(_random.Next(2) == 0 ? Quote(literal) + "," : "@" + Verbatim(literal) + ",");
        }

        w.Close(";");
        w.Close();
        return new Code(w.ToString(), null);
    }

    private int WriteConfigFiles(string root)
    {
        var count = 0;
        var leak = 0;
        foreach (var module in Vocabulary.Modules)
        {
            var lower = module.ToLowerInvariant();
            var folder = $"src/{module}";
            var plant = leak++ % 6 == 5;
            var json = new StringBuilder();
            json.Append("{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft\": \"Warning\" } },\n");
            json.Append($"  \"ConnectionStrings\": {{ \"Main\": \"Host=db.internal;Database={lower};Username=svc_{lower};Password=${{DB_PASSWORD}}\" }},\n");
            json.Append($"  \"{module}\": {{\n");
            json.Append($"    \"BaseUrl\": \"{_vocabulary.Url(module, _vocabulary.Entity())}\",\n");
            json.Append("    \"ApiKey\": \"YOUR_API_KEY\",\n");
            json.Append("    \"ApiSecret\": \"\",\n");
            json.Append($"    \"Region\": \"{_vocabulary.Region()}\",\n");
            json.Append($"    \"CacheKey\": \"{_vocabulary.CacheKey(module, _vocabulary.Entity())}\",\n");
            json.Append($"    \"InstanceId\": \"{_vocabulary.Guid()}\",\n");
            json.Append($"    \"ArtifactSha256\": \"{_vocabulary.Hex(64)}\",\n");
            json.Append("    \"Permissions\": [\"read\", \"trade\"],\n");
            json.Append("    \"IpWhitelist\": [\"10.0.0.0/8\"],\n");
            json.Append($"    \"TimeoutSeconds\": {_random.Next(5, 120)}\n");
            json.Append("  },\n");
            json.Append("  \"AllowedHosts\": \"*\"\n}\n");
            count += WriteConfig(root, $"{folder}/appsettings.json", json.ToString());
            count += WriteConfig(root, $"{folder}/appsettings.Development.json",
                $"{{\n  \"{module}\": {{ \"BaseUrl\": \"http://localhost:{_random.Next(5000, 9000)}\", \"ApiKey\": \"dev-key\" }}\n}}\n");

            var env = new StringBuilder();
            env.Append($"# Copy to .env and fill in; never commit the real values.\nCONTOSO_{module.ToUpperInvariant()}_API_KEY=\n");
            env.Append($"CONTOSO_{module.ToUpperInvariant()}_API_SECRET=${{VAULT_SECRET}}\nREGION={_vocabulary.Region()}\nLOG_LEVEL=info\n");
            count += WriteConfig(root, $"{folder}/.env.example", env.ToString());

            var yaml = new StringBuilder();
            yaml.Append($"bot:\n  name: {lower}-bot\n  exchange: example\n  symbols:\n");
            for (var i = 0; i < 5; i++)
            {
                yaml.Append($"    - {_vocabulary.Symbol()}\n");
            }

            yaml.Append("  api:\n    key: ${EXCHANGE_API_KEY}\n    secret: ${EXCHANGE_API_SECRET}\n");
            yaml.Append(plant ? "    permissions: [read, trade, withdraw]\n" : "    permissions: [read, trade]\n");
            yaml.Append(plant ? "    ip_whitelist: [\"0.0.0.0/0\"]\n" : "    ip_whitelist: [\"10.0.0.0/8\"]\n");
            yaml.Append($"  risk:\n    max_position: {_random.Next(1, 100)}\n    stop_loss_pct: {_random.Next(1, 10)}.5\n");
            count += WriteConfig(root, $"{folder}/bot.yaml", yaml.ToString());
            count += WriteConfig(root, $"{folder}/exchange.ini",
                $"[exchange]\nname = example\nregion = {_vocabulary.Region()}\napi_key = %EXCHANGE_API_KEY%\n\n[limits]\norders_per_second = {_random.Next(1, 20)}\n");
            if (plant)
            {
                _leaks.Add(new PlantedLeak($"{folder}/bot.yaml", "withdraw permission and an IP allowlist open to every address"));
                count += WriteConfig(root, $"{folder}/.env",
                    $"EXCHANGE_API_KEY={Key("{64:A-Za-z0-9}")}\nEXCHANGE_API_SECRET={Key("{64:A-Za-z0-9}")}\nAWS_ACCESS_KEY_ID={Key("AKIA{16:A-Z2-7}")}\n");
                _leaks.Add(new PlantedLeak($"{folder}/.env", "exchange key, exchange secret and AWS access key ID in a .env file"));
            }
        }

        return count;
    }

    private static int WriteConfig(string root, string relativePath, string text)
    {
        WriteFile(root, relativePath, text);
        return 1;
    }

    private string Key(string template) => ExampleTemplate.Expand(template, _random);

    private static void WriteUsings(CodeWriter w)
    {
        w.Line("using System;");
        w.Line("using System.Collections.Generic;");
        w.Line("using System.Threading;");
        w.Line("using System.Threading.Tasks;");
        w.Line("using Contoso.Trading.Common;");
        w.Line();
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Verbatim(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
