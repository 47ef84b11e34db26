using KeyLint.Core.Detection;
using Xunit;

namespace KeyLint.Tests.Core;

public class RedactionTests
{
    [Theory]
    [InlineData(20, "'AKIA\u2026' (20 characters)")]
    [InlineData(16, "'AKIA\u2026' (16 characters)")]
    [InlineData(15, "'AKI\u2026' (15 characters)")]
    [InlineData(8, "'AK\u2026' (8 characters)")]
    [InlineData(7, "'A\u2026' (7 characters)")]
    [InlineData(3, "'\u2026' (3 characters)")]
    [InlineData(0, "'\u2026' (0 characters)")]
    public void DescribeShowsAtMostAQuarter(int length, string expected)
    {
        var value = "AKIABCDEFGHIJKLMNOPQRSTUVWXYZ";

        Assert.Equal(expected, Redaction.Describe(value, 0, length));
    }

    [Fact]
    public void DescribeNeverShowsMoreThanFourCharacters()
    {
        var value = new string('k', 300);
        for (var length = 0; length <= value.Length; length++)
        {
            var description = Redaction.Describe(value, 0, length);
            var shown = description.IndexOf('\u2026') - 1;

            Assert.True(shown <= 4, $"{shown} characters shown for a secret of {length}.");
            Assert.True(shown <= length / 4, $"{shown} characters shown for a secret of {length}.");
            Assert.EndsWith($"({length} characters)", description);
        }
    }

    [Fact]
    public void DescribeStartsAtTheSecretsOffset()
    {
        var value = "password=hunter2hunter2;";

        Assert.Equal("'hun\u2026' (14 characters)", Redaction.Describe(value, 9, 14));
    }

    [Fact]
    public void DescribeEscapesLineBreaksAndQuotes()
    {
        Assert.Equal("'a\\nb\\'\u2026' (16 characters)", Redaction.Describe("a\nb'cdefghijklmnop", 0, 16));
        Assert.Equal("'\\r\\n\u2026' (8 characters)", Redaction.Describe("\r\nabcdef", 0, 8));
    }
}
