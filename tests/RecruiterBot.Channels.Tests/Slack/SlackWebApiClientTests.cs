using System.Diagnostics;
using System.Net;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>Outbound calls against the stand-in's faults: 5xx, 429 with Retry-After, ok:false.</summary>
public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private SlackStandIn _slack = null!;
    private SlackBotHost _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync();
        _bot = SlackBotHost.Start(_slack);
        _client = _bot.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task PostMessage_TwoServerErrors_RetriedAndDelivered()
    {
        _slack.FailNext("chat.postMessage", 2, 503);
        await AckAsync(SlackRequests.DirectMessage("EvFlaky", "what is celery"));
        await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(3, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    [Fact]
    public async Task PostMessage_RateLimited_WaitsRetryAfterThenDelivers()
    {
        _slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        var watch = Stopwatch.StartNew();
        await AckAsync(SlackRequests.DirectMessage("EvLimited", "what is celery"));
        await _slack.WaitForCallAsync("chat.postMessage");
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {watch.Elapsed}, before Retry-After");
        Assert.Contains(_bot.Logs.Lines, l => l.EventId == 1204);
    }

    [Fact]
    public async Task PostMessage_SlackSaysNotOk_ErrorCodeLoggedWithEventId()
    {
        _slack.ErrorNext("chat.postMessage", "channel_not_found");
        await AckAsync(SlackRequests.DirectMessage("EvLost", "what is celery"));
        await WaitForLogAsync(1208);
        Assert.Contains(_bot.Logs.Lines, l => l.EventId == 1207 && l.Message.Contains("channel_not_found"));
        Assert.Contains(_bot.Logs.Lines, l => l.EventId == 1208 && l.Message.Contains("EvLost") && l.Message.Contains("channel_not_found"));
    }

    [Fact]
    public async Task PostMessage_ServerErrorsPersist_GivesUpAndLogsEventId()
    {
        _slack.FailNext("chat.postMessage", 10, 500);
        await AckAsync(SlackRequests.DirectMessage("EvDown", "what is celery"));
        await WaitForLogAsync(1208);
        Assert.Equal(4, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Contains(_bot.Logs.Lines, l => l.EventId == 1208 && l.Message.Contains("EvDown") && l.Message.Contains("http_500"));
    }

    [Fact]
    public async Task PostMessage_WrongBotToken_InvalidAuthLogged()
    {
        await using var bot = SlackBotHost.Start(_slack, new() { ["Slack:BotToken"] = "xoxb-wrong" });
        using var client = bot.Client();
        using var response = await client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("EvBadToken", "what is celery")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!bot.Logs.Lines.Any(l => l.EventId == 1208) && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.Contains(bot.Logs.Lines, l => l.EventId == 1208 && l.Message.Contains("invalid_auth"));
    }

    private async Task AckAsync(string body)
    {
        using var response = await _client.SendAsync(SlackRequests.Event(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task WaitForLogAsync(int eventId)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!_bot.Logs.Lines.Any(l => l.EventId == eventId))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"no log {eventId}");
            await Task.Delay(20);
        }
    }
}
