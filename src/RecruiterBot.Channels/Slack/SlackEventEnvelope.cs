using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Slack;

/// <summary>What Slack POSTs to the Events API request URL: <c>url_verification</c> or <c>event_callback</c>.</summary>
/// <remarks>https://api.slack.com/apis/events-api</remarks>
public sealed record SlackEventEnvelope
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";

    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("challenge")] public string? Challenge { get; init; }
    [JsonPropertyName("team_id")] public string? TeamId { get; init; }
    [JsonPropertyName("event_id")] public string? EventId { get; init; }
    [JsonPropertyName("event")] public SlackEvent? Event { get; init; }
    // Fields the bot does not model; settable because System.Text.Json fills extension data after construction.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
