using System.Diagnostics;
using System.Net;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>Outbound calls against the stand-in's faults: 5xx, 429 with Retry-After, ok:false.</summary>
public sealed class SlackWebApiClientTests : SlackHostTest
{
    [Fact]
    public async Task PostMessage_TwoServerErrors_RetriedAndDelivered()
    {
        Slack.FailNext("chat.postMessage", 2, 503);
        await AckAsync(SlackRequests.DirectMessage("EvFlaky", "what is celery"));
        await Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(3, Slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    [Fact]
    public async Task PostMessage_RateLimited_WaitsRetryAfterThenDelivers()
    {
        Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        var watch = Stopwatch.StartNew();
        await AckAsync(SlackRequests.DirectMessage("EvLimited", "what is celery"));
        await Slack.WaitForCallAsync("chat.postMessage");
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {watch.Elapsed}, before Retry-After");
        Assert.Contains(Bot.Logs.Lines, l => l.EventId == 1204);
    }

    [Fact]
    public async Task PostMessage_SlackSaysNotOk_ErrorCodeLoggedWithEventId()
    {
        Slack.ErrorNext("chat.postMessage", "channel_not_found");
        await AckAsync(SlackRequests.DirectMessage("EvLost", "what is celery"));
        await WaitForLogAsync(1208);
        Assert.Contains(Bot.Logs.Lines, l => l.EventId == 1207 && l.Message.Contains("channel_not_found"));
        Assert.Contains(Bot.Logs.Lines, l => l.EventId == 1208 && l.Message.Contains("EvLost") && l.Message.Contains("channel_not_found"));
    }

    [Fact]
    public async Task PostMessage_ServerErrorsPersist_GivesUpAndLogsEventId()
    {
        Slack.FailNext("chat.postMessage", 10, 500);
        await AckAsync(SlackRequests.DirectMessage("EvDown", "what is celery"));
        await WaitForLogAsync(1208);
        Assert.Equal(4, Slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Contains(Bot.Logs.Lines, l => l.EventId == 1208 && l.Message.Contains("EvDown") && l.Message.Contains("http_500"));
    }

    [Fact]
    public async Task PostMessage_WrongBotToken_InvalidAuthLogged()
    {
        await using var bot = SlackBotHost.Start(Slack, new() { ["Slack:BotToken"] = "xoxb-wrong" });
        using var client = bot.Client();
        using var response = await client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("EvBadToken", "what is celery")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!bot.Logs.Lines.Any(l => l.EventId == 1208) && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.Contains(bot.Logs.Lines, l => l.EventId == 1208 && l.Message.Contains("invalid_auth"));
    }

    private async Task AckAsync(string body)
    {
        using var response = await Client.SendAsync(SlackRequests.Event(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task WaitForLogAsync(int eventId)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!Bot.Logs.Lines.Any(l => l.EventId == eventId))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"no log {eventId}");
            await Task.Delay(20);
        }
    }
}
