using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KeyLint.Tests.Config;

public class CustomFormatTests
{
    // An internal service's key: "acme_" and 32 lower-case letters or digits.
    private const string AcmeFormat = """
        {
          "id": "acme-internal-key",
          "name": "ACME internal API key",
          "provider": "Acme",
          "pattern": "acme_[a-z0-9]{32}",
          "prefixes": ["acme_"],
          "examples": {
            "match": ["acme_{32:a-z0-9}", "key=acme_{32:a-z0-9}"],
            "noMatch": ["acme_{31:a-z0-9}", "acme_{32:A-Z}"]
          }
        }
        """;

    private static readonly string AcmeKey = FakeKeys.Make("acme_{32:a-z0-9}");

    private static string FormatsFile(params string[] entries) => "{ \"formats\": [" + string.Join(",", entries) + "] }";

    [Fact]
    public Task CustomFormatWorksInCSharp()
    {
        var test = new CSharpAnalyzerTest<HardcodedSecretAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { string k = {|KL0001:\"" + AcmeKey + "\"|}; }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add(("/0/keylint.formats.json", FormatsFile(AcmeFormat)));
        return test.RunAsync();
    }

    [Fact]
    public Task CustomFormatWorksInConfigFiles()
    {
        var test = new CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add(("/0/keylint.formats.json", FormatsFile(AcmeFormat)));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Acme\": { \"Endpoint\": {|KL0004:\"" + AcmeKey + "\"|} } }"));
        return test.RunAsync();
    }

    [Fact]
    public Task WithoutFormatsFileKeyIsNotKnown()
    {
        return AnalyzerVerifier<HardcodedSecretAnalyzer>.VerifyAsync("class C { string k = \"" + AcmeKey + "\"; }");
    }

    [Fact]
    public Task InvalidEntriesAreReportedAtTheirEntry()
    {
        var wrongExample = AcmeFormat.Replace("\"acme-internal-key\"", "\"acme-wrong-example\"").Replace("\"acme_{31:a-z0-9}\"", "\"acme_{32:a-z0-9}\"");
        var slow = """
            {
              "id": "slow", "name": "Slow", "provider": "X", "pattern": "xq_(a|aa)+b", "prefixes": ["xq_"],
              "examples": { "match": ["xq_aaaaaaab"], "noMatch": ["xq_bbbbbbbb"] }
            }
            """;
        var noPrefix = """{ "id": "everything", "name": "E", "provider": "X", "pattern": "[a-z]+", "examples": { "match": ["a"], "noMatch": ["1"] } }""";
        var file = FormatsFile("{|#0:" + wrongExample + "|}", "{|#1:" + slow + "|}", "{|#2:" + noPrefix + "|}", AcmeFormat);
        var test = new CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add(("/0/keylint.formats.json", file));
        test.ExpectedDiagnostics.Add(Expected(0, "Format 'acme-wrong-example': noMatch example #1 ('acme_{32:a-z0-9}') is found by the pattern."));
        test.ExpectedDiagnostics.Add(Expected(1,
            "Format 'slow': the pattern takes longer than 250 ms on a 64 KB input; write it without nested or overlapping repetitions."));
        test.ExpectedDiagnostics.Add(Expected(2,
            "Format #3: 'everything' needs either prefixes or a context: without them every string would be tested."));
        return test.RunAsync();
    }

    private static DiagnosticResult Expected(int location, string message)
    {
        // The diagnostic marks the first character of the entry.
        return new DiagnosticResult(ConfigFileAnalyzer.InvalidCustomFormatRule).WithLocation(location, DiagnosticLocationOptions.IgnoreLength).WithArguments(message);
    }
}
