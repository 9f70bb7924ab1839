using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecruiterBot.Storage.Sql;
using RecruiterBot.Storage.Tests.Postgres;

namespace RecruiterBot.Storage.Tests.Host;

/// <summary>The database dies mid-run and comes back: answers continue, /readyz says so, the store reconnects.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    // Slack wants its answer within 3 seconds; a dead database must never cost that.
    private static readonly TimeSpan SlackDeadline = TimeSpan.FromSeconds(3);
    private PostgresCluster _cluster = null!;
    private BotFactory _bot = null!;

    // A cluster of its own: this test kills it.
    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        var settings = BotFactory.PostgresSettings(await _cluster.CreateDatabaseAsync());
        settings["Storage:CallTimeoutMilliseconds"] = "500";
        settings["Storage:CircuitBreakSeconds"] = "1";
        _bot = new BotFactory(settings);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Chat_DatabaseKilledThenBack_AnswersThroughoutAndReconnects()
    {
        using var http = _bot.CreateClient();
        var before = await _bot.SayAsync("outage", "another question");
        Assert.Equal("ok", await StatusAsync(http));

        await _cluster.KillAsync();
        for (var i = 0; i < 8; i++)
        {
            var clock = Stopwatch.StartNew();
            var answer = await _bot.SayAsync("outage", i % 2 == 0 ? "what is celery?" : "another question", requestId: $"down-{i}");
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, SlackDeadline);
            Assert.Equal(i % 2 == 0 ? "skill" : "interview", answer.Intent);
        }
        Assert.Equal("degraded", await StatusAsync(http));

        await _cluster.StartAgainAsync();
        var deadline = Stopwatch.StartNew();
        while (await StatusAsync(http) != "ok")
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the store did not reconnect within 30 s of the database coming back");
            await Task.Delay(200);
        }
        await _bot.SayAsync("outage", "another question");
        var state = await _bot.Services.GetRequiredService<SqlConversationStore>().LoadStateAsync(BotFactory.StateKey("outage"), CancellationToken.None);
        // The state from before the outage was kept and the conversation went on from it.
        Assert.True(state!.Version >= 2, $"version {state.Version}");
        Assert.Contains(before.Check(), state.ShownChecks);
    }

    private static async Task<string?> StatusAsync(HttpClient http)
    {
        var body = await http.GetFromJsonAsync<JsonElement>("/readyz");
        return body.GetProperty("status").GetString();
    }
}
