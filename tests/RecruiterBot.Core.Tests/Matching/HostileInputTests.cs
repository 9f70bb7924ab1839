using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Privacy;

namespace RecruiterBot.Core.Tests.Matching;

/// <summary>The matcher never throws, and what it echoes back never carries personal data or markup.</summary>
public class HostileInputTests
{
    private static BotReply Ask(string text) => TestKnowledge.Turns().Reply(IncomingMessage.FromText(text), ConversationState.New(3)).Reply;

    public static TheoryData<string> Hostile() => new()
    {
        "",
        "   \t  ",
        new string('a', 100_000),
        string.Join(' ', Enumerable.Repeat("what is celery", 10_000)),
        "\0\u0001\u0002\u001b[31mred\u007f",
        "🙂🙂🙂 🚀",
        "ما هو سيليري؟",
        "\u202Ewhat is celery\u202C",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<!channel> <!here> <@U123>",
        "&amp;&amp;&amp;lt;&#0;&#xFFFFFF;&bogus;",
        "\ud800 lone surrogate",
        new string('\n', 5000),
        "what is " + new string('k', 5000),
        "{\"action\":\"define\"}",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Reply_HostileText_AnswersWithoutThrowing(string text)
    {
        var reply = Ask(text);
        Assert.NotNull(reply.Intent);
    }

    [Fact]
    public void Reply_UnknownWithAnEmail_NeverEchoesIt()
    {
        var reply = Assert.IsType<UnknownReply>(Ask("what is jane.doe@example.com"));
        Assert.DoesNotContain("@", reply.Asked ?? "");
        Assert.DoesNotContain("example.com", reply.Asked ?? "");
    }

    [Fact]
    public void Reply_UnknownWithAPhoneNumber_NeverEchoesIt()
    {
        var reply = Assert.IsType<UnknownReply>(Ask("call +1 (415) 555-0100 about blockchain"));
        Assert.DoesNotContain("555", reply.Asked ?? "");
    }

    [Fact]
    public void Reply_LongUnknown_EchoesAShortPiece()
    {
        var reply = Assert.IsType<UnknownReply>(Ask("what is " + string.Join(' ', Enumerable.Repeat("zzyzx", 200))));
        Assert.True((reply.Asked ?? "").Length <= TurnHandler.AskedEchoLimit + 1);
    }

    [Theory]
    [InlineData("mail me at a.b-c@mail.example.org today", "mail me at [email] today")]
    [InlineData("phone: +44 20 7946 0958", "phone: [phone]")]
    [InlineData("(415) 555-0100", "[phone]")]
    [InlineData("2019 - 2023 at Acme", "2019 - 2023 at Acme")]
    [InlineData("Python 3.11, Django 4.2", "Python 3.11, Django 4.2")]
    public void Scrub_PersonalData_IsReplaced(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScrubber.Scrub(text));
}
