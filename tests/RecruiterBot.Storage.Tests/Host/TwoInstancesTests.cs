using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage.Tests.Postgres;

namespace RecruiterBot.Storage.Tests.Host;

/// <summary>Two host instances behind a load balancer on one PostgreSQL database.</summary>
// Drives ConversationTurns through each instance's container until the host has /api/chat.
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BotFactory _a = null!;
    private BotFactory _b = null!;

    public async Task InitializeAsync()
    {
        var settings = BotFactory.PostgresSettings(await postgres.Cluster.CreateDatabaseAsync());
        // Generous: these tests are about consistency between instances, not latency on a busy machine.
        settings["Storage:CallTimeoutMilliseconds"] = "10000";
        (_a, _b) = (new BotFactory(settings), new BotFactory(settings));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_MessageResentToTheOtherInstance_AnsweredOnce()
    {
        var first = await _a.SayAsync("slack:T1:C1:U1", "what is celery?", inboundId: "Ev0001");
        var resent = await _b.SayAsync("slack:T1:C1:U1", "what is celery?", inboundId: "Ev0001");

        Assert.False(first.Duplicate);
        Assert.NotNull(first.Reply);
        Assert.True(resent.Duplicate);
        Assert.Null(resent.Reply);
    }

    [Fact]
    public async Task RunAsync_WebChatRetryOnTheOtherInstance_SameAnswerAndTheConversationDoesNotMoveOn()
    {
        var first = await _a.SayAsync("webchat:w1", "another question", inboundId: "req-1", replay: true);
        var retry = await _b.SayAsync("webchat:w1", "another question", inboundId: "req-1", replay: true);
        var next = await _b.SayAsync("webchat:w1", "another question", inboundId: "req-2", replay: true);

        Assert.True(retry.Duplicate);
        Assert.Equal(first.Reply!.Text, retry.Reply!.Text);
        Assert.NotEqual(Check(first), Check(next));
    }

    [Fact]
    public async Task RunAsync_AnotherQuestionAlternatingBetweenInstances_NeverRepeatsUntilThePoolIsUsedUp()
    {
        var poolSize = _a.Services.GetService(typeof(Core.Knowledge.KnowledgeBase)) is Core.Knowledge.KnowledgeBase kb ? kb.Interview.Count : 0;
        var shown = new List<string>();

        for (var i = 0; i < poolSize; i++)
            shown.Add(Check(await (i % 2 == 0 ? _a : _b).SayAsync("msteams:19:abc@thread.v2:user-1", "another question", inboundId: $"act-{i}")));

        Assert.True(poolSize > 1);
        Assert.Equal(poolSize, shown.Distinct().Count());
    }

    private static string Check(TurnOutcome outcome) => Assert.IsType<InterviewReply>(outcome.Reply!.Reply).Check.Id;
}
