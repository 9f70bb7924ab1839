using System.Text.Json;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Core.Tests.Conversation;

public class TurnHandlerTests
{
    private static readonly TurnHandler Turns = TestKnowledge.Turns();

    private static (BotReply Reply, ConversationState State) Say(string text, ConversationState state)
    {
        var result = Turns.Reply(IncomingMessage.FromText(text), state);
        return (result.Reply, result.State);
    }

    private static (BotReply Reply, ConversationState State) Press(string json, ConversationState state)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Turns.Reply(new IncomingMessage { Action = CardAction.FromJson(doc.RootElement) ?? new CardAction("unknown") }, state);
        return (result.Reply, result.State);
    }

    [Fact]
    public void Reply_AnotherQuestion_NeverRepeatsUntilThePoolIsUsedUp()
    {
        var state = ConversationState.New(42);
        var pool = TestKnowledge.Base.Interview.Count;
        var seen = new List<string>();
        for (var i = 0; i < pool; i++)
        {
            (var reply, state) = Say(i == 0 ? "interview question" : "another question", state);
            var interview = Assert.IsType<InterviewReply>(reply);
            Assert.False(interview.PoolRestarted);
            seen.Add(interview.Check.Id);
        }
        Assert.Equal(pool, seen.Distinct().Count());

        (var next, state) = Say("another question", state);
        var restarted = Assert.IsType<InterviewReply>(next);
        Assert.True(restarted.PoolRestarted);
        Assert.NotEqual(seen[^1], restarted.Check.Id);
    }

    [Fact]
    public void Reply_AnotherInACategory_StaysInItAndDoesNotRepeat()
    {
        var state = ConversationState.New(5);
        var inData = TestKnowledge.Base.Interview.Where(c => c.Category == "data").Select(c => c.Id).ToHashSet();
        var seen = new HashSet<string>();
        (var reply, state) = Press("""{"action":"interview","category":"data"}""", state);
        seen.Add(((InterviewReply)reply).Check.Id);
        for (var i = 1; i < inData.Count; i++)
        {
            (reply, state) = Say("another one", state);
            var check = Assert.IsType<InterviewReply>(reply).Check;
            Assert.Equal("data", check.Category);
            Assert.True(seen.Add(check.Id), $"{check.Id} repeated");
        }
        Assert.Equal(inData, seen);
    }

    [Fact]
    public void Reply_SameStateSameMessage_GivesTheSameQuestion()
    {
        var state = ConversationState.New(99);
        var first = Say("interview question", state);
        var again = Say("interview question", state);
        Assert.Equal(((InterviewReply)first.Reply).Check.Id, ((InterviewReply)again.Reply).Check.Id);
    }

    [Fact]
    public void Reply_ShowAnswerAfterAQuestion_ShowsThatQuestionsStrongAnswer()
    {
        var (q, state) = Say("interview question", ConversationState.New(1));
        var (a, _) = Say("what's a good answer?", state);
        var answer = Assert.IsType<InterviewReply>(a);
        Assert.True(answer.ShowAnswer);
        Assert.Equal(((InterviewReply)q).Check.Id, answer.Check.Id);
    }

    [Fact]
    public void Reply_TellMeMoreAfterANarrowerTerm_AnswersItsSkill()
    {
        var (_, state) = Say("what is flask", ConversationState.New(1));
        var (more, _) = Say("tell me more", state);
        Assert.Equal("flask-fastapi", Assert.IsType<SkillReply>(more).Skill.Id);
    }

    [Theory]
    [InlineData("""{"action":"define","kind":"skill","id":"redis"}""", "skill", "redis")]
    [InlineData("""{"action":"define","kind":"glossary","id":"sqlalchemy"}""", "glossary", "sqlalchemy")]
    [InlineData("""{"action":"define","kind":"glossary","id":"celery"}""", "skill", "celery")]
    [InlineData("""{"action":"interview","skill":"docker"}""", "interview", "*")]
    [InlineData("""{"action":"answer","id":"data-orm-vs-sql"}""", "interview", "data-orm-vs-sql")]
    [InlineData("""{"action":"resume-help"}""", "help", "-")]
    [InlineData("""{"action":"overview"}""", "overview", "-")]
    [InlineData("""{"action":"help"}""", "help", "-")]
    [InlineData("""{"action":"define","kind":"skill","id":"no-such-skill"}""", "help", "-")]
    [InlineData("""{"action":"launch-missiles"}""", "help", "-")]
    [InlineData("""{"no":"action"}""", "help", "-")]
    [InlineData("""[1,2,3]""", "help", "-")]
    [InlineData("\"{\\\"action\\\":\\\"overview\\\"}\"", "overview", "-")]
    public void Reply_CardAction_IsATurnAndMalformedOnesGetHelp(string value, string intent, string entry)
    {
        var (reply, _) = Press(value, ConversationState.New(1));
        Assert.Equal(intent, reply.Intent);
        if (entry == "-") Assert.Empty(reply.Entries);
        else if (entry != "*") Assert.Equal(entry, reply.Entries[0].Id);
    }

    [Fact]
    public void Reply_InterviewAboutASkillButton_ProbesThatSkill()
    {
        var (reply, _) = Press("""{"action":"interview","skill":"docker"}""", ConversationState.New(1));
        var interview = Assert.IsType<InterviewReply>(reply);
        Assert.Equal("docker", interview.Skill?.Id);
        Assert.Contains("docker", interview.Check.Skills);
    }

    [Fact]
    public void Reply_FileSharedWithoutText_SaysHowToPaste()
    {
        var reply = Turns.Reply(new IncomingMessage { HasFile = true }, ConversationState.New(1)).Reply;
        Assert.Equal(HelpTopic.FileShared, Assert.IsType<HelpReply>(reply).Topic);
    }

    [Fact]
    public void Reply_EveryTurn_BumpsTheStateVersion()
    {
        var state = ConversationState.New(1);
        (_, state) = Say("hi", state);
        (_, state) = Say("what is redis", state);
        Assert.Equal(2, state.Version);
    }
}

public class ConfidenceTests
{
    private static BotReply Ask(string text) => TestKnowledge.Turns().Reply(IncomingMessage.FromText(text), ConversationState.New(1)).Reply;

    [Fact]
    public void Reply_ExactName_IsFullyConfident() => Assert.Equal(1, Ask("what is celery").Confidence);

    [Fact]
    public void Reply_Typo_IsLessConfident() => Assert.Equal(TurnHandler.TypoConfidence, Ask("what is kubernets").Confidence);

    [Fact]
    public void Reply_Unknown_HasNoConfidence() => Assert.Equal(0, Ask("what is blockchain").Confidence);
}

public class InterviewAboutASkillTests
{
    [Theory]
    [InlineData("celery")]
    [InlineData("docker")]
    [InlineData("orm")]
    public void Reply_AboutASkill_FirstDrawsTheChecksThatLeadWithIt(string skill)
    {
        var kb = TestKnowledge.Base;
        var leading = kb.Interview.Where(c => c.Skills.Count > 0 && c.Skills[0] == skill).Select(c => c.Id).ToHashSet();
        var all = kb.Interview.Where(c => c.Skills.Contains(skill)).Select(c => c.Id).ToHashSet();
        var turns = TestKnowledge.Turns();
        var state = ConversationState.New(11);
        var drawn = new List<string>();
        for (var i = 0; i < all.Count; i++)
        {
            var result = turns.Reply(new IncomingMessage { Action = new CardAction(CardAction.Interview, Skill: skill) }, state);
            state = result.State;
            drawn.Add(Assert.IsType<InterviewReply>(result.Reply).Check.Id);
        }
        if (leading.Count > 0) Assert.Equal(leading, drawn.Take(leading.Count).ToHashSet());
        Assert.Equal(all, drawn.ToHashSet());
    }
}
