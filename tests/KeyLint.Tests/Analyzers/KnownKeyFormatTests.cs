using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Tests.Support;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.HardcodedSecretAnalyzer>;

namespace KeyLint.Tests.Analyzers;

public class KnownKeyFormatTests
{
    private static readonly string Key = FakeKeys.AwsAccessKeyId;

    // Each row is a class body or statement list with KEY standing for the marked key literal.
    [Theory]
    [InlineData("local", "void M() { var id = KEY; }")]
    [InlineData("field", "string id = KEY;")]
    [InlineData("const field", "const string Id = KEY;")]
    [InlineData("const local", "void M() { const string id = KEY; }")]
    [InlineData("property initializer", "string Id { get; } = KEY;")]
    [InlineData("expression-bodied property", "string Id => KEY;")]
    [InlineData("return", "string M() { return KEY; }")]
    [InlineData("lambda", "System.Func<string> f = () => KEY;")]
    [InlineData("object initializer", "class O { public string Id = \"\"; } O o = new O { Id = KEY };")]
    [InlineData("collection initializer", "System.Collections.Generic.List<string> ids = new() { KEY };")]
    [InlineData("dictionary entry", "System.Collections.Generic.Dictionary<string, string> d = new() { [\"aws\"] = KEY };")]
    [InlineData("dictionary pair", "System.Collections.Generic.Dictionary<string, string> d = new() { { \"aws\", KEY } };")]
    [InlineData("anonymous object", "object o = new { Id = KEY };")]
    [InlineData("tuple", "(string Name, string Id) t = (\"aws\", KEY);")]
    [InlineData("positional argument", "void Use(string id) { } void M() { Use(KEY); }")]
    [InlineData("named argument", "void Use(string id) { } void M() { Use(id: KEY); }")]
    [InlineData("array", "string[] ids = { KEY };")]
    [InlineData("switch expression", "string M(int i) => i switch { 1 => KEY, _ => \"\" };")]
    [InlineData("comparison", "bool M(string s) => s == KEY;")]
    public Task ReportsKeyInEveryPosition(string position, string body)
    {
        Assert.NotEmpty(position);
        var source = "class C { " + body.Replace("KEY", "{|KL0001:\"" + Key + "\"|}") + " }";
        return Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("attribute argument", "[System.Obsolete(KEY)] void M() { }")]
    [InlineData("default parameter value", "void M(string id = KEY) { }")]
    [InlineData("case label", "int M(string s) { switch (s) { case KEY: return 1; default: return 0; } }")]
    [InlineData("constant pattern", "bool M(string s) => s is KEY;")]
    public async Task ReportsKeyWhereConstantIsRequired(string position, string body)
    {
        Assert.NotEmpty(position);
        var source = "class C { " + body.Replace("KEY", "{|KL0001:\"" + Key + "\"|}") + " }";
        var test = Verify.CreateTest(source);
        await test.RunAsync();
        await SecretLeakCheck.AssertNoSecretInDiagnosticsAsync(source.Replace("{|KL0001:", "").Replace("|}", ""));
    }

    [Fact]
    public async Task MarksConstantPositionsAsNotFixable()
    {
        var source = "class C { [System.Obsolete(\"" + Key + "\")] void M() { } string f = \"" + Key + "\"; }";
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(source);

        Assert.Equal(2, diagnostics.Length);
        Assert.Equal(FixProperties.NotFixable, diagnostics[0].Properties[FixProperties.Fix]);
        Assert.Contains("attribute argument", diagnostics[0].GetMessage());
        Assert.Equal(FixProperties.Fixable, diagnostics[1].Properties[FixProperties.Fix]);
    }

    // A key of a prefixed format inside JSON text is found, whatever the name the text is bound to.
    [Theory]
    [InlineData("AKIA{16:A-Z2-7}", "requestBody")]
    [InlineData("AKIA{16:A-Z2-7}", "awsCredentials")]
    [InlineData("sk_live_{32:0-9a-zA-Z}", "paymentJson")]
    [InlineData("sk_live_{32:0-9a-zA-Z}", "stripeSecret")]
    public Task ReportsKeyInsideJsonText(string template, string name)
    {
        var json = "[{\\\"id\\\":1,\\\"key\\\":\\\"" + FakeKeys.Make(template) + "\\\"}]";
        return Verify.VerifyAsync("class C { string " + name + " = {|KL0001:\"" + json + "\"|}; }");
    }

    [Fact]
    public Task ReportsVerbatimString()
    {
        return Verify.VerifyAsync("class C { string k = {|KL0001:@\"" + Key + "\"|}; }");
    }

    [Fact]
    public Task ReportsSingleLineRawString()
    {
        return Verify.VerifyAsync("class C { string k = {|KL0001:\"\"\"" + Key + "\"\"\"|}; }");
    }

    [Fact]
    public Task ReportsMultiLineRawString()
    {
        var source = "class C {\n    string k = {|KL0001:\"\"\"\n        aws = " + Key + "\n        \"\"\"|};\n}";
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsUtf8String()
    {
        return Verify.VerifyAsync("class C { System.ReadOnlySpan<byte> K => {|KL0001:\"" + Key + "\"u8|}; }");
    }

    [Fact]
    public Task ReportsTextPartOfInterpolatedString()
    {
        return Verify.VerifyAsync("class C { string M(int n) => $\"n={n}{|KL0001:&key=" + Key + "|}\"; }");
    }

    [Fact]
    public Task ReportsConstantConcatenationOnce()
    {
        var source = "class C { string k = {|KL0001:\"" + Key.Substring(0, 4) + "\" + \"" + Key.Substring(4) + "\"|}; }";
        return Verify.VerifyAsync(source);
    }

    // The fold joins two to four parts one way and longer chains another. A key cut into parts, half of them
    // constants, is whole again only when every part is joined in order.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    public Task ReportsKeyCutIntoParts(int count)
    {
        var constants = new System.Text.StringBuilder();
        var operands = new System.Collections.Generic.List<string>();
        var size = (Key.Length + count - 1) / count;
        for (var i = 0; i < count; i++)
        {
            var part = "\"" + Key.Substring(i * size, System.Math.Min(size, Key.Length - (i * size))) + "\"";
            if (i % 2 == 1)
            {
                constants.Append("const string P" + i + " = " + part + "; ");
                part = "P" + i;
            }

            operands.Add(part);
        }

        var source = "class C { " + constants + "string k = {|KL0001:" + string.Join(" + ", operands) + "|}; }";
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsConcatenationThroughConstant()
    {
        var source = "class C { const string Head = \"" + Key.Substring(0, 4) + "\"; string k = {|KL0001:Head + \"" +
            Key.Substring(4) + "\"|}; }";
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsConstantOnceAtDeclaration()
    {
        var source = "class C { const string Id = {|KL0001:\"" + Key + "\"|}; string a = Id; string b = Id + \"x\"; " +
            "void M() { System.Console.WriteLine(Id); } }";
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task IgnoresDocumentedExampleKey()
    {
        return Verify.VerifyAsync("class C { string k = \"AKIAIOSFODNN7EXAMPLE\"; }");
    }

    [Fact]
    public Task IgnoresKeyInComment()
    {
        return Verify.VerifyAsync("class C { // aws " + Key + "\n /* " + Key + " */ }");
    }

    [Fact]
    public async Task MessageNamesFormatAndTarget()
    {
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync("class C { string awsKey = \"" + Key + "\"; }");

        var diagnostic = Assert.Single(diagnostics);
        var message = diagnostic.GetMessage();
        Assert.Contains("'awsKey'", message);
        Assert.Contains("AWS access key ID", message);
        Assert.Contains("(20 characters)", message);
        Assert.DoesNotContain(Key, message);
        Assert.Equal("https://github.com/keylint/KeyLint/blob/main/rules/KL0001.md", diagnostic.Descriptor.HelpLinkUri);
    }

    // The fix keeps the text around a key only where the analyzer passes the key's place in the value.
    [Theory]
    [InlineData("https://s3.example.com/b?AWSAccessKeyId=KEY&Expires=1700000000", 40)]
    [InlineData("https://api.example.com/v1/ticker?symbol=BTCUSDT&key=KEY&limit=5&window=60", 53)]
    [InlineData("Key KEY", 4)]
    [InlineData("{\"apiKey\":\"KEY\"}", 11)]
    [InlineData("{\"apiKey\":\"KEY\",\"region\":\"us-east-1\"}", 11)]
    [InlineData("sync key=KEY region=us-east-1 agent=sdk-dotnet user=bob at 2024-05-01T10:00:00Z", 9)]
    public async Task PassesPlaceOfKeyAmongText(string template, int start)
    {
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(
            "class C { string M() => \"" + template.Replace("\"", "\\\"").Replace("KEY", Key) + "\"; }");

        var properties = Assert.Single(diagnostics).Properties;
        Assert.Equal(start.ToString(System.Globalization.CultureInfo.InvariantCulture), properties[FixProperties.KeyStart]);
        Assert.Equal("20", properties[FixProperties.KeyLength]);
    }

    // A key glued to more secret text, or next to a second key, is replaced with its literal as a whole.
    [Theory]
    [InlineData("key only")]
    [InlineData("key and secret")]
    [InlineData("key and spaced secret")]
    [InlineData("secret in a URL")]
    [InlineData("secret after a slash")]
    [InlineData("secret after a no-break space")]
    [InlineData("short password")]
    [InlineData("padding after key")]
    [InlineData("dashed secret")]
    [InlineData("base64 secret")]
    [InlineData("password flag")]
    [InlineData("XML password")]
    [InlineData("bearer header")]
    [InlineData("secret with colons")]
    [InlineData("secret with semicolons")]
    [InlineData("secret with ampersands")]
    [InlineData("secret with equals signs")]
    [InlineData("secret with quotes")]
    [InlineData("quoted pieces after a colon")]
    [InlineData("two keys")]
    [InlineData("webhook")]
    [InlineData("PGP block")]
    [InlineData("connection string")]
    public async Task PassesNoPlaceForLargerSecret(string shape)
    {
        var value = shape switch
        {
            "key only" => Key,
            "key and secret" => Key + ":" + FakeKeys.Make("{40:A-Za-z0-9}"),
            "key and spaced secret" => "id " + Key + " secret " + FakeKeys.Make("{40:A-Za-z0-9}"),
            "secret in a URL" => "aws=" + Key + " hook=https://hooks.example.com/services/" + FakeKeys.Make("{40:A-Za-z0-9}"),
            "secret after a slash" => "id=" + Key + " s=/" + FakeKeys.Make("{39:A-Za-z0-9}"),
            "secret after a no-break space" => "a=" + Key + " note\\u00a0" + FakeKeys.Make("{40:A-Za-z0-9}"),
            "short password" => "https://h/login?AWSAccessKeyId=" + Key + "&password=" + FakeKeys.Make("{12:A-Za-z}"),
            "padding after key" => "secret=" + FakeKeys.Make("whsec_{43:A-Za-z0-9}") + "=;tolerance=300",
            "dashed secret" => "id=" + Key + " sig=" + FakeKeys.Make("{7:A-Za-z0-9}-{7:A-Za-z0-9}-{7:A-Za-z0-9}-{7:A-Za-z0-9}"),
            "base64 secret" => "id=" + Key + " sig=" + FakeKeys.Make("{7:A-Za-z0-9}+{7:A-Za-z0-9}/{7:A-Za-z0-9}+{7:A-Za-z0-9}"),
            "password flag" => "--id " + Key + " --password " + FakeKeys.Make("{12:a-z}"),
            "XML password" => "<id>" + Key + "</id><password>" + FakeKeys.Make("{12:a-z}") + "</password>",
            "secret with colons" => "id=" + Key + " x=" + FakeKeys.Make("{5:A-Za-z0-9}:{5:A-Za-z0-9}:{5:A-Za-z0-9}"),
            "secret with semicolons" => "id=" + Key + " x=" + FakeKeys.Make("{4:A-Za-z0-9};{4:A-Za-z0-9};{4:A-Za-z0-9};{4:A-Za-z0-9};{4:A-Za-z0-9}"),
            "secret with ampersands" => "id=" + Key + " x=" + FakeKeys.Make("{4:A-Za-z0-9}&{4:A-Za-z0-9}&{4:A-Za-z0-9}&{4:A-Za-z0-9}&{4:A-Za-z0-9}"),
            "secret with equals signs" => "id=" + Key + " x=" + FakeKeys.Make("{5:A-Za-z0-9}={5:A-Za-z0-9}={5:A-Za-z0-9}"),
            "secret with quotes" => "id=" + Key + " x=" + FakeKeys.Make("{5:A-Za-z0-9}'{5:A-Za-z0-9}'{5:A-Za-z0-9}"),
            "quoted pieces after a colon" => "id=" + Key + " x: " + FakeKeys.Make("{6:A-Za-z0-9}'{5:A-Za-z0-9}'{6:A-Za-z0-9}"),
            "bearer header" => "id=" + Key + " Authorization: Bearer " + FakeKeys.Make("{40:A-Za-z}"),
            "two keys" => "a=" + Key + "&b=" + FakeKeys.AwsAccessKeyId,
            "webhook" => FakeKeys.Make("https://hooks.slack.com/services/T{9:A-Z0-9}/B{9:A-Z0-9}/{24:A-Za-z0-9}"),
            "PGP block" => FakeKeys.Make(
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\nlQOYBF{58:A-Za-z0-9+/}\\n{64:A-Za-z0-9+/}\\n=Ab1C\\n" +
                "-----END PGP PRIVATE KEY BLOCK-----\\n"),
            _ => "Host=db;Username=bot;Password=" + FakeKeys.Make("{14:A-Za-z0-9}") + ";Pooling=true",
        };

        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync("class C { string M() => \"" + value + "\"; }");

        var properties = Assert.Single(diagnostics).Properties;
        Assert.False(properties.ContainsKey(FixProperties.KeyStart), $"The {shape} got a key start.");
        Assert.False(properties.ContainsKey(FixProperties.KeyLength), $"The {shape} got a key length.");
    }

    [Fact]
    public async Task VariableNameComesFromProviderAndTarget()
    {
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(
            "class StripeOptions { public string ApiKey { get; set; } = \"" + FakeKeys.StripeLiveKey + "\"; }");

        Assert.Equal("STRIPE_API_KEY", Assert.Single(diagnostics).Properties[FixProperties.VariableName]);
    }

    [Fact]
    public async Task ConfigurationKeyKeepsProviderOfUrl()
    {
        // The member name says "url", not "key", so the names come from the format's provider, in both forms.
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(
            "class C { string StripeUrl(string id) => $\"https://pay.example/charge?id={id}&key=" + FakeKeys.StripeLiveKey + "\"; }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("STRIPE_API_KEY", diagnostic.Properties[FixProperties.VariableName]);
        Assert.Equal("Stripe:ApiKey", diagnostic.Properties[FixProperties.ConfigurationKey]);
    }

    [Fact]
    public async Task MemberProviderWinsOverTypeProvider()
    {
        var diagnostics = await DiagnosticRunner.GetDiagnosticsAsync(
            "class BinanceOptions { public string BybitApiSecret { get; set; } = \"" + FakeKeys.ExchangeSecret +
            "\"; public string ApiSecret { get; set; } = \"" + FakeKeys.ExchangeSecret + "\"; }");

        Assert.Equal(2, diagnostics.Length);
        Assert.DoesNotContain("Binance", diagnostics[0].GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("Binance", diagnostics[1].GetMessage(), System.StringComparison.Ordinal);
    }
}
