using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels.Tests.Slack;

public sealed class SlackEventsEndpointTests : SlackHostTest
{

    private const string Challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";

    [Fact]
    public async Task Events_UrlVerification_AnswersChallenge()
    {
        var body = $$"""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"{{Challenge}}","type":"url_verification"}""";
        using var response = await Client.SendAsync(SlackRequests.Event(body));
        Assert.True(HttpStatusCode.OK == response.StatusCode, string.Join("\n", Bot.Logs.Lines.Select(l => l.Message)));
        Assert.Equal(Challenge, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_AppMentionInChannel_AnsweredInThreadWithBotToken()
    {
        using var response = await Client.SendAsync(SlackRequests.Event(SlackRequests.Mention("Ev01", "what is celery?", ts: "1700000100.000100")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = await Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal("Bearer " + SlackStandIn.BotToken, post.Authorization);
        Assert.Equal(SlackRequests.Channel, post.Str("channel"));
        Assert.Equal("1700000100.000100", post.Str("thread_ts"));
        Assert.Contains("Celery", post.AllText);
        Assert.All(Slack.Calls, c => Assert.True(c.Ok, $"{c.Method}: {c.Error}"));
    }

    [Fact]
    public async Task Events_Replies_LogNothingPerReplyAtInformation()
    {
        for (var i = 0; i < 3; i++)
            await Client.SendAsync(SlackRequests.Event(SlackRequests.Mention($"EvLog{i}", "what is celery?", ts: $"170000020{i}.000100")));

        await Slack.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1700000202.000100");

        // The start-up lines are there (so Information is captured); chat.postMessage and auth.test add none (the
        // HTTP client's own lines: "Start processing HTTP request ...", "Sending HTTP request ...").
        Assert.Contains(Bot.Logs.Lines, l => l.Level == LogLevel.Information);
        Assert.DoesNotContain(Bot.Logs.Lines, l => l.Message.Contains("HTTP request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_AppMentionInsideThread_AnsweredInThatThread()
    {
        await Client.SendAsync(SlackRequests.Event(SlackRequests.Mention("Ev02", "what is django", ts: "1700000111.000111", threadTs: "1700000100.000100")));
        var post = await Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal("1700000100.000100", post.Str("thread_ts"));
    }

    [Fact]
    public async Task Events_DirectMessage_AnsweredInTheDirectMessage()
    {
        using var response = await Client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("Ev03", "interview question")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(SlackRequests.DirectChannel, post.Str("channel"));
        Assert.Null(post.Str("thread_ts"));
        Assert.Contains("Interview question", post.AllText);
    }

    [Fact]
    public async Task Events_FileSharedByPerson_AnsweredWithHowToPaste()
    {
        await Client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("Ev04", "", subtype: "file_share")));
        var post = await Slack.WaitForCallAsync("chat.postMessage");
        Assert.Contains("paste", post.AllText);
    }

    [Fact]
    public async Task Events_OwnBotAndSubtypeMessages_Ignored()
    {
        // Our own message (learned with auth.test), another bot's, an edit and a bot's file share: none is answered.
        await Ack(SlackRequests.DirectMessage("EvOwn", "what is celery", user: SlackStandIn.BotUserId));
        await Ack(SlackRequests.DirectMessage("EvBot", "what is celery", user: "UOTHERBOT", botId: "BOTHER001"));
        await Ack(SlackRequests.DirectMessage("EvEdit", "what is celery", subtype: "message_changed"));
        await Ack(SlackRequests.DirectMessage("EvBotFile", "", subtype: "file_share", botId: "BOTHER001"));
        // One reply queue worker: once the last message is answered, anything queued before it was handled.
        await Ack(SlackRequests.DirectMessage("EvSentinel", "what is redis"));
        await Slack.WaitForCallAsync("chat.postMessage", c => c.Str("text")!.Contains("Redis"));

        var posts = Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Single(posts);
    }

    [Fact]
    public async Task Events_RetryAndDuplicateEventId_AnsweredOnce()
    {
        var body = SlackRequests.Mention("EvDup", "what is kubernetes");
        await Ack(body);
        await Ack(body, retryNum: 1);
        await Ack(SlackRequests.Mention("EvDup", "what is kubernetes", ts: "1700000999.000999"));
        await Ack(SlackRequests.DirectMessage("EvSentinel2", "what is redis"));
        await Slack.WaitForCallAsync("chat.postMessage", c => c.Str("text")!.Contains("Redis"));

        Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage" && c.Str("channel") == SlackRequests.Channel);
        Assert.Contains(Bot.Logs.Lines, l => l.EventId == 1001 && l.Message.Contains("slack:EvDup"));
    }

    [Fact]
    public async Task Events_DuplicateAcrossInstancesSharingAStore_AnsweredOnce()
    {
        var database = SlackBotHost.SharedDatabase();
        try
        {
            var shared = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database };
            await using var first = SlackBotHost.Start(Slack, shared);
            await using var second = SlackBotHost.Start(Slack, shared);
            var body = SlackRequests.Mention("EvShared", "what is kubernetes");
            await Ack(body, first.Client());
            await Slack.WaitForCallAsync("chat.postMessage");
            await Ack(body, second.Client(), retryNum: 1);
            await Ack(SlackRequests.DirectMessage("EvSentinel3", "what is redis"), second.Client());
            await Slack.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == SlackRequests.DirectChannel);

            Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage" && c.Str("channel") == SlackRequests.Channel);
        }
        finally { Directory.Delete(Path.GetDirectoryName(database)!, recursive: true); }
    }

    [Fact]
    public async Task Events_RetryAfterRestart_NotAnsweredAgain()
    {
        var database = SlackBotHost.SharedDatabase();
        try
        {
            var shared = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database };
            var body = SlackRequests.Mention("EvRestart", "what is kubernetes");
            await using (var before = SlackBotHost.Start(Slack, shared))
            {
                await Ack(body, before.Client());
                await Slack.WaitForCallAsync("chat.postMessage");
            }
            await using var after = SlackBotHost.Start(Slack, shared);
            await Ack(body, after.Client(), retryNum: 2);
            await Ack(SlackRequests.DirectMessage("EvSentinel4", "what is redis"), after.Client());
            await Slack.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == SlackRequests.DirectChannel);

            Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage" && c.Str("channel") == SlackRequests.Channel);
        }
        finally { Directory.Delete(Path.GetDirectoryName(database)!, recursive: true); }
    }

    [Fact]
    public async Task Events_SlackApiStalls5Seconds_AcknowledgedAtOnce()
    {
        Slack.Stall = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        using var response = await Client.SendAsync(SlackRequests.Event(SlackRequests.Mention("EvSlow", "what is celery")));
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"acknowledged after {watch.Elapsed}");
        // The reply still arrives once Slack answers.
        await Slack.WaitForCallAsync("chat.postMessage");
    }

    [Fact]
    public async Task Events_HostStopsWithRepliesQueued_RepliesStillSent()
    {
        Slack.Stall = TimeSpan.FromMilliseconds(300);
        var bot = SlackBotHost.Start(Slack);
        using (var client = bot.Client())
        {
            await Ack(SlackRequests.DirectMessage("EvStop1", "what is celery"), client);
            await Ack(SlackRequests.DirectMessage("EvStop2", "what is redis", ts: "1700000201.000201"), client);
        }
        await bot.DisposeAsync();
        Assert.Equal(2, Slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Ok));
    }

    [Fact]
    public async Task Events_QueueFull_503AndTheRetryIsAnswered()
    {
        var gate = new TaskCompletionSource();
        await using var bot = SlackBotHost.Start(Slack, new() { ["Slack:QueueCapacity"] = "1" });
        using var client = bot.Client();
        Slack.Gate = gate.Task;

        await Ack(SlackRequests.DirectMessage("EvBusy1", "what is celery"), client);
        // The worker is now stuck on Slack; the queue holds one more event and refuses the next.
        await WaitUntilAsync(() => Slack.Arrived > 0, TimeSpan.FromSeconds(10));
        await Ack(SlackRequests.DirectMessage("EvBusy2", "what is django", ts: "1700000201.000201"), client);
        using (var refused = await client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("EvBusy3", "what is redis", ts: "1700000202.000202"))))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("error", await refused.Content.ReadAsStringAsync());
        }

        Slack.Gate = null;
        gate.SetResult();
        await WaitUntilAsync(() => Slack.Calls.Count(c => c.Method == "chat.postMessage") == 2, TimeSpan.FromSeconds(20));
        // Slack's retry of the refused event is answered: its event id was never recorded.
        await Ack(SlackRequests.DirectMessage("EvBusy3", "what is redis", ts: "1700000202.000202"), client, retryNum: 1);
        await WaitUntilAsync(() => Slack.Calls.Count(c => c.Method == "chat.postMessage") == 3, TimeSpan.FromSeconds(20));
        Assert.Contains(Slack.Calls, c => c.Method == "chat.postMessage" && c.Str("text")!.StartsWith("Redis"));
    }

    [Fact]
    public async Task Events_AppHomeOpened_PublishesHomeView()
    {
        await Ack(SlackRequests.HomeOpened("EvHome"));
        var publish = await Slack.WaitForCallAsync("views.publish");
        Assert.Equal(SlackRequests.Recruiter, publish.Str("user_id"));
        var view = publish.Body!["view"]!.AsObject();
        Assert.Equal("home", view["type"]!.ToString());
        var buttons = view["blocks"]!.AsArray().Where(b => b!["type"]!.ToString() == "actions").SelectMany(b => b!["elements"]!.AsArray()).ToList();
        Assert.Equal(3, buttons.Count);
        Assert.All(buttons, b => Assert.StartsWith("{\"action\":", b!["value"]!.ToString()));
    }

    [Fact]
    public async Task Events_MessagesTabOpened_NoViewPublished()
    {
        await Ack(SlackRequests.HomeOpened("EvTab", tab: "messages"));
        await Ack(SlackRequests.HomeOpened("EvHome2"));
        await Slack.WaitForCallAsync("views.publish");
        Assert.Single(Slack.Calls, c => c.Method == "views.publish");
    }

    [Fact]
    public async Task Events_UserTypesChannelPing_EscapedInReply()
    {
        await Ack(SlackRequests.DirectMessage("EvPing", "what is AT&T <!channel> <@U999>"));
        var post = await Slack.WaitForCallAsync("chat.postMessage");
        var text = post.AllText;
        Assert.DoesNotContain("<!channel>", text);
        Assert.DoesNotContain("<@", text);
        Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", text);
    }

    private async Task Ack(string body, HttpClient? client = null, int? retryNum = null)
    {
        using var response = await (client ?? Client).SendAsync(SlackRequests.Event(body, retryNum: retryNum));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met");
            await Task.Delay(20);
        }
    }
}
