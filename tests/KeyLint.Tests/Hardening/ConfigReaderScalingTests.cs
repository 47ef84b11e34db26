using System.Text;
using KeyLint.Core.Config;
using KeyLint.Tests.Hardening.Support;
using Xunit;

namespace KeyLint.Tests.Hardening;

/// <summary>
/// Time of the config readers against input size. Each case doubles as a shape no reader may choke on; the sizes
/// are small enough that even quadratic code ends within seconds.
/// </summary>
[Collection(TimingCollection.Name)]
public class ConfigReaderScalingTests
{
    [Fact]
    public void DotEnvLinesScaleLinearly()
    {
        Linearity.AssertLinear(
            ".env lines",
            20_000,
            n => Repeat(n, i => $"KEY_{i}=value{i} # comment\n"),
            text => ConfigFileReader.Read(ConfigFileKind.DotEnv, text));
    }

    [Fact]
    public void IniLinesScaleLinearly()
    {
        Linearity.AssertLinear(
            "INI lines",
            20_000,
            n => Repeat(n, i => i % 100 == 0 ? $"[section{i}]\n" : $"key{i} = value{i} ; comment\n"),
            text => ConfigFileReader.Read(ConfigFileKind.Ini, text));
    }

    [Fact]
    public void JsonPropertiesScaleLinearly()
    {
        Linearity.AssertLinear(
            "JSON properties",
            10_000,
            n => "{" + Repeat(n, i => $"\"key{i}\": {{ \"value\": \"v{i}\" }},") + "}",
            text => ConfigFileReader.Read(ConfigFileKind.Json, text));
    }

    [Fact]
    public void YamlLinesScaleLinearly()
    {
        Linearity.AssertLinear(
            "YAML lines",
            10_000,
            n => Repeat(n, i => $"group{i}:\n  key: value{i}\n  list: [a, 'b', c]\n  - item\n"),
            text => ConfigFileReader.Read(ConfigFileKind.Yaml, text));
    }

    [Fact]
    public void XmlSettingsScaleLinearly()
    {
        Linearity.AssertLinear(
            "XML settings",
            5_000,
            n => "<configuration><appSettings>" + Repeat(n, i => $"<add key=\"k{i}\" value=\"v{i}\"/>\n") +
                "</appSettings></configuration>",
            text => ConfigFileReader.Read(ConfigFileKind.Xml, text));
    }

    [Fact]
    public void JsonLongKeyOverManyEntriesScalesLinearly()
    {
        Linearity.AssertLinear(
            "JSON key of length n over n entries",
            2_000,
            n => "{\"" + new string('k', n) + "\": {" + Repeat(n, i => $"\"a{i}\": 1,") + "}}",
            text => ConfigFileReader.Read(ConfigFileKind.Json, text));
    }

    [Fact]
    public void YamlLongKeyOverManyEntriesScalesLinearly()
    {
        Linearity.AssertLinear(
            "YAML key of length n over n entries",
            2_000,
            n => new string('k', n) + ":\n" + Repeat(n, i => $"  a{i}: 1\n"),
            text => ConfigFileReader.Read(ConfigFileKind.Yaml, text));
    }

    [Fact]
    public void IniLongSectionOverManyEntriesScalesLinearly()
    {
        Linearity.AssertLinear(
            "INI section of length n over n entries",
            2_000,
            n => "[" + new string('s', n) + "]\n" + Repeat(n, i => $"a{i} = 1\n"),
            text => ConfigFileReader.Read(ConfigFileKind.Ini, text));
    }

    [Fact]
    public void XmlTextInDeepNestingScalesLinearly()
    {
        Linearity.AssertLinear(
            "XML text at each of n nested levels",
            1_500,
            n => Repeat(n, _ => "<a>x") + Repeat(n, _ => "</a>"),
            text => ConfigFileReader.Read(ConfigFileKind.Xml, text));
    }

    [Fact]
    public void YamlUnclosedFlowListsScaleLinearly()
    {
        Linearity.AssertLinear(
            "YAML lines that open a flow list and never close it",
            5_000,
            n => Repeat(n, i => $"k{i}: [\n"),
            text => ConfigFileReader.Read(ConfigFileKind.Yaml, text));
    }

    [Fact]
    public void NestedTenThousandLevelsReadWithoutError()
    {
        const int depth = 10_000;
        var jsonObjects = Repeat(depth, i => $"{{\"k{i}\":") + "\"v\"" + new string('}', depth);
        var jsonArrays = new string('[', depth) + "1" + new string(']', depth);
        var yamlFlow = "root: " + new string('[', depth) + "a" + new string(']', depth) + "\n";
        var yamlBlock = Repeat(depth, i => new string(' ', i) + $"k{i}:\n") + new string(' ', depth) + "leaf: v\n";

        // Each read must return; deep JSON falls back to the pair scan, deep YAML stops extending paths.
        Assert.NotNull(ConfigFileReader.Read(ConfigFileKind.Json, jsonObjects));
        Assert.NotNull(ConfigFileReader.Read(ConfigFileKind.Json, jsonArrays));
        Assert.NotNull(ConfigFileReader.Read(ConfigFileKind.Yaml, yamlFlow));
        var blockEntries = ConfigFileReader.Read(ConfigFileKind.Yaml, yamlBlock);
        Assert.Contains(blockEntries, entry => entry.Key == "leaf" && entry.Value == "v");
    }

    [Fact]
    public void XmlNestedTenThousandLevelsReadsWithoutError()
    {
        const int depth = 10_000;
        var xml = Repeat(depth, i => $"<e{i % 10}>") + "text" + Repeat(depth, i => $"</e{(depth - 1 - i) % 10}>");
        var entries = ConfigFileReader.Read(ConfigFileKind.Xml, xml);
        Assert.Single(entries, entry => entry.Value == "text");
    }

    private static string Repeat(int count, System.Func<int, string> line)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(line(i));
        }

        return builder.ToString();
    }
}
