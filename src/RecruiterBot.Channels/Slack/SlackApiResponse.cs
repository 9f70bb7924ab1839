using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Slack;

/// <summary>Every Web API answer: <c>ok</c>, an <c>error</c> code when not ok (with HTTP 200), and the bot's user id from <c>auth.test</c>.</summary>
/// <remarks>https://api.slack.com/web#evaluating_responses</remarks>
public sealed record SlackApiResponse
{
    [JsonPropertyName("ok")] public bool Ok { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("user_id")] public string? UserId { get; init; }
    // Fields the bot does not model; settable because System.Text.Json fills extension data after construction.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
