using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Slack;

/// <summary>A message returned to a slash command inline or POSTed to a <c>response_url</c>.</summary>
/// <remarks>https://api.slack.com/interactivity/handling#message_responses</remarks>
public sealed record SlackCommandResponse
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    [JsonPropertyName("response_type")] public string? ResponseType { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("blocks")] public JsonArray? Blocks { get; init; }
    [JsonPropertyName("replace_original")] public bool? ReplaceOriginal { get; init; }
    [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }
}
