using RecruiterBot.Cards;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Cards.PlainText;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Privacy;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Core.Tests.Resume;

public sealed class ResumePrivacyTests
{
    private const string Email = "jane.python-dev@example.com";
    private const string Phone = "+1 (415) 555-0199";

    private static readonly string[] Personal = [Email, Phone, "415", "555-0199", "jane.python", "example.com", "Jane Doe", "Acme"];

    private static (BotReply Reply, string Json, string Text) Turn(string message)
    {
        var reply = TestKnowledge.Turns().Reply(IncomingMessage.FromText(message), ConversationState.New(1)).Reply;
        var rendered = new RenderedReply(reply, PlainTextRenderer.Render(reply), card: (System.Text.Json.Nodes.JsonObject?)null, slack: null);
        return (reply, EnvelopeJson.Write(ReplyEnvelopeBuilder.Build(rendered, "c1")), rendered.Text);
    }

    private static void AssertNothingPersonal(string output)
    {
        foreach (var p in Personal) Assert.DoesNotContain(p, output, StringComparison.OrdinalIgnoreCase);
        Assert.False(PersonalDataScrubber.ContainsPersonalData(output), output);
    }

    [Theory]
    [InlineData($"Jane Doe\n{Email}\n{Phone}\nPython, Django, React, PostgreSQL, Docker")]
    [InlineData($"Skills: Python, Flask, Redis. Contact {Email} or {Phone}")]
    [InlineData($"resume: Jane Doe ({Email}, {Phone}) - Acme 2019-2023, Django REST Framework, no ORM, learning Kubernetes")]
    [InlineData($"Jane Doe | {Email} | {Phone} | github.com/jane-python\nPython | FastAPI | Vue")]
    public void Reply_ResumeWithContactDetails_EnvelopeAndTextHoldNone(string snippet)
    {
        var (reply, json, text) = Turn(snippet);
        Assert.IsType<ResumeReply>(reply);
        AssertNothingPersonal(json);
        AssertNothingPersonal(text);
    }

    [Theory]
    [InlineData($"Jane Doe {Email} {Phone}")]
    [InlineData($"{Email}")]
    [InlineData($"call me on {Phone} about the role")]
    public void Reply_OneLinePasteReadAsUnknown_HoldsNoContactDetails(string message)
    {
        var (reply, json, text) = Turn(message);
        Assert.IsNotType<ResumeReply>(reply);
        Assert.DoesNotContain(Email, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("555-0199", json);
        Assert.DoesNotContain(Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("555-0199", text);
    }

    [Theory]
    [MemberData(nameof(ResumeSnippetCases.Names), MemberType = typeof(ResumeSnippetCases))]
    public void Read_AnySnippet_EvidenceHoldsNoPersonalDataAndNoSentence(string name)
    {
        var read = new ResumeReader(TestKnowledge.Base).Read(ResumeSnippetCases.Get(name).Text);
        foreach (var words in read.Skills.SelectMany(s => s.Evidence).Concat(read.NotCounted.Select(n => n.Evidence)))
        {
            Assert.False(PersonalDataScrubber.ContainsPersonalData(words), words);
            Assert.DoesNotContain("@", words);
            Assert.True(words.Split(' ').Length <= 6, $"evidence is not a few words: {words}");
        }
    }

    [Fact]
    public void Reply_Resume_DoesNotEchoTheSnippet()
    {
        const string sentence = "Led the migration of the billing platform for Acme Corp";
        var (_, json, text) = Turn($"Jane Doe\n{sentence} using Django and PostgreSQL\nDocker, GitHub Actions");
        Assert.DoesNotContain("billing platform", json);
        Assert.DoesNotContain("billing platform", text);
        Assert.Contains("\"intent\":\"resume\"", json);
    }

    [Fact]
    public void Reply_FileShared_TextSaysHowToPaste()
    {
        var reply = TestKnowledge.Turns().Reply(new IncomingMessage { HasFile = true }, ConversationState.New(1)).Reply;
        var text = PlainTextRenderer.Render(reply);
        Assert.Contains("paste", text, StringComparison.OrdinalIgnoreCase);
    }
}
