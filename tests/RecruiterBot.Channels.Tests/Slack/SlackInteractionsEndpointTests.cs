using System.Net;
using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Slack;

public sealed class SlackInteractionsEndpointTests : IAsyncLifetime
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
    public async Task Interactions_ShowAnswerPressed_ReplacesTheCardThroughResponseUrl()
    {
        var checkId = await AnyInterviewCheckIdAsync();
        await PressAsync(SlackRequests.ButtonPress("answer", $$"""{"action":"answer","id":"{{checkId}}"}""", _slack.ResponseUrl("card1"), threadTs: "1700000100.000100"));

        var reply = await _slack.WaitForCallAsync("response_url", c => c.Path.EndsWith("card1"));
        Assert.True(reply.Body!["replace_original"]!.GetValue<bool>());
        Assert.Null(reply.Str("thread_ts"));
        Assert.Contains("strong answer", reply.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Bearer " + SlackStandIn.BotToken, reply.Authorization);
    }

    [Fact]
    public async Task Interactions_ShowAnswerWithoutResponseUrl_UpdatesTheMessage()
    {
        var checkId = await AnyInterviewCheckIdAsync();
        await PressAsync(SlackRequests.ButtonPress("answer", $$"""{"action":"answer","id":"{{checkId}}"}""", responseUrl: null));

        var update = await _slack.WaitForCallAsync("chat.update");
        Assert.Equal(SlackRequests.Channel, update.Str("channel"));
        Assert.Equal("1700000400.000400", update.Str("ts"));
        Assert.Contains("strong answer", update.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Interactions_DefinePressed_AddsAMessageInTheThread()
    {
        await PressAsync(SlackRequests.ButtonPress("define", """{"action":"define","kind":"skill","id":"celery"}""", _slack.ResponseUrl("card2"), threadTs: "1700000100.000100"));

        var reply = await _slack.WaitForCallAsync("response_url", c => c.Path.EndsWith("card2"));
        Assert.False(reply.Body!["replace_original"]!.GetValue<bool>());
        Assert.Equal("in_channel", reply.Str("response_type"));
        Assert.Equal("1700000100.000100", reply.Str("thread_ts"));
        Assert.Contains("Celery", reply.AllText);
    }

    [Fact]
    public async Task Interactions_ButtonOnEphemeralAnswer_StaysEphemeralWithShareButton()
    {
        await PressAsync(SlackRequests.ButtonPress("define", """{"action":"define","kind":"skill","id":"celery"}""", _slack.ResponseUrl("card3"), ephemeral: true));
        var reply = await _slack.WaitForCallAsync("response_url", c => c.Path.EndsWith("card3"));
        Assert.Equal("ephemeral", reply.Str("response_type"));
        Assert.Contains("\"action_id\":\"share\"", reply.Body!.ToJsonString());
    }

    [Fact]
    public async Task Interactions_AppHomeButton_AnsweredInDirectMessage()
    {
        await PressAsync(SlackRequests.ButtonPress("home-interview", """{"action":"interview"}""", responseUrl: null, channel: null));
        var post = await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(SlackRequests.Recruiter, post.Str("channel"));
        Assert.Contains("Interview question", post.AllText);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"action\": 42}")]
    [InlineData("")]
    public async Task Interactions_MalformedButtonValue_AnsweredWithHelp(string value)
    {
        await PressAsync(SlackRequests.ButtonPress("x", value, _slack.ResponseUrl("bad")));
        var reply = await _slack.WaitForCallAsync("response_url");
        Assert.Contains("interview question", reply.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Interactions_ResponseUrlNotSlack_NotCalledAndLogged()
    {
        await PressAsync(SlackRequests.ButtonPress("define", """{"action":"define","kind":"skill","id":"celery"}""", "https://attacker.example/steal"));
        await PressAsync(SlackRequests.ButtonPress("define", """{"action":"define","kind":"skill","id":"redis"}""", _slack.ResponseUrl("after"), triggerId: "t2"));
        await _slack.WaitForCallAsync("response_url", c => c.Path.EndsWith("after"));
        Assert.Contains(_bot.Logs.Lines, l => l.EventId == 1209);
        Assert.Contains(_bot.Logs.Lines, l => l.EventId == 1208 && l.Message.Contains("response_url_not_slack"));
    }

    [Theory]
    [InlineData("", "no payload")]
    [InlineData("payload=%7Bnot-json", "malformed payload JSON")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D", "without actions")]
    public async Task Interactions_MalformedForm_400WithReason(string body, string reason)
    {
        using var response = await _client.SendAsync(SlackRequests.Signed("/slack/interactions", body, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.ToString());
    }

    [Fact]
    public async Task Interactions_OtherPayloadType_Acknowledged()
    {
        using var response = await _client.SendAsync(SlackRequests.Interaction(new JsonObject { ["type"] = "shortcut", ["callback_id"] = "x" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task PressAsync(JsonObject payload)
    {
        using var response = await _client.SendAsync(SlackRequests.Interaction(payload));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> AnyInterviewCheckIdAsync()
    {
        // The share button of an interview question carries {"action": "answer", "id": <check id>}.
        using var response = await _client.SendAsync(SlackRequests.Command("question", triggerId: "q1"));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var share = answer["blocks"]!.AsArray().Last()!["elements"]![0]!["value"]!.ToString();
        return JsonNode.Parse(share)!["id"]!.ToString();
    }
}
