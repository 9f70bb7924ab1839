using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RecruiterBot.Channels.Slack;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>Requests signed exactly as Slack signs them, and the payloads Slack sends.</summary>
public static class SlackRequests
{
    public const string Secret = "test-signing-secret-0123456789ab";
    public const string Team = "T0TEAM001";
    public const string Recruiter = "UREC00001";
    public const string Channel = "C0CHAN001";
    public const string DirectChannel = "D0DM00001";

    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null, string secret = Secret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static HttpRequestMessage Event(string json, DateTimeOffset? at = null, int? retryNum = null)
    {
        var request = Signed("/slack/events", json, "application/json", at);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return request;
    }

    public static HttpRequestMessage Command(string text, string? responseUrl = null, string triggerId = "13345224609.738474920.8088930838d88f008e0") =>
        Signed("/slack/commands", Form(
            ("token", "gIkuvaNzQIHg97ATvDxqgjtO"), ("team_id", Team), ("team_domain", "example"), ("channel_id", Channel),
            ("channel_name", "recruiting"), ("user_id", Recruiter), ("user_name", "rita"), ("command", "/recruiter"), ("text", text),
            ("api_app_id", "A0APP0001"), ("response_url", responseUrl ?? "https://hooks.slack.com/commands/T0TEAM001/1/abc"),
            ("trigger_id", triggerId)), "application/x-www-form-urlencoded");

    public static HttpRequestMessage Interaction(JsonObject payload) =>
        Signed("/slack/interactions", Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded");

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static string Envelope(string eventId, JsonObject inner) => new JsonObject
    {
        ["token"] = "XXYYZZ",
        ["team_id"] = Team,
        ["api_app_id"] = "A0APP0001",
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = Team, ["user_id"] = SlackStandIn.BotUserId, ["is_bot"] = true }),
    }.ToJsonString();

    public static string Mention(string eventId, string text, string ts = "1700000100.000100", string? threadTs = null, string user = Recruiter)
    {
        var inner = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = user, ["text"] = $"<@{SlackStandIn.BotUserId}> {text}", ["ts"] = ts,
            ["channel"] = Channel, ["event_ts"] = ts,
        };
        if (threadTs is not null) inner["thread_ts"] = threadTs;
        return Envelope(eventId, inner);
    }

    public static string DirectMessage(string eventId, string text, string user = Recruiter, string? subtype = null, string? botId = null, string ts = "1700000200.000200")
    {
        var inner = new JsonObject
        {
            ["type"] = "message", ["channel"] = DirectChannel, ["user"] = user, ["text"] = text, ["ts"] = ts,
            ["event_ts"] = ts, ["channel_type"] = "im",
        };
        if (subtype is not null) inner["subtype"] = subtype;
        if (botId is not null) inner["bot_id"] = botId;
        return Envelope(eventId, inner);
    }

    public static string HomeOpened(string eventId, string tab = "home") => Envelope(eventId, new JsonObject
    {
        ["type"] = "app_home_opened", ["user"] = Recruiter, ["channel"] = DirectChannel, ["tab"] = tab, ["event_ts"] = "1700000300.000300",
    });

    /// <summary>A <c>block_actions</c> payload for a button on a message (or, without a channel, on the App Home view).</summary>
    public static JsonObject ButtonPress(string actionId, string value, string? responseUrl, bool ephemeral = false, string? channel = Channel,
        string triggerId = "701.702.abc", string? threadTs = null)
    {
        var container = channel is null
            ? new JsonObject { ["type"] = "view", ["view_id"] = "V0VIEW001" }
            : new JsonObject { ["type"] = "message", ["message_ts"] = "1700000400.000400", ["channel_id"] = channel, ["is_ephemeral"] = ephemeral };
        if (threadTs is not null) container["thread_ts"] = threadTs;
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "example" },
            ["user"] = new JsonObject { ["id"] = Recruiter, ["username"] = "rita", ["team_id"] = Team },
            ["api_app_id"] = "A0APP0001",
            ["token"] = "XXYYZZ",
            ["container"] = container,
            ["trigger_id"] = triggerId,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value, ["type"] = "button", ["action_ts"] = "1700000401.000401",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button" },
            }),
        };
        if (channel is not null) payload["channel"] = new JsonObject { ["id"] = channel, ["name"] = "recruiting" };
        if (responseUrl is not null) payload["response_url"] = responseUrl;
        return payload;
    }
}
