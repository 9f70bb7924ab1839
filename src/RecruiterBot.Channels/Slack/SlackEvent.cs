using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Slack;

/// <summary>The inner event of an <c>event_callback</c>: the fields of <c>app_mention</c>, <c>message</c> and <c>app_home_opened</c> the bot reads.</summary>
/// <remarks>https://docs.slack.dev/reference/events/app_mention</remarks>
public sealed record SlackEvent
{
    public const string AppMention = "app_mention";
    public const string Message = "message";
    public const string AppHomeOpened = "app_home_opened";
    public const string FileShare = "file_share";

    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("subtype")] public string? Subtype { get; init; }
    [JsonPropertyName("user")] public string? User { get; init; }
    [JsonPropertyName("bot_id")] public string? BotId { get; init; }
    [JsonPropertyName("app_id")] public string? AppId { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("ts")] public string? Ts { get; init; }
    [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }
    [JsonPropertyName("channel")] public string? Channel { get; init; }
    [JsonPropertyName("channel_type")] public string? ChannelType { get; init; }
    [JsonPropertyName("tab")] public string? Tab { get; init; }
    // Fields the bot does not model; settable because System.Text.Json fills extension data after construction.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
