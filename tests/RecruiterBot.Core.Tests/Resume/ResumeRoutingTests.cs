using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Core.Tests.Resume;

public sealed class ResumeRoutingTests
{
    private static TurnResult Say(string text) => TestKnowledge.Turns().Reply(IncomingMessage.FromText(text), ConversationState.New(1));

    [Theory]
    [InlineData("Jane Doe\nSenior Python engineer\n- Django, PostgreSQL\n- Docker and GitHub Actions")]
    [InlineData("Skills: Python, Django, React")]
    [InlineData("Python, Django, React, PostgreSQL, Docker")]
    [InlineData("Python | FastAPI | SQLAlchemy | Redis | Celery")]
    [InlineData("resume: Python, Django")]
    [InlineData("read this: built Flask APIs on MySQL")]
    [InlineData("quick read Python, Flask, Vue")]
    public void Reply_ResumeSnippet_ResumeIntent(string text)
    {
        var turn = Say(text);
        var reply = Assert.IsType<ResumeReply>(turn.Reply);
        Assert.Equal("resume", reply.Intent);
        Assert.NotEmpty(reply.Read.Skills);
    }

    [Theory]
    [InlineData("is Flask like Django?")]
    [InlineData("what is Celery?")]
    [InlineData("Django vs Flask?")]
    [InlineData("explain k8s and docker")]
    public void Reply_QuestionNamingSkills_NotResume(string text) => Assert.IsNotType<ResumeReply>(Say(text).Reply);

    [Fact]
    public void Reply_ResumeSnippet_StateKeepsNothingOfTheText()
    {
        var turn = Say("Skills: Python, Django, React");
        Assert.Null(turn.State.LastTopic);
        Assert.Empty(turn.State.ShownChecks);
    }

    [Fact]
    public void Reply_FileShared_AsksForPastedText()
    {
        var turn = TestKnowledge.Turns().Reply(new IncomingMessage { HasFile = true }, ConversationState.New(1));
        var help = Assert.IsType<HelpReply>(turn.Reply);
        Assert.Equal(HelpTopic.FileShared, help.Topic);
    }
}
