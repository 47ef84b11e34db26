using System.Linq;
using System.Threading.Tasks;
using KeyLint.Tests.Support;
using Xunit;
using Verify = KeyLint.Tests.Support.AnalyzerVerifier<KeyLint.Analyzers.HardcodedSecretAnalyzer>;

namespace KeyLint.Tests.Analyzers;

// The analyzer skips the semantic model where syntax, declared symbols or the value's shape decide the result. These
// tests check that the shortcuts report what binding reports, in both directions.
public class SemanticShortcutTests
{
    private static readonly string Secret = FakeKeys.Make("{30:A-Za-z0-9+/}");

    [Fact]
    public Task ReportsPositionalArgumentThatPassesValueGate()
    {
        var source = """
            class Client { public void Connect(string url, string apiSecret) { } }
            class C { void M(Client c) { c.Connect("https://example.test/v1", {|KL0002:"SECRET"|}); } }
            """.Replace("SECRET", Secret);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task IgnoresUrlPassedToSecretParameter()
    {
        var source = """
            class Client { public void Connect(string apiSecret) { } }
            class C { void M(Client c) { c.Connect("https://example.test/v1/orders"); } }
            """;
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsRepeatedAttributeWithSecretParameter()
    {
        var source = """
            class ExchangeAttribute : System.Attribute { public ExchangeAttribute(string apiSecret) { } }
            class C
            {
                [Exchange({|KL0002:"SECRET"|})] void A() { }
                [Exchange({|KL0002:"SECRET"|})] void B() { }
                [ExchangeAttribute({|KL0002:"SECRET"|})] void D() { }
            }
            """.Replace("SECRET", Secret);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task IgnoresAttributeWithoutSecretParameter()
    {
        var source = """
            class RouteAttribute : System.Attribute { public RouteAttribute(string template) { } }
            class C
            {
                [Route("SECRET")] void A() { }
                [Route("SECRET")] void B() { }
            }
            """.Replace("SECRET", Secret);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsAttributeWhoseOtherOverloadHasSecretParameter()
    {
        var source = """
            class KeyAttribute : System.Attribute
            {
                public KeyAttribute(int id) { }
                public KeyAttribute(string apiSecret) { }
            }
            class C
            {
                [Key(1)] void A() { }
                [Key({|KL0002:"SECRET"|})] void B() { }
            }
            """.Replace("SECRET", Secret);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsConcatenationWithConstantField()
    {
        var source = """
            class C
            {
                const string Head = "HEAD";
                void M() { var apiSecret = {|KL0002:Head + "TAIL"|}; }
            }
            """.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsConcatenationWithInheritedConstantAndConstantLocal()
    {
        var source = """
            class Base { protected const string Head = "HEAD"; }
            class C : Base
            {
                void M()
                {
                    const string middle = "MIDDLE";
                    var apiSecret = {|KL0002:Head + middle + "TAIL"|};
                }
            }
            """.Replace("HEAD", Secret.Substring(0, 10)).Replace("MIDDLE", Secret.Substring(10, 10))
            .Replace("TAIL", Secret.Substring(20));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsConcatenationWithConstantOfOuterType()
    {
        var source = """
            class Outer
            {
                const string Head = "HEAD";
                class Inner { string apiSecret = {|KL0002:Head + "TAIL"|}; }
            }
            """.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsConstantsFromOtherPart()
    {
        // Neither constant is a literal in this part of the type, so both are read from their symbols.
        var source = """
            partial class C { const string Head = "HEAD"; }
            partial class C
            {
                const string Middle = Head + "MIDDLE";
                void M() { var apiSecret = {|KL0002:Middle + "TAIL"|}; }
            }
            """.Replace("HEAD", Secret.Substring(0, 10)).Replace("MIDDLE", Secret.Substring(10, 10))
            .Replace("TAIL", Secret.Substring(20));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task FoldsConstantsOfLargeClass()
    {
        // More members than a scan covers, so the names are looked up through the type's symbol.
        var constants = string.Concat(Enumerable.Range(0, 20).Select(i => $"const string C{i} = \"/v{i}\"; "));
        var source = ("class C { " + constants + """
            const string Head = "HEAD";
            static readonly string Shared = "HEAD";
            void M()
            {
                var apiSecret = {|KL0002:Head + "TAIL"|};
                var apiToken = Shared + "TAIL";
                var path = C3 + C19;
            }
            }
            """).Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task FoldsSameConstantInEachMember()
    {
        // Each member is checked for a local or pattern variable that hides the constant, and each type for a
        // member of its own.
        var source = """
            class C
            {
                const string Head = "HEAD";
                void A() { var apiSecret = {|KL0002:Head + "TAIL"|}; }
                void B() { var Head = "x"; var apiSecret = Head + "TAIL"; }
                void D(object o) { if (o is string Head) { var apiSecret = Head + "TAIL"; } }
                string apiToken = {|KL0002:Head + "TAIL"|};
            }

            class E { static readonly string Head = "HEAD"; string apiSecret = Head + "TAIL"; }
            """.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task IgnoresFieldHidingOuterConstant()
    {
        var source = """
            class Outer
            {
                const string Head = "HEAD";
                class Inner { static readonly string Head = "HEAD"; string apiSecret = Head + "TAIL"; }
            }
            """.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("static readonly string head = \"HEAD\"; void M() { var apiSecret = head + \"TAIL\"; }")]
    [InlineData("static string head => \"HEAD\"; void M() { var apiSecret = head + \"TAIL\"; }")]
    [InlineData("void M(string head) { var apiSecret = head + \"TAIL\"; }")]
    [InlineData("string head = \"x\"; void M() { var apiSecret = head + \"TAIL\"; }")]
    [InlineData("const string head = \"HEAD\"; void M(object o) { if (o is string head) { var apiSecret = head + \"TAIL\"; } }")]
    [InlineData("const string head = \"HEAD\"; void M(string s) { int.TryParse(s, out var head); var apiSecret = head + \"TAIL\"; }")]
    [InlineData("const string head = \"HEAD\"; void M(object o) { if (o is string \\u0068ead) { var apiSecret = head + \"TAIL\"; } }")]
    [InlineData("const string head = \"HEAD\"; void M() { foreach (var head in new[] { \"a\" }) { var apiSecret = head + \"TAIL\"; } }")]
    [InlineData("const string head = \"HEAD\"; System.Func<string, string> f = head => head + \"TAIL\";")]
    [InlineData("const string head = \"HEAD\"; void M() { var head = \"x\"; var apiSecret = head + \"TAIL\"; }")]
    [InlineData("const string head = \"HEAD\"; void M(object o) { if (o is string // see +\n head) { var apiSecret = head + \"TAIL\"; } }")]
    [InlineData("void M() { const string head = \"HEAD\"; System.Func<object, string> f = o => o is string head ? Use(head + \"TAIL\") : \"\"; } static string Use(string apiSecret) => apiSecret;")]
    [InlineData("void M() { const string head = \"HEAD\"; void Local(object o) { if (o is string head) { var apiSecret = head + \"TAIL\"; } } }")]
    [InlineData("const string value = \"HEAD\"; string P { set { var apiSecret = value + \"TAIL\"; } }")]
    [InlineData("const string head = \"HEAD\"; sealed class Q { public Q Select(System.Func<string, string> f) => this; } void M() { var q = from head in new Q() select Use(head + \"TAIL\"); } static string Use(string apiSecret) => apiSecret;")]
    [InlineData("static string head = \"x\"; int M() { switch (Use(head + \"TAIL\")) { case \"a\": const string head = \"HEAD\"; return head.Length; } return 0; } static string Use(string apiSecret) => apiSecret;")]
    public Task IgnoresConcatenationWithVariable(string members)
    {
        // Each name is, or is hidden by, something that is not a constant, so the concatenation is not constant.
        var source = "class C { " + members.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15)) + " }";
        return Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("void M(string head) { System.Func<string> f = () => { const string head = \"HEAD\"; return Use({|KL0002:head + \"TAIL\"|}); }; }")]
    [InlineData("void M(string head) { string Local() { const string head = \"HEAD\"; return Use({|KL0002:head + \"TAIL\"|}); } }")]
    [InlineData("const string head = \"HEAD\"; void M() { { var head = 1; } var apiSecret = {|KL0002:head + \"TAIL\"|}; }")]
    [InlineData("const string head = \"HEAD\"; void M() { var s = $\"{head}/{ head }\"; var apiSecret = {|KL0002:head + \"TAIL\"|}; }")]
    [InlineData("const string head = \"HEAD\"; void M(string s) { var apiSecret = {|KL0002:head + \"TAIL\"|}; }")]
    [InlineData("const string head = \"HEAD\"; void M() { foreach (var head in new[] { Use({|KL0002:head + \"TAIL\"|}) }) { } }")]
    [InlineData("const string head = \"HEAD\"; int M() { switch (Use({|KL0002:head + \"TAIL\"|})) { case \"a\": const string head = \"see \"; return head.Length; } return 0; }")]
    [InlineData("const string _ = \"HEAD\"; System.Func<int, int, string> f = (_, _) => Use({|KL0002:_ + \"TAIL\"|});")]
    public Task ReportsConstantNotHiddenInScope(string members)
    {
        // The name is declared inside the member, or the member has parameters, but no such declaration is in scope
        // at the concatenation. A foreach variable is not in scope in its collection, and a switch section's local is
        // not in scope in the governing expression. Two lambda parameters named "_" are discards.
        var source = "class C { static string Use(string apiSecret) => apiSecret; " +
            members.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15)) + " }";
        return Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("void M() { retry: const string head = \"HEAD\"; var apiSecret = {|KL0002:head + \"TAIL\"|}; }")]
    [InlineData("int M(int k) { switch (k) { case 1: retry: const string head = \"HEAD\"; return Use({|KL0002:head + \"TAIL\"|}).Length; } return 0; }")]
    public Task ReportsLabeledConstantLocalHidingField(string members)
    {
        // A label before a local declaration leaves it a declaration of the block, so the local hides the field.
        var source = "class C { string head = \"x\"; static string Use(string apiSecret) => apiSecret; " +
            members.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15)) + " }";
        return Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("const string head = \"HEAD\"; void M() { var he\u00ADad = \"x\"; var apiSecret = head + \"TAIL\"; }")]
    [InlineData("const string head = \"HEAD\"; void M() { var he\u200Dad = \"x\"; var apiSecret = head + \"TAIL\"; }")]
    [InlineData("const string head = \"HEAD\"; void M() { System.Func<string, string> f = he\u00ADad => { var apiSecret = head + \"TAIL\"; return apiSecret; }; }")]
    [InlineData("const string head = \"HEAD\"; void M() { foreach (var he\u00ADad in new[] { \"a\" }) { var apiSecret = head + \"TAIL\"; } }")]
    [InlineData("const string head = \"HEAD\"; void M(object o) { if (o is string he\u00ADad) { var apiSecret = head + \"TAIL\"; } }")]
    public Task IgnoresVariableNamedWithFormattingCharacter(string members)
    {
        // C# drops formatting characters (Unicode category Cf, such as a soft hyphen) from identifiers, so "he\u00ADad"
        // declares head, although the source text never spells "head" there.
        var source = "class C { " + members.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15)) + " }";
        return Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("void M(string head, string apiSecret = {|KL0002:head + \"TAIL\"|}) { }")]
    [InlineData("C(string head, string apiSecret = {|KL0002:head + \"TAIL\"|}) { }")]
    [InlineData("string this[string head, string apiSecret = {|KL0002:head + \"TAIL\"|}] => \"\";")]
    [InlineData("void M() { var f = (string head, string apiSecret = {|KL0002:head + \"TAIL\"|}) => 0; }")]
    [InlineData("void M() { void Local(string head, string apiSecret = {|KL0002:head + \"TAIL\"|}) { } }")]
    public Task ReportsConstantInSameNamedDefault(string members)
    {
        // A parameter is not in scope in the default values of its own parameter list, so head is the constant there.
        var source = "class C { const string head = \"HEAD\"; " +
            members.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15)) + " }";
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsConcatenationWithConstantOfBaseInterface()
    {
        // Inside an interface, a simple name is looked up in its base interfaces before the enclosing type.
        var source = """
            class Outer
            {
                const string Head = "see the docs at ";
                interface IBase { const string Head = "HEAD"; }
                interface IKeys : IBase { void M() { var apiSecret = {|KL0002:Head + "TAIL"|}; } }
            }
            """.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task IgnoresConcatenationWhoseBaseInterfaceHidesConstant()
    {
        var source = """
            class Outer
            {
                const string Head = "HEAD";
                interface IBase { const string Head = "see the docs at "; }
                interface IKeys : IBase { void M() { var apiSecret = Head + "TAIL"; } }
            }
            """.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsAttributeConstantNamedLikeParameter()
    {
        // Outside nameof, the method's parameters are not in scope in its attributes, so head is the constant.
        var source = """
            class SecretAttribute : System.Attribute { public SecretAttribute(string apiSecret) { } }
            class C
            {
                const string head = "HEAD";
                [Secret({|KL0002:head + "TAIL"|})] void M(string head) { }
                void N([Secret({|KL0002:head + "TAIL"|})] string head) { }
            }
            """.Replace("HEAD", Secret.Substring(0, 15)).Replace("TAIL", Secret.Substring(15));
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task ReportsEveryBranchOfNestedConditionals()
    {
        var source = """
            class C
            {
                string M(int k)
                {
                    string apiSecret = k == 0 ? {|KL0002:"S0"|} : k == 1 ? {|KL0002:"S1"|} : k == 2 ? {|KL0002:"S2"|} : "";
                    return apiSecret;
                }
            }
            """.Replace("S0", Secret + "0").Replace("S1", Secret + "1").Replace("S2", Secret + "2");
        return Verify.VerifyAsync(source);
    }
}
