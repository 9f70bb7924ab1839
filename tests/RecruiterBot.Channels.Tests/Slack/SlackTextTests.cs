using RecruiterBot.Channels.Slack;

namespace RecruiterBot.Channels.Tests.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel> hi", "&lt;!channel&gt; hi")]
    [InlineData("R&D <@U123>", "R&amp;D &lt;@U123&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("plain", "plain")]
    public void Escape_ControlCharacters_Escaped(string input, string expected) => Assert.Equal(expected, SlackText.Escape(input));

    [Fact]
    public void Cut_InsideEntity_CutsBeforeIt()
    {
        var cut = SlackText.Cut("abcd&amp;efgh", 7);
        Assert.Equal("abcd…", cut);
    }

    [Fact]
    public void Cut_ShortText_Unchanged() => Assert.Equal("abc", SlackText.Cut("abc", 10));
}
