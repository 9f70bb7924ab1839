using Microsoft.Extensions.DependencyInjection;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Storage.Sql;
using RecruiterBot.Storage.Tests.Postgres;

namespace RecruiterBot.Storage.Tests.Host;

/// <summary>Two host instances behind a load balancer on one PostgreSQL database, spoken to over <c>POST /api/chat</c>.</summary>
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
    public async Task Chat_RequestResentToTheOtherInstance_AnsweredOnceAndOnlyANewRequestMovesOn()
    {
        var first = await _a.SayAsync("w1", "another question", requestId: "req-1");
        var resent = await _b.SayAsync("w1", "another question", requestId: "req-1");

        Assert.Equal(first.Text, resent.Text);
        Assert.Equal(first.Check(), resent.Check());
        // Answered once: one turn saved, one check shown.
        var state = await _b.Services.GetRequiredService<SqlConversationStore>().LoadStateAsync(BotFactory.StateKey("w1"), CancellationToken.None);
        Assert.Equal(1, state!.Version);
        Assert.Equal([first.Check()], state.ShownChecks);

        var next = await _b.SayAsync("w1", "another question", requestId: "req-2");

        Assert.NotEqual(first.Check(), next.Check());
    }

    [Fact]
    public async Task Chat_AnotherQuestionAlternatingBetweenInstances_NeverRepeatsUntilThePoolIsUsedUp()
    {
        var poolSize = _a.Services.GetRequiredService<KnowledgeBase>().Interview.Count;
        var shown = new List<string>();

        for (var i = 0; i < poolSize; i++)
            shown.Add((await (i % 2 == 0 ? _a : _b).SayAsync("alternating", "another question", requestId: $"req-{i}")).Check());

        Assert.True(poolSize > 1);
        Assert.Equal(poolSize, shown.Distinct().Count());
    }
}
