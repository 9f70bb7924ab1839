using Microsoft.Extensions.Logging.Abstractions;
using RecruiterBot.Cards;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Storage;

namespace RecruiterBot.Channels.Tests.Conversation;

/// <summary>What one turn leaves in the store: the state, the claim, and a question log row without personal data.</summary>
public sealed class ConversationTurnsTests
{
    private static readonly TurnHandler Turns = TurnHandler.Create(KnowledgeLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "knowledge")));

    private readonly InMemoryConversationStore _store = new(TimeProvider.System);

    private ConversationTurns Create() => new(Turns, new ReplyRenderer(), _store, TimeProvider.System, NullLogger<ConversationTurns>.Instance);

    private async Task<QuestionLogEntry> SayAsync(string text, string? inboundId = null)
    {
        var before = _store.QuestionLog.Count;
        var outcome = await Create().RunAsync(new TurnRequest("webchat", "webchat:c1", IncomingMessage.FromText(text), inboundId, ReplayDuplicate: false), CancellationToken.None);
        Assert.NotNull(outcome.Reply);
        Assert.Equal(before + 1, _store.QuestionLog.Count);
        return _store.QuestionLog.Last();
    }

    [Fact]
    public async Task RunAsync_KnownTerm_LogsTheEntryWithFullConfidenceAndNoText()
    {
        var row = await SayAsync("what is Celery?");
        Assert.Equal(("webchat", "skill", "skill", "celery"), (row.Channel, row.Intent, row.EntryKind, row.EntryId));
        Assert.Equal(1, row.Confidence);
        Assert.Null(row.Question);
    }

    [Fact]
    public async Task RunAsync_Typo_LogsLowerConfidence()
    {
        var row = await SayAsync("what is kubernets");
        Assert.Equal("kubernetes", row.EntryId);
        Assert.Equal(TurnHandler.TypoConfidence, row.Confidence);
    }

    [Fact]
    public async Task RunAsync_Unknown_LogsTheQuestionCutAndWithoutEmailOrPhone()
    {
        var row = await SayAsync("what is blockchain? mail jane.doe@example.com or call +1 (415) 555-0100 " + new string('x', 400));
        Assert.Equal("unknown", row.Intent);
        Assert.Equal(0, row.Confidence);
        Assert.NotNull(row.Question);
        Assert.StartsWith("what is blockchain?", row.Question);
        Assert.True(row.Question!.Length <= ConversationTurns.QuestionLogLimit);
        Assert.DoesNotContain("jane.doe", row.Question);
        Assert.DoesNotContain("555", row.Question);
    }

    [Fact]
    public async Task RunAsync_ResumeSnippet_LogsOnlyItsCounts()
    {
        var row = await SayAsync("Jane Doe, jane@example.com\nSkills: Python, Django, PostgreSQL, Docker\nBuilt REST APIs with DRF");
        Assert.Equal("resume", row.Intent);
        Assert.Null(row.Question);
        Assert.True(row.ResumeSkillCount >= 4);
    }

    [Fact]
    public async Task RunAsync_SameInboundIdTwice_AnswersOnceAndKeepsOneState()
    {
        var turns = Create();
        var request = new TurnRequest("slack", "slack:T1:C1:U1", IncomingMessage.FromText("interview question"), "slack:Ev1", ReplayDuplicate: false);
        var first = await turns.RunAsync(request, CancellationToken.None);
        var second = await turns.RunAsync(request, CancellationToken.None);
        Assert.NotNull(first.Reply);
        Assert.True(second.Duplicate);
        Assert.Null(second.Reply);
        Assert.Equal(1, (await _store.LoadStateAsync("slack:T1:C1:U1", CancellationToken.None))!.Version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_WithInboundId_TheClaimKeepsTheStartingStateOnlyWhereDuplicatesAreReplayed(bool replay)
    {
        var turns = Create();
        await turns.RunAsync(new TurnRequest("webchat", "webchat:c1", IncomingMessage.FromText("interview question"), "webchat:c1:1", replay), CancellationToken.None);
        await turns.RunAsync(new TurnRequest("webchat", "webchat:c1", IncomingMessage.FromText("another one"), "webchat:c1:2", replay), CancellationToken.None);

        var claim = await _store.TryClaimInboundAsync("webchat:c1:2", null, CancellationToken.None);

        Assert.NotNull(claim);
        if (replay) Assert.Equal(1, claim.StateBefore!.Version);
        else Assert.Null(claim.StateBefore);
    }
}
