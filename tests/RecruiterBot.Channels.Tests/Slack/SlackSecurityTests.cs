using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RecruiterBot.Channels.Slack;

namespace RecruiterBot.Channels.Tests.Slack;

public sealed class SlackSecurityTests : IAsyncLifetime
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

    public static TheoryData<string> Paths => new() { "/slack/events", "/slack/commands", "/slack/interactions" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Request_BadSignature_401AndNothingHappens(string path)
    {
        var body = path == "/slack/events" ? SlackRequests.DirectMessage("EvForged", "what is celery") : "payload=x&command=/recruiter&text=what+is+celery";
        var request = SlackRequests.Signed(path, body, "application/json", secret: "not-the-secret");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature mismatch", await response.Content.ReadAsStringAsync());

        // The forged event was never queued: a real event queued after it is the only one answered.
        using var real = await _client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage("EvReal", "what is redis")));
        await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage");
    }

    [Theory]
    [InlineData(-301, "5 minutes")]
    [InlineData(301, "5 minutes")]
    public async Task Request_StaleOrFutureTimestamp_401(int secondsFromNow, string reason)
    {
        var request = SlackRequests.Event(SlackRequests.DirectMessage("EvOld", "what is celery"), at: DateTimeOffset.UtcNow.AddSeconds(secondsFromNow));
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("X-Slack-Signature")]
    [InlineData("X-Slack-Request-Timestamp")]
    public async Task Request_MissingHeader_401(string header)
    {
        var request = SlackRequests.Event(SlackRequests.DirectMessage("EvNoHeader", "what is celery"));
        request.Headers.Remove(header);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("missing " + header, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_BodyOver1MB_413()
    {
        var huge = "{\"type\":\"event_callback\",\"pad\":\"" + new string('a', SlackEndpoints.MaxBodyBytes) + "\"}";
        using var response = await _client.SendAsync(SlackRequests.Event(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_ChunkedBodyOver1MB_413()
    {
        var huge = new string('a', SlackEndpoints.MaxBodyBytes + 10);
        var request = SlackRequests.Event(huge);
        // Without a Content-Length the limit is enforced while reading.
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        request.Headers.TransferEncodingChunked = true;
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "malformed JSON")]
    [InlineData("[1,2]", "malformed JSON")]
    [InlineData("null", "expected an object")]
    [InlineData("", "malformed JSON")]
    [InlineData("{\"type\":\"url_verification\"}", "without a challenge")]
    [InlineData("{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}", "without event_id")]
    public async Task Events_MalformedBody_400WithReason(string body, string reason)
    {
        using var response = await _client.SendAsync(SlackRequests.Event(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.ToString();
        Assert.Contains(reason, error);
        Assert.DoesNotContain("\n", error);
    }

    [Fact]
    public async Task Events_UnknownEventType_AcknowledgedAndIgnored()
    {
        using var response = await _client.SendAsync(SlackRequests.Event(SlackRequests.Envelope("EvReaction", new JsonObject { ["type"] = "reaction_added", ["user"] = "U1" })));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Endpoints_NoSigningSecret_NotMapped()
    {
        await using var bot = SlackBotHost.Start(_slack, new() { ["Slack:SigningSecret"] = null });
        using var client = bot.Client();
        foreach (var path in new[] { "/slack/events", "/slack/commands", "/slack/interactions" })
        {
            using var response = await client.SendAsync(SlackRequests.Signed(path, "{}", "application/json"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public void Start_SigningSecretWithoutBotToken_Refused()
    {
        var error = Assert.ThrowsAny<Exception>(() => SlackBotHost.Start(_slack, new() { ["Slack:BotToken"] = null }).Dispose());
        Assert.Contains("Slack:BotToken is required", error.ToString());
    }

    [Fact]
    public void Start_PlainHttpApiBaseUrl_Refused()
    {
        var error = Assert.ThrowsAny<Exception>(() => SlackBotHost.Start(_slack, new() { ["Slack:ApiBaseUrl"] = "http://slack.example.org/api/" }).Dispose());
        Assert.Contains("Slack:ApiBaseUrl", error.ToString());
    }
}
