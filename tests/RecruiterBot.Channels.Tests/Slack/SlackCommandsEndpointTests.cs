using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Channels.Slack;
using RecruiterBot.Storage;

namespace RecruiterBot.Channels.Tests.Slack;

public sealed class SlackCommandsEndpointTests : IAsyncLifetime
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

    [Theory]
    [InlineData("what is celery", "Celery", true)]
    [InlineData("question", "Interview question", true)]
    [InlineData("question data", "Interview question", true)]
    [InlineData("help", "interview question", false)]
    [InlineData("", "interview question", false)]
    public async Task Commands_EachSubcommand_EphemeralAnswerWithinSlackLimit(string text, string expected, bool shareable)
    {
        var (answer, elapsed) = await CommandAsync(text);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"answered after {elapsed}");
        Assert.Equal("ephemeral", answer["response_type"]!.ToString());
        Assert.Contains(expected, SlackStandIn.AllText(answer), StringComparison.OrdinalIgnoreCase);
        var share = ShareButton(answer);
        Assert.Equal(shareable, share is not null);
        if (answer["blocks"] is JsonArray blocks) Assert.Empty(SlackBlockKitRules.Check(blocks, SlackBlockKitRules.MaxMessageBlocks));
    }

    [Fact]
    public async Task Commands_Read_AnsweredInTimeWithoutShareButton()
    {
        // A resume read is never offered for sharing: the snippet is kept nowhere, so a share could not repeat it.
        var (answer, elapsed) = await CommandAsync("read Python developer, 5 years of Django <!channel>");
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"answered after {elapsed}");
        Assert.Equal("ephemeral", answer["response_type"]!.ToString());
        Assert.Null(ShareButton(answer));
        Assert.DoesNotContain("<!channel>", answer.ToJsonString());
        Assert.DoesNotContain("went wrong", answer.ToJsonString());
        Assert.Contains("Django", SlackStandIn.AllText(answer));
    }

    [Theory]
    [InlineData("what is celery")]
    [InlineData("question")]
    [InlineData("overview")]
    public async Task Commands_SharePressed_SameAnswerPostedInChannel(string text)
    {
        var (answer, _) = await CommandAsync(text);
        var share = ShareButton(answer)!;
        var responseUrl = _slack.ResponseUrl("share1");
        using var response = await _client.SendAsync(SlackRequests.Interaction(
            SlackRequests.ButtonPress("share", share["value"]!.ToString(), responseUrl, ephemeral: true)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var posted = await _slack.WaitForCallAsync("response_url");
        Assert.Equal("in_channel", posted.Str("response_type"));
        Assert.Equal(answer["text"]!.ToString(), posted.Str("text"));
        var shown = new JsonArray([.. answer["blocks"]!.AsArray().Where(b => b!["block_id"]?.ToString() != "share").Select(b => b!.DeepClone())]);
        Assert.Equal(shown.ToJsonString(), posted.Body!["blocks"]!.ToJsonString());
        Assert.Equal("Bearer " + SlackStandIn.BotToken, posted.Authorization);
        Assert.DoesNotContain("Share in channel", posted.Body!.ToJsonString());
    }

    [Fact]
    public async Task Commands_UserTypesChannelPing_NeverPingsTheChannel()
    {
        var (answer, _) = await CommandAsync("what is AT&T <!channel> <@U0123>");
        var text = SlackStandIn.AllText(answer);
        Assert.DoesNotContain("<!channel>", text);
        Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", text);
    }

    [Fact]
    public async Task Commands_SameTriggerTwice_AnsweredOnce()
    {
        using var first = await _client.SendAsync(SlackRequests.Command("what is celery", triggerId: "same.trigger"));
        using var second = await _client.SendAsync(SlackRequests.Command("what is celery", triggerId: "same.trigger"));
        Assert.Contains("Celery", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Commands_SslCheck_Answered200()
    {
        using var response = await _client.SendAsync(SlackRequests.Signed("/slack/commands", "token=abc&ssl_check=1", "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text=hello", "team_id, channel_id, user_id, command")]
    [InlineData("{\"command\": \"/recruiter\"}", "missing")]
    [InlineData("", "missing")]
    public async Task Commands_MalformedForm_400WithReason(string body, string reason)
    {
        using var response = await _client.SendAsync(SlackRequests.Signed("/slack/commands", body, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.ToString());
    }

    [Fact]
    public async Task Commands_SlackDocumentedExample_VerifiedAndAnswered()
    {
        // Slack's own signed example, replayed at the time it was made (a fake clock): it verifies, and gets help.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618).AddSeconds(10));
        await using var bot = SlackBotHost.Start(_slack, new() { ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5" },
            SlackBotHost.Replace<TimeProvider>(clock));
        using var client = bot.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(SlackSignatureVerifierTests.DocBody) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", "1531420618");
        request.Headers.Add("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("interview question", await response.Content.ReadAsStringAsync());

        // Six minutes later the same request is a replay.
        clock.Advance(TimeSpan.FromMinutes(6));
        var replay = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(SlackSignatureVerifierTests.DocBody) };
        replay.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        replay.Headers.Add("X-Slack-Request-Timestamp", "1531420618");
        replay.Headers.Add("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        using var refused = await client.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Commands_SlowStore_AcknowledgedInTimeAndAnsweredThroughResponseUrl()
    {
        await using var bot = SlackBotHost.Start(_slack, services: SlackBotHost.Replace<IConversationStore>(new SlowConversationStore(TimeSpan.FromSeconds(4))));
        using var client = bot.Client();
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(SlackRequests.Command("what is celery", _slack.ResponseUrl("slow")));
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {watch.Elapsed}");
        Assert.Contains("Working on it", await response.Content.ReadAsStringAsync());

        var late = await _slack.WaitForCallAsync("response_url", c => c.Path.EndsWith("slow"));
        Assert.Equal("ephemeral", late.Str("response_type"));
        Assert.Contains("Celery", late.AllText);
    }

    [Theory]
    [InlineData("what is celery", "what is celery")]
    [InlineData("read Python, Django", "resume: Python, Django")]
    [InlineData("READ  Python", "resume: Python")]
    [InlineData("question", "interview question")]
    [InlineData("question data", "interview question data")]
    [InlineData("help", "help")]
    [InlineData("  ", "help")]
    [InlineData("help me with kubernetes", "help me with kubernetes")]
    public void MessageText_Subcommands_MappedToTurnText(string text, string expected)
    {
        var command = new SlackSlashCommand("T", "C", "U", "/recruiter", text, null, null);
        Assert.Equal(expected, command.MessageText());
    }

    private async Task<(JsonObject Answer, TimeSpan Elapsed)> CommandAsync(string text)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _client.SendAsync(SlackRequests.Command(text, triggerId: Guid.NewGuid().ToString("N")));
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), watch.Elapsed);
    }

    private static JsonObject? ShareButton(JsonObject answer) =>
        (answer["blocks"] as JsonArray ?? [])
            .Where(b => b!["type"]!.ToString() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .OfType<JsonObject>()
            .FirstOrDefault(e => e["action_id"]?.ToString() == "share");
}
