using System.Diagnostics;
using System.Net;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Sending through a connector that throttles, fails and stalls.</summary>
public sealed class TeamsSendingTests : TeamsHostTest
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Teams:ReplyQueueCapacity"] = "1";
        settings["Teams:ReplyWorkers"] = "1";
    }

    [Fact]
    public async Task Send_429WithRetryAfterThen502_RetriedUntilDelivered()
    {
        StandIn.FailNext(429, retryAfterSeconds: 1);
        StandIn.FailNext(502);
        var activity = Question();

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity, Token())).StatusCode);

        var delivered = Assert.Single(await StandIn.WaitForRepliesAsync(1));
        Assert.Equal([429, 502, 201], StandIn.Replies.Select(r => r.Status));
        Assert.All(StandIn.Replies, r => Assert.Equal(delivered.Body, r.Body));
        var attempts = StandIn.Replies.ToList();
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not waited for");
    }

    [Fact]
    public async Task Send_ReplyAlwaysThrottled_GivesUpAfterMaxAttemptsAndKeepsWorking()
    {
        for (var i = 0; i < 5; i++) StandIn.FailNext(504);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question("what is Django?"), Token())).StatusCode);

        var delivered = Assert.Single(await StandIn.WaitForRepliesAsync(1, TimeSpan.FromSeconds(40)));
        Assert.StartsWith("Django", delivered.Json["text"]!.GetValue<string>());
        Assert.Equal(5, StandIn.Replies.Count(r => r.Status == 504));
    }

    [Fact]
    public async Task Post_ConnectorStallsFiveSeconds_TeamsAnsweredWithinTwoSeconds()
    {
        StandIn.StallNext(TimeSpan.FromSeconds(5));
        // Warm up the token check so the measured request is the endpoint alone.
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), Token())).StatusCode);

        var stopwatch = Stopwatch.StartNew();
        var response = await Client.PostAsync(Question("what is Django?"), Token());
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"Teams waited {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(2, (await StandIn.WaitForRepliesAsync(2)).Count);
    }

    [Fact]
    public async Task Post_QueueFull_503ThenRedeliveryAnswered()
    {
        StandIn.HoldNext();
        var first = Question();
        var second = Question("what is Django?");
        var third = Question("what is Flask?");

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(first, Token())).StatusCode);
        await WaitUntilAsync(() => StandIn.Replies.Count == 0 && StandIn.TokenRequests.Count == 1); // the worker holds the first
        await Task.Delay(200);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(second, Token())).StatusCode); // fills the queue of one
        var refused = await Client.PostAsync(third, Token());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("error", await refused.Content.ReadAsStringAsync());
        StandIn.Release.TrySetResult();
        await StandIn.WaitForRepliesAsync(2);
        // Teams redelivers the refused activity: its id was not recorded, so it is answered.
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(third, Token())).StatusCode);
        var replies = await StandIn.WaitForRepliesAsync(3);
        Assert.Contains(replies, r => r.Json["text"]!.GetValue<string>().StartsWith("Flask", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_TwoReplies_OneBotTokenRequest()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), Token())).StatusCode);
        await StandIn.WaitForRepliesAsync(1);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question("what is Django?"), Token())).StatusCode);
        await StandIn.WaitForRepliesAsync(2);

        Assert.Single(StandIn.TokenRequests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition never held");
            await Task.Delay(20);
        }
    }
}
