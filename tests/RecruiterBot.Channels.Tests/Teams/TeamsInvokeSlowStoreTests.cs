using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RecruiterBot.Channels.Tests.Fakes;
using RecruiterBot.Storage;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Invokes answered within Teams' deadline (5 s for the search box) while every store call stalls 10 s.</summary>
public sealed class TeamsInvokeSlowStoreTests : TeamsHostTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly StallingStore _store = new(TimeSpan.FromSeconds(10));

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConversationStore>(_store);
        services.AddSingleton<IQuestionStats>(_store);
    }

    private async Task<(JsonObject Body, TimeSpan Took)> TimedInvokeAsync(JsonObject activity)
    {
        // The first request also fetches the signing keys: not part of what is measured.
        await Client.PostAsync(TeamsActivities.Search(StandIn.ServiceUrl, "warm up"), Token());
        var token = Token();
        var clock = Stopwatch.StartNew();
        var response = await Client.PostAsync(activity, token);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return (JsonNode.Parse(body)!.AsObject(), clock.Elapsed);
    }

    [Fact]
    public async Task Search_EmptyQueryWhileTheQuestionLogStalls_ResultsWithinFiveSecondsInTheGuidesOrder()
    {
        var (body, took) = await TimedInvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, ""));

        // Well inside the 5 s: the question log gets 1.5 s, then the guide's order is used.
        Assert.True(took < Deadline - TimeSpan.FromSeconds(1.5), $"answered after {took.TotalSeconds:F1} s");
        var titles = body["composeExtension"]!["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(10, titles.Count);
        Assert.NotEqual("Redis and Caching", titles[0]);
    }

    [Fact]
    public async Task CardAction_WhileTheStoreStalls_CardWithinFiveSeconds()
    {
        var execute = TeamsActivities.Execute(StandIn.ServiceUrl, "answer", new JsonObject { ["action"] = "answer", ["id"] = "data-orm-vs-sql" });

        var (body, took) = await TimedInvokeAsync(execute);

        Assert.True(took < Deadline - TimeSpan.FromSeconds(1), $"answered after {took.TotalSeconds:F1} s");
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("What a strong answer sounds like", body["value"]!.ToJsonString());
        Assert.Contains(Bot.Logs, l => l.Contains("did not answer in time", StringComparison.Ordinal));
    }
}
